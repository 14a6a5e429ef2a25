import { timelineTimezoneMixed } from '../../server/src/analysis/rules/timeline/timelineTimezoneMixed';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(timelineTimezoneMixed, {
  valid: [
    { name: 'UTC and GMT are one zone', text: '# Outage\n\n## Timeline\n\n- 14:00 UTC alert\n- 14:10 GMT page\n' },
    { name: 'PST in July is Los Angeles time, like PDT', text: '# Outage\n\n## Timeline\n\n- 2024-07-01 09:00 PST alert\n- 2024-07-01 09:30 PDT page\n' },
    { name: 'one zone throughout', text: '# Outage\n\n## Timeline (all times UTC)\n\n- 14:00 alert\n- 14:10 UTC page\n' },
  ],
  invalid: [
    {
      name: 'a time in another zone than the declared one: the fix rewrites it in the declared zone',
      text: '# Outage\n\n## Timeline (all times UTC)\n\n- 2024-07-01 14:00 alert\n- 2024-07-01 16:05 CEST rollback\n',
      findings: [
        {
          range: '5:19-5:23',
          message: '"2024-07-01 16:05 CEST" is in CEST (Central European Summer Time), but "Timeline" declares UTC (Coordinated Universal Time) (in the heading). Times in mixed zones are easy to misread: write them all in one zone.',
        },
      ],
      output: '# Outage\n\n## Timeline (all times UTC)\n\n- 2024-07-01 14:00 alert\n- 2024-07-01 14:05 UTC rollback\n',
    },
    {
      name: 'no declaration: compared with the zone most times use, normalized to UTC',
      text: '# Outage\n\n## Timeline\n\n- 14:00 UTC alert\n- 14:10 UTC page\n- 10:20 EDT rollback\n',
      findings: [
        {
          range: '6:8-6:11',
          message: '"10:20 EDT" is in EDT (Eastern Daylight Time), but most times in "Timeline" are in UTC (Coordinated Universal Time). Times in mixed zones are easy to misread: write them all in one zone.',
        },
      ],
      output: '# Outage\n\n## Timeline\n\n- 14:00 UTC alert\n- 14:10 UTC page\n- 14:20 UTC rollback\n',
    },
  ],
});
