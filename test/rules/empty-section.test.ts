import { emptySection } from '../../server/src/analysis/rules/structure/emptySection';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(emptySection, {
  valid: [
    { name: 'sections with text, a list, a table row, an image', text: '## Summary\nCheckout failed.\n\n## Action Items\n- [ ] Add a canary\n\n## Impact\n\n| Users | Share |\n|---|---|\n| all | 100% |\n\n## Timeline\n\n![graph](timeline.png)\n' },
    { name: 'a section whose sub-sections hold the content', text: '## Lessons Learned\n\n### What went well\n\nThe alert fired within a minute.\n' },
    { name: 'a title that carries its content', text: '## Summary\nx\n\n### Root Cause: the pool was too small for the load\n\n## Timeline\n- a\n' },
    { name: 'the content written as headings at the same level (a flat outline)', text: '### Timeline:\n\n### Detection:\nThe alert fired at 09:00 UTC.\n\n### Escalation:\nPaged the DBA.\n' },
    { name: 'an empty heading that names no template section (a sign-off)', text: '## Summary\nx\n\n### Stay safe and happy debugging!\n' },
    { name: 'the report title', text: '# Postmortem\n\n## Summary\nx\n' },
  ],
  invalid: [
    {
      name: 'nothing, only comments, only placeholders, only empty list items',
      text: '# Postmortem\n\n## Summary\n\n<!-- fill in -->\n\n## Timeline\n\nTBD\n\n## Action Items\n\n- [ ] \n-\n\n## Root Cause\n',
      findings: [
        { range: '2:0-2:10', message: 'Section "Summary" has only comments. Write what it should say, or remove the heading if it does not apply.' },
        { range: '6:0-6:11', message: 'Section "Timeline" has only placeholder text ("TBD"). Write what it should say, or remove the heading if it does not apply.' },
        { range: '10:0-10:15', message: 'Section "Action Items" is empty. Write what it should say, or remove the heading if it does not apply.' },
        { range: '15:0-15:13', message: 'Section "Root Cause" is empty. Write what it should say, or remove the heading if it does not apply.' },
      ],
    },
    {
      name: "seed 003's measures: labels with nothing under them and a closing remark",
      text: '## Summary\nx\n\n###Corrective and Preventative Measures:\n**Improvements/Fixes:\n**Tasks to Address the Issue:\n\n -- By implementing these measures, we aim to minimize the risk of similar outages.\n',
      findings: [{
        range: '3:0-3:40',
        message: 'Section "Corrective and Preventative Measures" has only labels with nothing under them ("Improvements/Fixes", "Tasks to Address the Issue") and a closing remark. Write what it should say, or remove the heading if it does not apply.',
      }],
    },
    {
      name: 'a table with a header and empty rows; an HTML heading with only tags under it',
      text: '## What went wrong\n\n| Item | Owner |\n|---|---|\n| | |\n\n<h2>Impact</h2>\n<p>&emsp;</p>\n',
      findings: [
        { range: '0:0-0:18', message: /^Section "What went wrong" is empty\./ },
        { range: '6:0-6:15', message: /^Section "Impact" is empty\./ },
      ],
    },
  ],
});
