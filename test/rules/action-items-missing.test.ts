import { actionItemsMissing } from '../../server/src/analysis/rules/actions/actionItemsMissing';
import { ruleTester } from '../helpers/ruleTester';

const example = '"- [ ] Add an alert when pool usage > 80% for 5 min (owner: @handle, due: YYYY-MM-DD)"';
const prose = (title: string, count: string) => `"${title}" is written as prose (${count}), not as action items. Write each measure as its own task item ("- [ ] ...") so it can be owned, dated and checked off.`;
const prompt = '- [ ] Concrete, verifiable task (owner: @handle, due: YYYY-MM-DD)';

ruleTester(actionItemsMissing, {
  valid: [
    { name: 'a list', text: '# Postmortem\n\n## Action Items\n\nWe will do this:\n\n- Add an alert\n\nThese measures will help.\n' },
    { name: 'a table', text: '# Postmortem\n\n## Action Items\n\n| Action | Owner |\n|---|---|\n| Add alert | @ana |\n' },
    { name: 'an HTML list is not read, so not judged', text: '# Postmortem\n\n## Action Items\n\n<ol><li>Add an alert</li></ol>\n' },
    { name: 'no action-items section at all (missing-section reports that)', text: '# Postmortem\n\n## Summary\n\nx\n' },
  ],
  invalid: [
    {
      name: 'prose: one task per sentence; abbreviations, decimals, links and code never split; the closing remark stays',
      text: '# PM\n\n## Corrective and Preventative Measures\n\nWe will add alerts, e.g. on pool usage, i.e. the 0.8 ratio. See [the docs](https://example.com/a.b). Then raise the limit to 1.5x at 9 a.m. UTC daily! Dr. Smith reviews `x. Y` it. Done?\n\nThese measures will help.\n',
      findings: [{ range: '2:0-2:39', message: prose('Corrective and Preventative Measures', '5 sentences') }],
      output: '# PM\n\n## Corrective and Preventative Measures\n\n- [ ] We will add alerts, e.g. on pool usage, i.e. the 0.8 ratio.\n- [ ] See [the docs](https://example.com/a.b).\n- [ ] Then raise the limit to 1.5x at 9 a.m. UTC daily!\n- [ ] Dr. Smith reviews `x. Y` it.\n- [ ] Done?\n\nThese measures will help.\n',
    },
    {
      name: 'one item per line; labels and lead-ins stay as written; "In conclusion" stays prose',
      text: '# PM\n\n## Next steps\n\nTo prevent this, we will take the following steps:\n\nImprovements/Fixes:\nAdd an alert on pool usage.\nAdd a runbook\nTasks:\nPatch the leak in `db.go` (see v1.2.3).\nIn conclusion, it went well.\n',
      findings: [{ range: '2:0-2:13', message: prose('Next steps', '3 sentences') }],
      output: '# PM\n\n## Next steps\n\nTo prevent this, we will take the following steps:\n\nImprovements/Fixes:\n\n- [ ] Add an alert on pool usage.\n- [ ] Add a runbook\n\nTasks:\n\n- [ ] Patch the leak in `db.go` (see v1.2.3).\n\nIn conclusion, it went well.\n',
    },
    {
      name: 'lines with a stray marker ("-Add", "● Write") are one task each, the marker dropped',
      text: '# PM\n\n## Action Items\n\nImprovements:\n-Add an alert on pool usage.\n● Write a runbook\n',
      findings: [{ range: '2:0-2:15', message: prose('Action Items', '2 sentences') }],
      output: '# PM\n\n## Action Items\n\nImprovements:\n\n- [ ] Add an alert on pool usage.\n- [ ] Write a runbook\n',
    },
    {
      name: 'a hard-wrapped sentence stays one item (CRLF kept)',
      text: '# PM\r\n\r\n## Action Items\r\n\r\nWe will add an alert on the\r\nconnection pool. And a runbook.\r\n',
      findings: [{ range: '2:0-2:15', message: prose('Action Items', '2 sentences') }],
      output: '# PM\r\n\r\n## Action Items\r\n\r\n- [ ] We will add an alert on the connection pool.\r\n- [ ] And a runbook.\r\n',
    },
    {
      name: 'empty: a placeholder task to fill in',
      text: '# PM\n\n## Action Items\n',
      findings: [{ range: '2:0-2:15', message: `"Action Items" has no action items. Add one task item per change, e.g. ${example}.` }],
      output: `# PM\n\n## Action Items\n\n${prompt}\n`,
    },
    {
      name: 'only empty labels and a closing remark: the placeholder goes under the labels',
      text: '# PM\n\n## Action Items\n\n**Improvements:**\n\n**Tasks:**\n\n -- By implementing these measures we will be fine.\n',
      findings: [{ range: '2:0-2:15', message: `"Action Items" has no action items: the labels "Improvements:" and "Tasks:" have nothing under them. Add one task item per change, e.g. ${example}.` }],
      output: `# PM\n\n## Action Items\n\n**Improvements:**\n\n**Tasks:**\n\n${prompt}\n\n -- By implementing these measures we will be fine.\n`,
    },
  ],
});
