import { timelineOutOfOrder } from '../../server/src/analysis/rules/timeline/timelineOutOfOrder';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(timelineOutOfOrder, {
  valid: [
    { name: 'in order', text: '# Outage\n\n## Timeline\n\n- 14:00 UTC alert\n- 14:05 UTC page\n' },
    { name: 'dated entries across midnight (seed 004)', text: '# Outage\n\n## Timeline\n\n- February 25, 2023, 10:30 PM UTC alert\n- February 26, 2023, 1:00 AM UTC fixed\n' },
    { name: 'many hours back with no date is a day change, not disorder', text: '# Outage\n\n## Timeline\n\n- 22:00 UTC alert\n- 01:00 UTC recovered\n' },
    { name: 'a dated sub-heading starts a new day', text: '# Outage\n\n## Timeline\n\n### August 15, 2024\n\n- 23:00 UTC alert\n\n### August 16, 2024\n\n- 01:00 UTC fixed\n' },
    { name: 'a date without a time on the day of the entry before', text: '# Outage\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 2024-03-13 10:01 | Alert |\n| 2024-03-13 14:?? | Scaled down |\n' },
  ],
  invalid: [
    {
      name: 'industry/007: 11:08 then 11:07 in a table; the fix swaps the rows',
      text: '# Outage\n\n## Timeline\n\nAll times in UTC.\n\n| Time | Event |\n| --- | --- |\n| 2023-02-14 11:01 | LB healthy |\n| 2023-02-14 11:08 | Follow-up mail |\n| 2023-02-14 11:07 | Sev 1 ticket raised |\n| 2023-02-14 11:59 | Resolved |\n',
      findings: [
        {
          range: '10:2-10:18',
          message: '"2023-02-14 11:07" comes after "2023-02-14 11:08" (line 10) but is 1 minute earlier. Move the entry up or correct its time; the fix sorts the timeline.',
        },
      ],
      output: '# Outage\n\n## Timeline\n\nAll times in UTC.\n\n| Time | Event |\n| --- | --- |\n| 2023-02-14 11:01 | LB healthy |\n| 2023-02-14 11:07 | Sev 1 ticket raised |\n| 2023-02-14 11:08 | Follow-up mail |\n| 2023-02-14 11:59 | Resolved |\n',
    },
    {
      name: 'whole entries move with their nested content; an entry without a time stays after its entry; separators stay',
      text: '# Outage\n\n## Timeline\n\n- 10:00 UTC rollback\n  - it took 5 minutes\n\n- Note without time\n\n- 09:00 UTC alert\n- 10:30 UTC recovered\n',
      findings: [{ range: '9:2-9:11', message: '"09:00 UTC" comes after "10:00 UTC" (line 5) but is 1 hour earlier. Move the entry up or correct its time; the fix sorts the timeline.' }],
      output: '# Outage\n\n## Timeline\n\n- 09:00 UTC alert\n\n- 10:00 UTC rollback\n  - it took 5 minutes\n\n- Note without time\n- 10:30 UTC recovered\n',
    },
    {
      name: "the summary's window decides: 09:30 is inside it on the same day, so it is out of order",
      text: '# Outage\n\n## Summary\n\nDuration: 2024-05-10 09:00 to 2024-05-10 18:00 UTC\n\n## Timeline\n\n- 17:00 UTC fixed\n- 09:30 UTC alert\n',
      findings: [{ range: '9:2-9:11', message: '"09:30 UTC" comes after "17:00 UTC" (line 9) but is 7h 30m earlier. Move the entry up or correct its time; the fix sorts the timeline.' }],
      output: '# Outage\n\n## Summary\n\nDuration: 2024-05-10 09:00 to 2024-05-10 18:00 UTC\n\n## Timeline\n\n- 09:30 UTC alert\n- 17:00 UTC fixed\n',
    },
    {
      name: 'zones are resolved before comparing',
      text: '# Outage\n\n## Timeline\n\n- 14:00 UTC alert\n- 13:50 CET rollback\n',
      findings: [{ range: '5:2-5:11', message: '"13:50 CET" (12:50 UTC) comes after "14:00 UTC" (line 5) but is 1h 10m earlier. Move the entry up or correct its time; the fix sorts the timeline.' }],
      output: '# Outage\n\n## Timeline\n\n- 13:50 CET rollback\n- 14:00 UTC alert\n',
    },
    {
      name: 'bold-time lines keep their continuation lines',
      text: '# Outage\n\n## Timeline\n\n**14:05 UTC** - Alert fired.\nThe on-call engineer looked.\n\n**14:01 UTC** - Deploy.\n',
      findings: [{ range: '7:2-7:11', message: '"14:01 UTC" comes after "14:05 UTC" (line 5) but is 4 minutes earlier. Move the entry up or correct its time; the fix sorts the timeline.' }],
      output: '# Outage\n\n## Timeline\n\n**14:01 UTC** - Deploy.\n\n**14:05 UTC** - Alert fired.\nThe on-call engineer looked.\n',
    },
    {
      name: 'headings carrying a time move with their sections',
      text: '# Outage\n\n## Timeline\n\n### 14:05 UTC\n\nAlert fired.\n\n### 14:01 UTC\n\nDeploy.\n\n## Root cause\n\nx\n',
      findings: [{ range: '8:4-8:13', message: '"14:01 UTC" comes after "14:05 UTC" (line 5) but is 4 minutes earlier. Move the entry up or correct its time; the fix sorts the timeline.' }],
      output: '# Outage\n\n## Timeline\n\n### 14:01 UTC\n\nDeploy.\n\n### 14:05 UTC\n\nAlert fired.\n\n## Root cause\n\nx\n',
    },
    {
      name: 'no fix when moving entries would change the day of others (a time without a date takes the day before it)',
      text: '# Outage\n\n## Summary\n\nDuration: June 7, 2024, 10:00 to 12:00 UTC\n\n## Timeline\n\n- 10:05 UTC alert\n- February 26, 2023, 03:00 UTC old deploy\n- 10:50 UTC rollback\n',
      findings: [{ range: '9:2-9:30', message: '"February 26, 2023, 03:00 UTC" comes after "10:05 UTC" (line 9) but is 467 days earlier. Move the entry up or correct its time.' }],
    },
    {
      name: 'entries in different lists cannot be sorted together: no fix',
      text: '# Outage\n\n## Timeline\n\n**Detection:**\n\n- 14:05 UTC alert\n\n**Response:**\n\n- 14:01 UTC rollback\n',
      findings: [{ range: '10:2-10:11', message: '"14:01 UTC" comes after "14:05 UTC" (line 7) but is 4 minutes earlier. Move the entry up or correct its time.' }],
    },
  ],
});
