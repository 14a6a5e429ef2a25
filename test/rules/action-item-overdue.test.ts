import { actionItemOverdue } from '../../server/src/analysis/rules/actions/actionItemOverdue';
import { ruleTester } from '../helpers/ruleTester';

const report = (items: string) => `# Postmortem\n\n## Action Items\n\n${items}`;
const today = { today: '2024-05-10' };
const message = (action: string, due: string, days: string) => `"${action}" was due on ${due}, ${days} ago, and is still open. Mark it done, or agree a new date with its owner.`;

ruleTester(actionItemOverdue, {
  valid: [
    {
      name: 'due today or later, done, relative or without a date',
      config: today,
      text: report([
        '- [ ] Add an alert (due: 2024-05-10)',
        '- [ ] Add a runbook by 2024-06-01',
        '- [x] Rotate keys by 2024-01-02',
        '- Patch the driver by 2024-02-01 (done)',
        '- [ ] Load test next sprint',
        '- [ ] Audit the config',
        '',
      ].join('\n')),
    },
    { name: 'no clock, nothing is judged', text: report('- [ ] Add an alert (due: 2020-01-01)\n') },
    {
      name: 'a completed heading covers its items',
      config: today,
      text: report('### Completed\n\n- Add an alert (due: 2024-01-01)\n'),
    },
  ],
  invalid: [
    {
      name: 'a past date on a task item, a list item and a table row: the date is marked',
      config: today,
      text: report('- [ ] Add an alert (owner: @ana, due: 2024-05-09)\n- Write a runbook by 2024-03-01\n\n| Action | Due |\n|---|---|\n| Load test | 2024-04-30 |\n'),
      findings: [
        { range: '4:38-4:48', message: message('Add an alert', '2024-05-09', '1 day') },
        { range: '5:21-5:31', message: message('Write a runbook', '2024-03-01', '70 days') },
        { range: '9:14-9:24', message: message('Load test', '2024-04-30', '10 days') },
      ],
    },
    {
      name: 'a date on the heading: the item is marked',
      config: today,
      text: report('### By 2024-04-01\n\n- [ ] Add an alert\n'),
      findings: [{ range: '6:0-6:18', message: message('Add an alert', '2024-04-01', '39 days') }],
    },
    {
      name: 'an inline comment switches it off for one item',
      config: today,
      text: report('<!-- postmortem-disable-next-line action-item-overdue -->\n- [ ] Add an alert (due: 2024-05-01)\n- [ ] Add a runbook (due: 2024-05-01)\n'),
      findings: [{ line: 6, message: message('Add a runbook', '2024-05-01', '9 days') }],
    },
  ],
});
