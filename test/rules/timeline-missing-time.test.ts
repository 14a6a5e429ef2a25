import { timelineMissingTime } from '../../server/src/analysis/rules/timeline/timelineMissingTime';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(timelineMissingTime, {
  valid: [
    { name: 'every entry has a time', text: '# Outage\n\n## Timeline\n\n- 14:00 UTC alert\n- 14:30 UTC recovered\n' },
    { name: 'a time inside the sentence (seed 000)', text: '# Outage\n\n## Timeline\n\n- Initial investigations started at 09:30 AM, focusing on the database.\n' },
    { name: 'a date without a time is a time too', text: '# Outage\n\n## Timeline\n\n- 2024-01-31: the fix shipped\n' },
    { name: 'a note between entries', text: '# Outage\n\n## Timeline\n\n- 14:00 UTC alert\n- **Note:** the status page was not updated\n- 14:30 UTC recovered\n' },
    {
      name: 'lists without times under a dated sub-heading are not entries',
      text: '# Outage\n\n## Timeline\n\n### October 21, 2025 - Redis overload\n\n**Root causes:**\n\n- CPU undersized\n- Retries\n\n**Timeline:**\n\n- **21:45 UTC** - Deploy\n- **21:47 UTC** - Alert\n',
    },
    { name: 'log lines in code inside an entry', text: '# Outage\n\n## Timeline\n\n- 14:00 UTC alert, logs said:\n  ```\n  2019/03/07 21:07:55 [emerg] too many open files\n  ```\n- 14:05 UTC restarted nginx\n' },
    { name: 'lines after a time line belong to its entry', text: '# Outage\n\n## Timeline\n\n**14:05 UTC** - Alert fired.\nThe on-call engineer looked at the dashboards.\n**14:20 UTC** - Rolled back.\n' },
    {
      name: 'a list of log lines after a line entry is not a list of entries',
      text: '# Outage\n\n## Timeline\n\n12:00pm EAT: Issue was detected.\n\n* nginx[31101]: nginx: [emerg] invalid number of arguments\n* nginx[31101]: configuration file test failed 12:14pm EAT: She then opened the file\n',
    },
  ],
  invalid: [
    {
      name: 'seed 001: labelled entries without a time',
      text: '# Outage\n\n## Timeline\n\n- **Detection:** 14:30 UTC, alert fired\n- **Actions taken:**\n  - restarted the pool\n- 15:00 UTC recovered\n',
      findings: [
        {
          range: '5:0-5:20',
          message: 'The timeline entry "Actions taken:" has no time, while the entry before it says "14:30 UTC". Start it with when it happened so it can be placed in order.',
        },
      ],
    },
    {
      name: 'a table row with an empty time cell',
      text: '# Outage\n\n## Timeline\n\n| Time (UTC) | Event |\n| --- | --- |\n| 14:00 | Alert |\n| | Rollback |\n',
      findings: [{ range: '7:0-7:14', message: 'The timeline entry "Rollback" has no time, while the entry before it says "14:00". Start it with when it happened so it can be placed in order.' }],
    },
    {
      name: 'a timeline with no time at all is reported once, on its heading',
      text: '# Outage\n\n## Timeline\n\n- Alert fired\n- Pool restarted\n- Recovered\n',
      findings: [
        {
          range: '2:0-2:11',
          message: 'None of the 3 entries under "Timeline" has a time. Start each entry with when it happened (e.g. "14:05 UTC - Alert fired") so readers can follow the order of events.',
        },
      ],
    },
    {
      name: 'a single entry',
      text: '# Outage\n\n## Timeline\n\n- Alert fired\n',
      findings: [{ range: '2:0-2:11', message: 'The only entry under "Timeline" has no time. Start each entry with when it happened (e.g. "14:05 UTC - Alert fired") so readers can follow the order of events.' }],
    },
  ],
});
