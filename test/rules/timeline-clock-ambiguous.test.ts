import { timelineClockAmbiguous } from '../../server/src/analysis/rules/timeline/timelineClockAmbiguous';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(timelineClockAmbiguous, {
  valid: [
    { name: 'the 12-hour clock throughout', text: '# Outage\n\n## Timeline\n\n- 9:15 AM UTC alert\n- 2:00 PM UTC fixed\n' },
    { name: 'the 24-hour clock throughout, an hour without a leading zero included', text: '# Outage\n\n## Timeline\n\n- 9:15 UTC alert\n- 14:00 UTC fixed\n' },
    { name: 'ISO 8601', text: '# Outage\n\n## Timeline\n\n- 2024-05-10T09:15:00Z alert\n- 2024-05-10T14:00:00Z fixed\n' },
  ],
  invalid: [
    {
      name: 'PM after a 24-hour hour',
      text: '# Outage\n\n## Timeline\n\n- 13:55 PM UTC alert\n- 14:10 UTC rollback\n',
      findings: [{ range: '4:2-4:14', message: '"13:55 PM" puts PM after a 24-hour hour (13). Write "13:55" without PM.' }],
      output: '# Outage\n\n## Timeline\n\n- 13:55 UTC alert\n- 14:10 UTC rollback\n',
    },
    {
      name: 'a bare time among AM/PM times: read after the entry before; the fixes add PM or AM',
      text: '# Outage\n\n## Timeline\n\n- 8:45 PM UTC alert\n- 9:00 UTC page\n- 10:15 PM UTC fixed\n',
      findings: [
        {
          range: '5:2-5:10',
          message: '"9:00" has no AM or PM, while other times here have AM or PM (e.g. "8:45 PM UTC"). It is read as PM (21:00) after "8:45 PM UTC"; write "21:00" or "9:00 PM" so nobody has to guess.',
        },
      ],
      output: '# Outage\n\n## Timeline\n\n- 8:45 PM UTC alert\n- 9:00 PM UTC page\n- 10:15 PM UTC fixed\n',
    },
    {
      name: 'the other reading is the second fix',
      text: '# Outage\n\n## Timeline\n\n- 8:45 PM UTC alert\n- 9:00 UTC page\n',
      fixIndex: 1,
      findings: [{ range: '5:2-5:10' }],
      output: '# Outage\n\n## Timeline\n\n- 8:45 PM UTC alert\n- 9:00 AM UTC page\n',
    },
    {
      name: 'read as the afternoon only because of the time before it',
      text: '# Outage\n\n## Timeline\n\n- 11:30 UTC alert\n- 12:15 UTC page\n- 1:00 UTC fixed\n',
      findings: [
        {
          range: '6:2-6:10',
          message: '"1:00" has no AM or PM, and other times here use neither AM/PM nor the 24-hour clock. It is read as PM (13:00) after "12:15 UTC"; write "13:00" or "1:00 PM" so nobody has to guess.',
        },
      ],
      output: '# Outage\n\n## Timeline\n\n- 11:30 UTC alert\n- 12:15 UTC page\n- 13:00 UTC fixed\n',
    },
    {
      name: '12- and 24-hour times mixed: the fix writes the 24-hour clock',
      text: '# Outage\n\n## Timeline\n\n- 9:00 AM UTC alert\n- 14:00 UTC page\n- 15:30 UTC fixed\n',
      findings: [
        {
          range: '4:2-4:13',
          message: 'This timeline mixes the 12-hour clock (1 time, e.g. "9:00 AM UTC") and the 24-hour clock (2, e.g. "14:00 UTC"). Write every time on one clock; the fix writes them all on the 24-hour clock.',
        },
      ],
      output: '# Outage\n\n## Timeline\n\n- 09:00 UTC alert\n- 14:00 UTC page\n- 15:30 UTC fixed\n',
    },
  ],
});
