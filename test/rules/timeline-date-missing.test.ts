import { timelineDateMissing } from '../../server/src/analysis/rules/timeline/timelineDateMissing';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(timelineDateMissing, {
  valid: [
    { name: 'one day', text: '# Outage\n\n## Timeline\n\n- 14:00 UTC alert\n- 16:00 UTC fixed\n' },
    { name: 'dated across midnight (seed 004)', text: '# Outage\n\n## Timeline\n\n- February 25, 2023, 10:30 PM UTC alert\n- February 26, 2023, 1:00 AM UTC fixed\n' },
    { name: 'dated headings', text: '# Outage\n\n## Timeline\n\n#### August 15, 2024\n\n- 23:00 UTC alert\n\n#### August 16, 2024\n\n- 01:00 UTC fixed\n' },
    { name: 'a little back is disorder, not a new day', text: '# Outage\n\n## Timeline\n\n- 14:00 UTC alert\n- 13:30 UTC deploy\n' },
    { name: 'PM then AM, a few hours later, says the night passed', text: '# Outage\n\n## Timeline\n\n- 10:00 PM UTC alert\n- 1:00 AM UTC recovered\n' },
    {
      name: "the summary dates both ends of the night, and the entry falls on its last day",
      text: '# Outage\n\n## Summary\n\nDuration: May 10, 2024, 22:00 UTC to May 11, 2024, 01:30 UTC\n\n## Timeline\n\n- 22:00 UTC alert\n- 23:30 UTC rollback\n- 01:00 UTC recovered\n',
    },
    {
      name: "a window of days around a timeline that fits between its clocks on one day: the summary's dates are the odd part",
      text: '# Outage\n\n## Summary\n\nDuration: 2024-08-11, 13:00 UTC to 2024-08-15, 14:30 UTC\n\n## Timeline\n\n- 13:00 UTC alert\n- 14:00 UTC rollback\n- 14:30 UTC stable\n',
    },
  ],
  invalid: [
    {
      name: 'the clock goes back across midnight: the fix writes the next day before the time',
      text: '---\ndate: 2024-05-10\n---\n# Outage\n\n## Timeline\n\n- 22:00 UTC alert\n- 23:30 UTC rollback\n- 01:00 UTC recovered\n- 01:30 UTC closed\n',
      findings: [
        {
          range: '9:2-9:11',
          message: '"01:00 UTC" comes after "23:30 UTC" with no date, so it is read as the next day (2024-05-11). Write the date before the first time of each new day so the order is plain.',
        },
      ],
      output: '---\ndate: 2024-05-10\n---\n# Outage\n\n## Timeline\n\n- 22:00 UTC alert\n- 23:30 UTC rollback\n- 2024-05-11 01:00 UTC recovered\n- 01:30 UTC closed\n',
    },
    {
      name: 'no date known anywhere: no fix',
      text: '# Outage\n\n## Timeline\n\n- 22:00 UTC alert\n- 01:00 UTC recovered\n',
      findings: [
        {
          range: '5:2-5:11',
          message: '"01:00 UTC" comes after "22:00 UTC" with no date, so it is read as the next day. Write the date before the first time of each new day so the order is plain.',
        },
      ],
    },
    {
      name: 'PM then a morning long after: which morning is not plain',
      text: '# Outage\n\n## Timeline\n\n- 10:00 PM UTC alert\n- 8:45 AM UTC recovered\n',
      findings: [{ range: '5:2-5:13', message: '"8:45 AM UTC" comes after "10:00 PM UTC" with no date, so it is read as the next day. Write the date before the first time of each new day so the order is plain.' }],
    },
    {
      name: "the summary's window spans days, the timeline never says which",
      text: '# Outage\n\n## Summary\n\nDuration: May 10, 2024, 08:00 UTC to May 12, 2024, 10:00 UTC\n\n## Timeline\n\n- 09:00 UTC alert\n- 12:00 UTC rollback\n',
      findings: [
        {
          range: '8:2-8:11',
          message: "The summary's duration runs from 2024-05-10 to 2024-05-12, but no time in the timeline says which day it is on. Write the date on the first entry of each day, or correct the summary if it all happened on one day.",
        },
      ],
    },
  ],
});
