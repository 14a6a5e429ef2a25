import { duplicateSection } from '../../server/src/analysis/rules/structure/duplicateSection';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(duplicateSection, {
  valid: [
    { name: 'each section once', text: '## Summary\nx\n\n## Timeline\n- a\n\n## Root Cause\nx\n' },
    {
      name: 'several incidents, each under its own heading',
      text: '# Two incidents\n\n## Incident A\n\n### Summary\nA.\n\n### Root Cause\nx\n\n## Incident B\n\n### Summary\nB.\n\n### Root Cause\ny\n',
    },
    { name: 'a field of the summary written as a sub-heading', text: '## Summary\nx\n\n### Root Cause:\nA leak.\n\n## Root Cause and Resolution\nx\n' },
    { name: 'action items grouped by horizon', text: '## Action Items\n\n### Short term\n- a\n\n### Immediate actions\n- b\n' },
    { name: 'a heading and the parts written after it at its own level', text: '### Root Cause and Resolution:\n\n### Root Cause:\nA leak.\n\n### Resolution:\nRestarted.\n' },
  ],
  invalid: [
    {
      name: 'a timeline twice, under two names',
      text: '# Postmortem\n\n## Summary\n\nCheckout failed.\n\n## Timeline\n\n- 10:00 UTC alert\n\n## Root Cause\n\nA bad deploy.\n\n## Timeline of events\n\n- 10:05 UTC rollback\n',
      findings: [{ range: '14:0-14:21', message: '"Timeline of events" repeats "Timeline", already covered by "Timeline" (line 7). Merge them into one section, or retitle this one if it covers something else.' }],
    },
    {
      name: "seed 004: the TODOs repeat the measures; one heading covering two sections",
      text: '# Corrective and Preventative Measures:\n\n* Add monitoring.\n\n# TODOs:\n\n* Add monitoring.\n\n# Root Cause and Resolution\nx\n\n# Root Cause\ny\n',
      findings: [
        { range: '4:0-4:8', message: '"TODOs:" repeats "Action Items", already covered by "Corrective and Preventative Measures:" (line 1). Merge them into one section, or retitle this one if it covers something else.' },
        { range: '11:0-11:12', message: '"Root Cause" repeats "Root Cause", already covered by "Root Cause and Resolution" (line 9). Merge them into one section, or retitle this one if it covers something else.' },
      ],
    },
  ],
});
