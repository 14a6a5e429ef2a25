import { listSyntax } from '../../server/src/analysis/rules/structure/listSyntax';
import { ruleTester } from '../helpers/ruleTester';

const LIST = 'Write each item as a list item ("- item") so it shows on its own line.';

ruleTester(listSyntax, {
  valid: [
    { name: 'real list items', text: '## Action Items\n\n- Add an alert\n- Write a runbook\n' },
    { name: 'sentences that wrap over lines', text: '## Summary\n\nWe restarted the server at 10:00.\nThe service came back at 10:05.\n' },
    { name: 'a hard-wrapped item list is prose when each line goes on', text: '## Summary\n\nAdd an alert on the\nconnection pool and\nwrite a runbook.\n' },
    { name: 'lines that already end with a line break', text: '## Summary\n\nDuration: 2 hours  \nImpact: 100% of users\\\nRoot Cause: a leak\n' },
    { name: 'an indented command', text: '## Resolution\n\nWe ran:\n\n    $ kubectl rollout undo deployment/api\n    deployment.apps/api rolled back\n' },
    { name: 'an indented stack trace', text: '## Root Cause\n\n    TypeError: cannot read property of undefined\n        at handler (server.js:12:5)\n' },
    { name: 'an indented log', text: '## Timeline\n\n    2024-06-07 13:00:01 ERROR pool exhausted\n' },
    { name: 'a fenced block of prose is meant as written', text: '## Notes\n\n```\nAdd an alert on pool usage.\nWrite a runbook for the pool.\n```\n' },
    { name: 'a negative number or a flag is not a list marker', text: '## Summary\n\nThe balance went to\n-5 and the flag -v was set.\n' },
  ],
  invalid: [
    {
      name: 'a dash with no space after it',
      text: '## Action Items\n\nImprovements:\n-Implement regular code reviews.\n-Enhance monitoring.\n',
      findings: [{ range: '2:0-4:20', message: `"-Implement regular code reviews." is not a list item: Markdown needs a space after the "-". ${LIST}` }],
      output: '## Action Items\n\nImprovements:\n- Implement regular code reviews.\n- Enhance monitoring.\n',
    },
    {
      name: 'glyph bullets',
      text: '## Impact\n\n● 100% of traffic was unfiltered\n• 40% of sites were exposed\n',
      findings: [{ range: '2:0-3:27', message: `"● 100% of traffic was unfiltered" is not a list item: Markdown does not read "●" as a list marker. ${LIST}` }],
      output: '## Impact\n\n- 100% of traffic was unfiltered\n- 40% of sites were exposed\n',
    },
    {
      name: 'one item per line without markers: labels stay, a blank line ends each list, a closing remark stays text',
      text: '## Corrective Measures\n\nImprovements/Fixes:\nImplement automated checks for firewall rules.\nDevelop a disaster recovery plan.\nList of Tasks:\nConduct an audit of the\nfirewall configuration.\nDocument the procedures.\nIn conclusion, we learned a lot.\n',
      findings: [{ range: '2:0-9:32', message: `4 lines written one per line run together into one paragraph. ${LIST}` }],
      output: '## Corrective Measures\n\nImprovements/Fixes:\n- Implement automated checks for firewall rules.\n- Develop a disaster recovery plan.\n\nList of Tasks:\n- Conduct an audit of the\nfirewall configuration.\n- Document the procedures.\n\nIn conclusion, we learned a lot.\n',
    },
    {
      name: 'labelled lines and timeline lines run together',
      text: '## Timeline\n\n10:00 UTC - Alert fired.\n10:05 UTC - Rolled back.\n',
      findings: [{ range: '2:0-3:24', message: `2 lines written one per line run together into one paragraph. ${LIST}` }],
      output: '## Timeline\n\n- 10:00 UTC - Alert fired.\n- 10:05 UTC - Rolled back.\n',
    },
    {
      name: 'prose indented into a code block, followed by a line that would join it',
      text: '## Summary\n\n    The API was down for two hours.\n    Every user saw errors.\nThe cause was a leak.\n',
      findings: [{ range: '2:0-3:26', message: 'Indented four spaces, these lines show as a code block, not as text. Remove the indentation so it shows as text.' }],
      output: '## Summary\n\nThe API was down for two hours.\nEvery user saw errors.\n\nThe cause was a leak.\n',
    },
    {
      name: 'glyph items indented into a code block',
      text: '## Impact\n\n    • 100% of traffic was unfiltered\n    • 40% of sites were exposed\n',
      findings: [{ message: `Indented four spaces, these lines show as a code block, not as text; "• 100% of traffic was unfiltered" is not a list item: Markdown does not read "•" as a list marker. ${LIST}` }],
      output: '## Impact\n\n- 100% of traffic was unfiltered\n- 40% of sites were exposed\n',
    },
    {
      name: 'CRLF line endings are kept',
      text: '## Action Items\r\n\r\n-Add an alert\r\n-Write a runbook\r\n',
      findings: [{ range: '2:0-3:16' }],
      output: '## Action Items\r\n\r\n- Add an alert\r\n- Write a runbook\r\n',
    },
  ],
});
