import { timelineTimezoneMissing } from '../../server/src/analysis/rules/timeline/timelineTimezoneMissing';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(timelineTimezoneMissing, {
  valid: [
    { name: 'declared in the heading', text: '# Outage\n\n## Timeline (all times UTC)\n\n- 14:00 alert\n' },
    { name: 'declared on an intro line', text: '# Outage\n\n## Timeline\n\nAll times are in PST.\n\n- 14:00 alert\n' },
    { name: 'declared in the table header', text: '# Outage\n\n## Timeline\n\n| Time (UTC) | Event |\n| --- | --- |\n| 14:00 | Alert |\n' },
    {
      name: "declared by the summary's duration (seed 004)",
      text: '# Outage\n\n## Summary\n\nDuration: February 25, 2023, from 9:00 PM to February 26, 2023, 3:00 AM (UTC-5)\n\n## Timeline\n\n- February 25, 2023, 9:00 PM: alert\n',
    },
    { name: 'a zone on a time of the summary', text: '# Outage\n\n## Summary\n\nAt approximately 7:30 pm (UTC), the web server went down.\n\n## Timeline\n\n- 7:37 PM checked the processes\n' },
    {
      name: 'a window written as a sentence under a Duration heading',
      text: '# Outage\n\n## Summary\n\n### Duration:\nThe outage began at **14:30 UTC, March 6, 2025** and was resolved by **14:45 UTC, March 6, 2025**.\n\n## Timeline\n\n- **14:30**: alert\n',
    },
    { name: 'front matter timezone', text: '---\ntimezone: Europe/Berlin\n---\n# Outage\n\n## Timeline\n\n- 14:00 alert\n' },
    { name: 'the defaultTimezone setting', text: '# Outage\n\n## Timeline\n\n- 14:00 alert\n', config: { timezone: 'UTC' } },
    { name: 'stated on the first entry, it carries (seed 000)', text: '# Outage\n\n## Timeline\n\n- 09:00 AM (East Africa Time) alert\n- 09:15 AM rollback\n' },
  ],
  invalid: [
    {
      name: 'no zone anywhere: one finding, and a fix that declares UTC in the heading',
      text: '# Outage\n\n## Timeline\n\n- 14:00 alert\n- 14:05 rollback\n',
      findings: [
        {
          range: '4:2-4:7',
          message: 'None of the 2 times (first: "14:00") in "Timeline" has a time zone, so readers elsewhere cannot place them. Declare the zone once in the heading, e.g. "Timeline (all times UTC)", or write it after each time.',
        },
      ],
      output: '# Outage\n\n## Timeline (all times UTC)\n\n- 14:00 alert\n- 14:05 rollback\n',
    },
    {
      name: 'a bold label keeps its colon after the declaration',
      text: '# Outage\n\n**Timeline:**\n\n- 14:00 alert\n',
      findings: [
        {
          range: '4:2-4:7',
          message: 'The time "14:00" in "Timeline" has no time zone, so readers elsewhere cannot place it. Declare the zone once in the heading, e.g. "Timeline (all times UTC)", or write it after each time.',
        },
      ],
      output: '# Outage\n\n**Timeline (all times UTC):**\n\n- 14:00 alert\n',
    },
    {
      name: 'one time without the zone the others use: append it',
      text: '# Outage\n\n## Timeline\n\n- 14:00 alert\n- 14:05 UTC rollback\n- 14:20 UTC recovered\n',
      findings: [{ range: '4:2-4:7', message: '"14:00" has no time zone, while the other times in "Timeline" are in UTC. Write "14:00 UTC" if that is what it means.' }],
      output: '# Outage\n\n## Timeline\n\n- 14:00 UTC alert\n- 14:05 UTC rollback\n- 14:20 UTC recovered\n',
    },
    {
      name: 'a declaration that names no zone we know: no fix, a hint',
      text: '# Outage\n\n## Timeline (all times Greenwitch)\n\n- 02:47 config changed\n',
      findings: [
        {
          range: '4:2-4:7',
          message:
            'The time "02:47" in "Timeline" has no time zone, so readers elsewhere cannot place it. The heading "Timeline (all times Greenwitch)" names a zone that cannot be read: write an abbreviation, offset or IANA name, e.g. "all times UTC" or "all times Europe/London".',
        },
      ],
    },
  ],
});
