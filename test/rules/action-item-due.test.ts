import { actionItemDue } from '../../server/src/analysis/rules/actions/actionItemDue';
import { ruleTester } from '../helpers/ruleTester';

const dated = (items: string) => `---\ndate: 2024-03-15\n---\n# Postmortem\n\n## Action Items\n\n${items}`;
const message = (action: string, example = '"(due: 2024-03-29)", 14 days after the incident,') => `No due date or tracking link for "${action}". Add ${example} or a link to the ticket that tracks it, so it is not forgotten.`;

ruleTester(actionItemDue, {
  valid: [
    {
      name: 'due dates, relative deadlines and tracking links',
      text: dated([
        '- Add a runbook by 2024-04-01',
        '- Add an alert (Due: June 30)',
        '- Load test within the next two weeks',
        '- Audit config next sprint',
        '- Rotate keys by end of Q3',
        '- Fix leak ([JIRA-12](https://x.atlassian.net/browse/JIRA-12))',
        '- Patch ABC-123',
        '- Fix #45',
        '- Add a canary, see https://github.com/acme/app/issues/7',
        '',
      ].join('\n')),
    },
    { name: 'a Due column', text: dated('| Action | ETA |\n|---|---|\n| Add alert | 2024-04-01 |\n') },
    { name: 'a tracking link on the heading covers its items', text: '# Postmortem\n\n## Action Items ([tracked in #40885](https://github.com/acme/app/issues/40885))\n\n- Add alert\n' },
  ],
  invalid: [
    {
      name: 'two weeks after the front matter date, merged into the field parenthesis',
      text: dated('- Add an alert (owner: @ana).\n- Write a runbook, for example https://example.com/runbooks\n'),
      findings: [
        { range: '7:0-7:29', message: message('Add an alert') },
        { range: '8:0-8:59', message: message('Write a runbook, for example https://example.com/runbooks') },
      ],
      output: dated('- Add an alert (owner: @ana, due: 2024-03-29).\n- Write a runbook, for example https://example.com/runbooks (due: 2024-03-29)\n'),
    },
    {
      name: 'the incident date from the summary Duration, and a configurable delay',
      text: '# Postmortem\n\n## Summary\n\n**Duration:** 2023-09-10 14:30 to 15:45 UTC\n\n## Action Items\n\n- Add an alert\n',
      config: { rules: { 'action-item-due': ['info', { days: 7 }] } },
      findings: [{ range: '8:0-8:14', message: message('Add an alert', '"(due: 2023-09-17)", 7 days after the incident,') }],
      output: '# Postmortem\n\n## Summary\n\n**Duration:** 2023-09-10 14:30 to 15:45 UTC\n\n## Action Items\n\n- Add an alert (due: 2023-09-17)\n',
    },
    {
      name: 'the incident date from the first dated timeline entry; an empty Due cell is filled',
      text: '# Postmortem\n\n## Timeline\n\n- 14:00 alert fired\n- March 15, 2024, 09:00: pool exhausted\n\n## Action Items\n\n| Action | Due |\n|---|---|\n| Add alert |  |\n',
      findings: [{ range: '11:0-11:16', message: message('Add alert', '"(due: 2024-03-29)", 14 days after the incident,') }],
      output: '# Postmortem\n\n## Timeline\n\n- 14:00 alert fired\n- March 15, 2024, 09:00: pool exhausted\n\n## Action Items\n\n| Action | Due |\n|---|---|\n| Add alert | 2024-03-29 |\n',
    },
    {
      name: 'no incident date: no fix, the message shows the format',
      text: '# Postmortem\n\n## Action Items\n\n- Add an alert\n',
      findings: [{ range: '4:0-4:14', message: message('Add an alert', '"(due: YYYY-MM-DD)"') }],
    },
  ],
});
