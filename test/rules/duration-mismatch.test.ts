import { durationMismatch } from '../../server/src/analysis/rules/timeline/durationMismatch';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(durationMismatch, {
  valid: [
    { name: 'the stated length matches', text: '# Outage\n\n## Summary\n\n**Duration:** 2024-06-15 14:00 to 16:15 UTC (2 hours 15 minutes)\n' },
    { name: '"about" allows some slack', text: '# Outage\n\n## Summary\n\nThe outage lasted approximately 2 hours, from 10:00 AM to 12:10 PM (GMT).\n' },
    {
      name: 'seed 003: detection after the start, the last entry before the end',
      text: '# Outage\n\n### Issue Summary:\n\n**Duration:** -  May 10, 2024, 08:00 UTC to May 11, 2024, 03:00 UTC\n\n### Timeline\n\n**May 10, 2024, 08:30 UTC:** - Issue detected.\n**May 11, 2024, 02:00 UTC:** - Resolved.\n',
    },
    {
      name: 'an entry within the margin before the start (the trigger)',
      text: '# Outage\n\n## Summary\n\nDuration: June 15, 2024, 14:00 UTC to June 15, 2024, 15:00 UTC\n\n## Timeline\n\n- 13:30 UTC deploy\n- 14:05 UTC alert\n',
    },
    {
      name: 'a length on the line that is not the incident\'s',
      text: '# Outage\n\n## Summary\n\nFrom November 11, 4:02 PM UTC to November 14, 3:02 PM UTC ingestion was degraded, with delays of up to 2 days.\n',
    },
    {
      name: 'a wider margin as an option',
      text: '# Outage\n\n## Summary\n\nDuration: June 15, 2024, 14:00 UTC to June 15, 2024, 15:00 UTC\n\n## Timeline\n\n- 14:05 UTC alert\n- 17:30 UTC postmortem call\n',
      config: { rules: { 'duration-mismatch': ['warning', { margin: 180 }] } },
    },
  ],
  invalid: [
    {
      name: 'the stated length disagrees with the start and end: the fix writes the computed length',
      text: '# Outage\n\n## Summary\n\n**Duration:** 2024-06-15 14:00 to 16:30 UTC (2 hours)\n',
      findings: [
        {
          range: '4:45-4:52',
          message: 'The summary says "2 hours", but its start and end ("2024-06-15 14:00" to "16:30 UTC") are 2 hours 30 minutes apart. Write "2 hours 30 minutes", or correct the start or end.',
        },
      ],
      output: '# Outage\n\n## Summary\n\n**Duration:** 2024-06-15 14:00 to 16:30 UTC (2 hours 30 minutes)\n',
    },
    {
      name: 'counted in minutes, rewritten in minutes',
      text: '# Outage\n\n## Summary\n\n- Duration: 21:45 to 23:28 UTC (100 minutes)\n',
      findings: [{ range: '4:32-4:43', message: 'The summary says "100 minutes", but its start and end ("21:45" to "23:28 UTC") are 103 minutes apart. Write "103 minutes", or correct the start or end.' }],
      output: '# Outage\n\n## Summary\n\n- Duration: 21:45 to 23:28 UTC (103 minutes)\n',
    },
    {
      name: 'when the timeline spans the stated length, the times are the likelier mistake',
      text: '# Outage\n\n## Summary\n\n**Duration: 30 mins** (13:20 ~ 13:30 EAT).\n\n## Timeline\n\n- 13:20 EAT alert\n- 13:50 EAT fixed\n',
      findings: [
        {
          range: '4:12-4:19',
          message: 'The summary says "30 mins", but its start and end ("13:20" to "13:30 EAT") are 10 minutes apart. The timeline spans 30 minutes, as stated, so check the start and end; or write "10 minutes".',
        },
      ],
      output: '# Outage\n\n## Summary\n\n**Duration: 10 minutes** (13:20 ~ 13:30 EAT).\n\n## Timeline\n\n- 13:20 EAT alert\n- 13:50 EAT fixed\n',
    },
    {
      name: 'the end before the start',
      text: '# Outage\n\n## Summary\n\n- Start time: 2024-05-10 14:00 UTC\n- End time: 2024-05-09 16:00 UTC\n',
      findings: [{ range: '5:12-5:32', message: 'The summary\'s duration ends ("2024-05-09 16:00 UTC") before it starts ("2024-05-10 14:00 UTC"). Check the end\'s date and time.' }],
    },
    {
      name: 'a timeline entry long after the end',
      text: '# Outage\n\n## Summary\n\nDuration: June 15, 2024, 14:00 UTC to June 15, 2024, 15:00 UTC\n\n## Timeline\n\n- 13:30 UTC deploy\n- 14:05 UTC alert\n- 17:30 UTC postmortem call\n',
      findings: [
        {
          range: '10:2-10:11',
          message: '"17:30 UTC" is 2h 30m after the incident\'s end in the summary ("June 15, 2024, 15:00 UTC"). If the incident lasted longer, correct the summary\'s duration.',
        },
      ],
    },
  ],
});
