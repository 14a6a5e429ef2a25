import { timelineClockAmbiguous } from '../../server/src/analysis/rules/timeline/timelineClockAmbiguous';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(timelineClockAmbiguous, {
  valid: [
    { name: 'the 12-hour clock throughout', text: '# Outage\n\n## Timeline\n\n- 9:15 AM UTC alert\n- 2:00 PM UTC fixed\n' },
    { name: 'the 24-hour clock throughout, an hour without a leading zero included', text: '# Outage\n\n## Timeline\n\n- 9:15 UTC alert\n- 14:00 UTC fixed\n' },
    { name: 'ISO 8601', text: '# Outage\n\n## Timeline\n\n- 2024-05-10T09:15:00Z alert\n- 2024-05-10T14:00:00Z fixed\n' },
    { name: 'a stray PM on a 24-hour hour is a typo, not an ambiguity', text: '# Outage\n\n## Timeline\n\n- 13:55 PM UTC alert\n- 14:10 UTC rollback\n' },
    { name: '12- and 24-hour times mixed, every one plain', text: '# Outage\n\n## Timeline\n\n- 9:00 AM UTC alert\n- 14:00 UTC page\n- 15:30 UTC fixed\n' },
    { name: 'a zero-padded time that follows the AM time before it', text: '# Outage\n\n## Timeline\n\n- 08:15am UTC alert\n- 08:20 UTC page\n- 08:45am UTC fixed\n' },
    { name: 'a range that ends later on the 24-hour clock', text: '# Outage\n\n## Timeline\n\n- 14:20-16:00 UTC checked\n- 17:18 UTC fixed\n' },
  ],
  invalid: [
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
      name: 'a zero-padded time that follows the entry before only as PM, in an AM/PM timeline: the fix adds PM',
      text: '# Outage\n\n## Timeline\n\n- 08:15 PM UTC alert\n- 08:20 UTC page\n- 08:45 PM UTC fixed\n',
      findings: [
        {
          range: '5:2-5:11',
          message: '"08:20" has no AM or PM among times that have them (e.g. "08:15 PM UTC"). On the 24-hour clock it is 08:20, long before "08:15 PM UTC", while 20:20 would follow it; write the time with AM or PM so nobody has to guess.',
        },
      ],
      output: '# Outage\n\n## Timeline\n\n- 08:15 PM UTC alert\n- 8:20 PM UTC page\n- 08:45 PM UTC fixed\n',
    },
    {
      name: 'the same in a timeline mostly on the 24-hour clock: the fix writes the 24-hour clock',
      text: '# Outage\n\n## Timeline\n\n- 19:00 UTC alert\n- 20:00 UTC page\n- 08:15 PM UTC rollback\n- 08:20 UTC fixed\n',
      findings: [{ range: '7:2-7:11' }],
      output: '# Outage\n\n## Timeline\n\n- 19:00 UTC alert\n- 20:00 UTC page\n- 08:15 PM UTC rollback\n- 20:20 UTC fixed\n',
    },
    {
      name: 'a range end on the 12-hour clock in a 24-hour timeline, before its start: no fix guesses what it meant',
      text: '# Outage\n\n## Timeline\n\n- 14:02 UTC alert\n- 14:20-2:00 UTC checked every node\n- 17:18 UTC fixed\n',
      findings: [
        {
          range: '5:2-5:7',
          message: 'The range "14:20-2:00" ends at "2:00", which has no AM or PM and, on the 24-hour clock this timeline uses, comes before its start. Write the end on the 24-hour clock, or say how long it lasted.',
        },
      ],
    },
  ],
});
