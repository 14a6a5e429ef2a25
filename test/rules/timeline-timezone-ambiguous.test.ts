import { timelineTimezoneAmbiguous } from '../../server/src/analysis/rules/timeline/timelineTimezoneAmbiguous';
import { ruleTester } from '../helpers/ruleTester';

const IST = 'can mean India Standard Time (UTC+05:30), Irish Standard Time (UTC+01:00) or Israel Standard Time (UTC+02:00), so the times it marks cannot be placed for sure.';

ruleTester(timelineTimezoneAmbiguous, {
  valid: [
    { name: 'unambiguous abbreviations', text: '# Outage\n\n## Timeline\n\n- 09:00 PST alert\n- 09:30 CET rollback\n' },
    { name: 'an offset', text: '# Outage\n\n## Timeline\n\n- 09:00 UTC+05:30 alert\n' },
    { name: 'a setting is the reader’s own choice, not the document’s', text: '# Outage\n\n## Timeline\n\n- 09:00 alert\n', config: { timezone: 'IST' } },
  ],
  invalid: [
    {
      name: 'IST on each time: one fix per meaning, the first writes the offset',
      text: '# Outage\n\n## Timeline\n\n- 09:00 IST alert\n- 09:30 IST rollback\n',
      findings: [
        { range: '4:8-4:11', message: `"IST" ${IST} Write the offset instead, e.g. "UTC+05:30 (India)".` },
        { range: '5:8-5:11', message: `"IST" ${IST} Write the offset instead, e.g. "UTC+05:30 (India)".` },
      ],
      output: '# Outage\n\n## Timeline\n\n- 09:00 UTC+05:30 (India) alert\n- 09:30 UTC+05:30 (India) rollback\n',
    },
    {
      name: 'in brackets already: no second pair (Irish meaning)',
      text: '# Outage\n\n## Timeline\n\n- 09:00 AM (IST) alert\n',
      fixIndex: 1,
      findings: [{ range: '4:12-4:15', message: `"IST" ${IST} Write the offset instead, e.g. "UTC+05:30, India".` }],
      output: '# Outage\n\n## Timeline\n\n- 09:00 AM (UTC+01:00, Ireland) alert\n',
    },
    {
      name: 'declared in the heading',
      text: '# Outage\n\n## Timeline (all times CST)\n\n- 09:00 alert\n',
      findings: [
        {
          range: '2:23-2:26',
          message:
            '"CST" (declared in the heading) can mean Central Standard Time (US) (UTC-06:00), China Standard Time (UTC+08:00) or Cuba Standard Time (UTC-05:00), so the times it marks cannot be placed for sure. Write the offset instead, e.g. "UTC-06:00 (US Central)".',
        },
      ],
      output: '# Outage\n\n## Timeline (all times UTC-06:00 (US Central))\n\n- 09:00 alert\n',
    },
  ],
});
