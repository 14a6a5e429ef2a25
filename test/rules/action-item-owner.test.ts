import { actionItemOwner } from '../../server/src/analysis/rules/actions/actionItemOwner';
import { ruleTester } from '../helpers/ruleTester';

const section = (items: string, heading = '## Action Items') => `# Postmortem\n\n${heading}\n\n${items}`;
const message = (action: string, where = 'add "(owner: @handle)"') => `No owner for "${action}". Name the one person or team who will see it done: ${where}.`;

ruleTester(actionItemOwner, {
  valid: [
    {
      name: 'owners wherever people write them',
      text: section([
        '- Add a runbook (owner: SRE team)',
        '- Fix the leak @ana',
        '- Add a canary — Jane Doe',
        '- Page on-call, assigned to Bob',
        '- **Owner:** Priya — add a load test',
        '- Add a pool alert',
        '  - Owner: @bo',
        '- [x] Roll back the deploy',
        '',
      ].join('\n')),
    },
    { name: 'an Owner column', text: section('| Action | Who |\n|---|---|\n| Add alert | @ana |\n') },
    { name: 'items under a "Completed" heading are done', text: section('- Roll back the deploy\n', '## Immediate actions (completed)') },
    { name: 'an e-mail address is not a handle, but the Owner key makes it one', text: section('- Add an alert (owner: ana@example.com)\n') },
  ],
  invalid: [
    {
      name: 'no owner: the placeholder goes before the final full stop',
      text: section('- [ ] Add an alert when pool usage > 80% for 5 min.\n- Write to ops@example.com\n'),
      findings: [
        { range: '4:0-4:51', message: message('Add an alert when pool usage > 80%…') },
        { range: '5:0-5:26', message: message('Write to ops@example.com') },
      ],
      output: section('- [ ] Add an alert when pool usage > 80% for 5 min (owner: @TBD).\n- Write to ops@example.com (owner: @TBD)\n'),
    },
    {
      name: 'the placeholder joins a field parenthesis the item ends with',
      text: section('1. Add a canary stage (due: 2024-06-01).\n'),
      findings: [{ range: '4:0-4:40', message: message('Add a canary stage') }],
      output: section('1. Add a canary stage (due: 2024-06-01, owner: @TBD).\n'),
    },
    {
      name: 'a table row: the placeholder goes into the empty Owner cell',
      text: section('| Action | Owner | Due |\n|---|---|---|\n| Add alert on pool usage > 80% | | 2024-06-01 |\n'),
      findings: [{ range: '6:0-6:48', message: message('Add alert on pool usage > 80%', 'write them in the Owner column') }],
      output: section('| Action | Owner | Due |\n|---|---|---|\n| Add alert on pool usage > 80% | @TBD | 2024-06-01 |\n'),
    },
    {
      name: 'the placeholder is configurable',
      text: section('- Add a canary\n'),
      config: { rules: { 'action-item-owner': ['warning', { placeholder: 'TBD' }] } },
      findings: [{ range: '4:0-4:14', message: message('Add a canary') }],
      output: section('- Add a canary (owner: TBD)\n'),
    },
    {
      name: 'second fix: convert the section to a table, keeping labels, fields and every word',
      text: section('**Tasks:**\n- Add a load test at 2x peak (due: 2024-06-01)\n  - Owner: @bo\n- Write a runbook | for pools, P1\n  see [ABC-12](https://x.atlassian.net/browse/ABC-12)\n- [x] Roll back v2\n\nClosing words.\n'),
      findings: [{ range: '7:0-8:53', message: message('Write a runbook | for pools, see') }],
      fixIndex: 1,
      output: section('**Tasks:**\n\n| Action | Type | Owner | Priority | Due | Tracking |\n| --- | --- | --- | --- | --- | --- |\n| Add a load test at 2x peak |  | @bo |  | 2024-06-01 |  |\n| Write a runbook \\| for pools, see |  |  | P1 |  | [ABC-12](https://x.atlassian.net/browse/ABC-12) |\n| [x] Roll back v2 |  |  |  |  |  |\n\nClosing words.\n'),
      afterFix: [message('Write a runbook | for pools, see', 'write them in the Owner column')],
    },
    {
      name: 'a label item ("- **Improvements:**") stays, as written, above its own table',
      text: section('- **Improvements:**\n  - Add a pool alert @ana\n- **Tasks:**\n  - Patch the leak\n'),
      findings: [{ range: '7:2-7:18', message: message('Patch the leak') }],
      fixIndex: 1,
      output: section('**Improvements:**\n\n| Action | Type | Owner | Priority | Due | Tracking |\n| --- | --- | --- | --- | --- | --- |\n| Add a pool alert |  | @ana |  |  |  |\n\n**Tasks:**\n\n| Action | Type | Owner | Priority | Due | Tracking |\n| --- | --- | --- | --- | --- | --- |\n| Patch the leak |  |  |  |  |  |\n'),
      afterFix: [message('Patch the leak', 'write them in the Owner column')],
    },
  ],
});
