import { actionPlanBalance } from '../../server/src/analysis/rules/actions/actionPlanBalance';
import { ruleTester } from '../helpers/ruleTester';

const section = (items: string) => `# Postmortem\n\n## Action Items\n\n${items}`;

ruleTester(actionPlanBalance, {
  valid: [
    { name: 'mixed types', text: section('- Add an alert on pool usage\n- Add a load test at 2x peak\n- Write a runbook for pool exhaustion\n') },
    { name: 'fewer than three items', text: section('- Write a runbook\n- Document the failover\n') },
    { name: 'an item of unknown type keeps the plan from being "all one type"', text: section('- Write a runbook\n- Document the failover\n- Talk to the vendor\n') },
    { name: 'mixed priorities', text: section('- Add an alert P1\n- Add a load test P2\n- Write a runbook P1\n') },
    { name: 'done items do not count', text: section('- Write a runbook\n- Document the failover\n- [x] Add an alert on pool usage\n') },
  ],
  invalid: [
    {
      name: 'every item a process item, inferred from wording',
      text: section('- Write a runbook for pool exhaustion\n- Document the failover\n- Train the on-call team\n'),
      findings: [{ range: '2:0-2:15', message: 'All 3 action items are "process" items (read from their wording): none prevents a recurrence or detects one sooner. Add at least one that does, e.g. "Add an alert when pool usage > 80% for 5 min".' }],
    },
    {
      name: 'explicit types and one priority for all',
      text: section('| Action | Type | Priority |\n|---|---|---|\n| Add alert A | detect | P2 |\n| Add alert B | Detection | P2 |\n| Add dashboard C | detect | P2 |\n'),
      findings: [
        { range: '2:0-2:15', message: 'All 3 action items are "detect" items: none prevents a recurrence: the next incident will be found sooner, not avoided. Add at least one that does, e.g. "Add a load test at 2× peak traffic that blocks the release".' },
        { range: '2:0-2:15', message: 'All 3 action items are P2: when everything has the same priority, nothing comes first. Rank them (P0 to P3) so the team knows what to do first.' },
      ],
    },
    {
      name: 'the minimum number of items is configurable',
      text: section('- Write a runbook\n- Document the failover\n'),
      config: { rules: { 'action-plan-balance': ['info', { minItems: 2 }] } },
      findings: [{ range: '2:0-2:15', message: /^All 2 action items are "process" items/ }],
    },
  ],
});
