import { summaryIncomplete } from '../../server/src/analysis/rules/structure/summaryIncomplete';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(summaryIncomplete, {
  valid: [
    {
      name: 'fields with a zone (seed 002)',
      text: '## Issue Summary\n- **Duration:** June 15, 2024, 14:00 UTC to June 15, 2024, 16:30 UTC\n- **Impact:** Approximately 80% of users were affected.\n- **Root Cause:** Database connection pool exhaustion.\n',
    },
    {
      name: 'prose with a long zone name (seed 000)',
      text: '## Issue Summary\nThe platform returned 500 errors, affecting 85% of our user base. The primary cause was a database connection pool exhaustion. The outage lasted from March 15, 2024, at 09:00 AM to March 15, 2024, at 01:00 PM (East Africa Time, Ethiopia).\n',
    },
    {
      name: 'plain field lines with an offset zone (seed 004)',
      text: '# Issue Summary:\n\nDuration: February 25, 2023, from 9:00 PM to February 26, 2023, 3:00 AM (UTC-5)\n\nImpact: The web application was down for 95% of users.\n\nRoot Cause: A database connection leak.\n',
    },
    { name: 'the zone from the configuration', text: '## Summary\nFrom 14:00 to 15:30, 30% of logins failed because of a leak.\n', config: { timezone: 'Europe/Berlin' } },
    { name: 'prompts a fix inserted count as stated (placeholder-text asks for the answers)', text: '## Summary\n\n**Duration:** START to END (zone)\n**Impact:** Who or what was affected, and how many?\n**Root cause:** One sentence on why it happened.\n' },
    { name: 'no summary at all is missing-section\'s business', text: '## Timeline\n- 10:00 UTC alert\n' },
  ],
  invalid: [
    {
      name: 'prose with neither times nor cause',
      text: '# Postmortem\n\n## Summary\n\nCheckout was slow.\n\n## Timeline\n- a\n',
      findings: [{ range: '2:0-2:10', message: 'The summary "Summary" does not state when it started and ended (with a time zone) or the root cause. Add "**Duration:**" and "**Root cause:**" lines, or say it in a sentence.' }],
      output: '# Postmortem\n\n## Summary\n\nCheckout was slow.\n\n**Duration:** START to END (zone)\n**Root cause:** One sentence on why it happened.\n\n## Timeline\n- a\n',
    },
    {
      name: 'a list of fields gets one more item',
      text: '## Issue Summary\n\n- **Duration:** 14:00 to 15:30 UTC\n- **Impact:** 30% of logins failed.\n\n## Timeline\n',
      findings: [{ range: '0:0-0:16', message: 'The summary "Issue Summary" does not state the root cause. Add a "**Root cause:**" line, or say it in a sentence.' }],
      output: '## Issue Summary\n\n- **Duration:** 14:00 to 15:30 UTC\n- **Impact:** 30% of logins failed.\n- **Root cause:** One sentence on why it happened.\n\n## Timeline\n',
    },
    {
      name: 'times without a zone: no line to insert for them, the message says what to add',
      text: '## Summary\r\n**Duration:** 14:00 to 15:30\r\n**Root cause:** A connection leak.\r\n## Timeline\r\n',
      findings: [{
        range: '0:0-0:10',
        message: 'The summary "Summary" does not state the time zone of its start and end times or the impact (who or what was affected, and how much). Add a "**Impact:**" line, or say it in a sentence. Add the zone to the times, e.g. "14:51 to 15:57 UTC".',
      }],
      output: '## Summary\r\n**Duration:** 14:00 to 15:30\r\n**Root cause:** A connection leak.\r\n**Impact:** Who or what was affected, and how many?\r\n## Timeline\r\n',
      afterFix: ['The summary "Summary" does not state the time zone of its start and end times. Add the zone to the times, e.g. "14:51 to 15:57 UTC".'],
    },
    {
      name: 'how long, but not when (the Google SRE example)',
      text: '## Summary\nSearch was down for 66 minutes because of a resource leak, and 1.2B queries were lost.\n',
      findings: [{ range: '0:0-0:10', message: 'The summary "Summary" does not state when it started and ended (it says only how long). Give the start and end with a zone, e.g. "14:51 to 15:57 UTC".' }],
    },
    {
      name: 'an empty summary gets all three lines',
      text: '## Summary\n\n## Timeline\n- a\n',
      findings: [{ range: '0:0-0:10', message: /does not state when it started and ended \(with a time zone\), the impact \(who or what was affected, and how much\) or the root cause\. Add "\*\*Duration:\*\*", "\*\*Impact:\*\*" and "\*\*Root cause:\*\*" lines/ }],
      output: '## Summary\n\n**Duration:** START to END (zone)\n**Impact:** Who or what was affected, and how many?\n**Root cause:** One sentence on why it happened.\n\n## Timeline\n- a\n',
    },
  ],
});
