import { sectionOrder } from '../../server/src/analysis/rules/structure/sectionOrder';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(sectionOrder, {
  valid: [
    { name: "the template's order, with other sections between", text: '## Summary\nx\n\n## Background\nx\n\n## Timeline\n- a\n\n## Root Cause and Resolution\nx\n\n## Lessons Learned\nx\n\n## Action Items\n- a\n' },
    { name: 'google-sre puts the timeline last', text: '## Summary\nx\n\n## Impact\nx\n\n## Action Items\n- a\n\n## Timeline\n- a\n', config: { template: 'google-sre' } },
    { name: 'a section written twice is left to duplicate-section', text: '## Root Cause\nx\n\n## Summary\nx\n\n## Timeline\n- a\n\n## Root Cause and Resolution\nx\n' },
    { name: 'each incident in its own order', text: '## Incident A\n\n### Timeline\n- a\n\n### Root Cause\nx\n\n## Incident B\n\n### Summary\nx\n\n### Timeline\n- a\n' },
  ],
  invalid: [
    {
      name: 'the root cause before the timeline',
      text: '# Postmortem\n\n## Summary\nx\n\n## Root Cause\nx\n\n## Timeline\n- a\n\n## Resolution\nx\n\n## Action Items\n- a\n',
      findings: [{ range: '5:0-5:13', message: '"Root Cause" comes before "Timeline" (line 9), but template essential puts Root Cause after Timeline. Move it down, or switch this rule off if your team orders sections differently.' }],
    },
    {
      name: 'the action items first',
      text: '## Action Items\n- a\n\n## Summary\nx\n\n## Timeline\n- a\n\n## Root Cause\nx\n',
      findings: [{ range: '0:0-0:15', message: '"Action Items" comes before "Summary" (line 4), but template essential puts Action Items after Summary. Move it down, or switch this rule off if your team orders sections differently.' }],
    },
    {
      name: "the active template's order",
      text: '## Summary\nx\n\n## Timeline\n- a\n\n## Impact\nx\n',
      config: { template: 'google-sre' },
      findings: [{ range: '3:0-3:11', message: '"Timeline" comes before "Impact" (line 7), but template google-sre puts Timeline after Impact. Move it down, or switch this rule off if your team orders sections differently.' }],
    },
  ],
});
