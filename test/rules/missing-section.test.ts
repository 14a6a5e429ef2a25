import { missingSection } from '../../server/src/analysis/rules/structure/missingSection';
import { ruleTester } from '../helpers/ruleTester';

const complete = `# Postmortem: Checkout outage

## Summary
Checkout failed for 20 minutes.

## Timeline
- 14:00 UTC alert fired

## Root Cause
A bad deploy.

## Resolution
Rolled back.

## Action Items
- [ ] Add a canary (owner: @ana)
`;

ruleTester(missingSection, {
  valid: [
    {
      name: 'summary fields with no heading above them: the summary is there (heading-syntax asks for its heading)',
      text: '**Duration:** 14:00 to 15:00 UTC\n**Impact:** 5% of logins failed.\n\n## Timeline\n- 14:00 UTC alert\n\n## Root Cause\nx\n\n## Resolution\nx\n\n## Action Items\n- a\n',
    },
    {
      name: 'the summary under another title: an incident description or an impact heading opening the report',
      text: '### Incident Description:\nCheckout failed.\n\n### Timeline\n- 14:00 UTC alert\n\n### Root Cause\nx\n\n### Resolution\nx\n\n### Action Items\n- a\n',
    },
    {
      name: 'sections named by key words: a question, emoji, wordings beyond the usual names',
      text: '# Postmortem\n\n## 📝 Overview of the outage\nx\n\n## ⏰ Chronology\n- 14:00 UTC alert\n\n## What caused it?\nx\n\n## How we recovered\nx\n\n## 🛠️ Measures going forward\n- a\n',
    },
    { name: 'all five sections', text: complete },
    {
      name: 'synonyms, numbering, suffixes and one heading for two sections',
      text: '# Incident report\n\n## 1. Issue Summary:\nx\n\n## Timeline (all times UTC)\n- 10:00\n\n## Root Cause and Resolution\nx\n\n## Corrective and Preventative Measures\n- y\n',
    },
    { name: 'a "###Title" written without a space still counts as present (heading-syntax reports it)', text: '# Postmortem\n\n## Summary\nx\n\n###Timeline:\n\nx\n\n## Root cause\nx\n\n## Resolution\nx\n\n## Action items\n- y\n' },
    { name: 'a section switched off for the file', text: '<!-- postmortem-disable missing-section -->\n# Postmortem\n\n## Summary\nx\n' },
    {
      name: 'decorated headings: emoji, bold, HTML in a block, "Section 2:", suffixes after the name',
      text: '## 📝 Issue summary 📋\nx\n\n## **Timeline (all times PST) May 5-6. All times approximate**\n- a\n\n<h3>Root Cause and Resolution</h3><hr>\nx\n\n## Section 4: Corrective/Preventive measures\n- y\n',
    },
    {
      name: 'google-sre: its own names, and optional sections may be absent',
      text: '## Summary\nx\n\n## Impact\nx\n\n## Root Causes\nx\n\n## Trigger\nx\n\n## Resolution\nx\n\n## Detection\nx\n\n## Action Items\n- a\n\n## Lessons Learned\nx\n\n## Timeline\n- a\n',
      config: { template: 'google-sre' },
    },
    { name: 'a custom template that needs only a summary', text: '# Postmortem\n\n## Summary\nx\n', config: { template: 'tiny', templates: { tiny: { sections: [{ title: 'Summary', synonyms: [] }] } } } },
  ],
  invalid: [
    {
      name: 'google-sre: a section with parts is inserted with them, where the template puts it',
      text: '# Sonnet++ outage\n\n## Summary\nx\n\n## Impact\nx\n\n## Root Causes\nx\n\n## Trigger\nx\n\n## Resolution\nx\n\n## Detection\nx\n\n## Action Items\n- a\n\n## Timeline\n- a\n',
      config: { template: 'google-sre' },
      findings: [{ range: '0:0-0:17', message: 'Missing section "Lessons Learned" (template google-sre). Add a heading such as "## Lessons Learned".' }],
      output: '# Sonnet++ outage\n\n## Summary\nx\n\n## Impact\nx\n\n## Root Causes\nx\n\n## Trigger\nx\n\n## Resolution\nx\n\n## Detection\nx\n\n## Action Items\n- a\n\n## Lessons Learned\n\nWhat should the next on-call engineer remember from this incident?\n\n### What went well\n\nWhat worked in the response (alerts, runbooks, tools, people) and should be kept?\n\n### What went wrong\n\nWhat made the incident worse or longer? Each point here should lead to an action item.\n\n### Where we got lucky\n\nWhat helped by chance rather than by design? Luck is a risk nobody has addressed yet.\n\n## Timeline\n- a\n',
    },
    {
      name: "a team's template from .postmortemrc.json, picked by front matter; optional sections are not asked for",
      text: '---\ntemplate: ours\n---\n# Outage\n\n## Breakage\nx\n',
      config: {
        templates: {
          ours: { sections: [{ title: 'What broke', synonyms: ['breakage'] }, { title: 'Customer comms', prompt: 'Who told customers, and when?' }, { title: 'Extras', required: false }] },
        },
      },
      findings: [{ range: '3:0-3:8', message: 'Missing section "Customer comms" (template ours). Add a heading such as "## Customer comms".' }],
      output: '---\ntemplate: ours\n---\n# Outage\n\n## Breakage\nx\n\n## Customer comms\n\nWho told customers, and when?\n',
    },
    {
      name: 'root cause missing: inserted after the timeline',
      text: '# Postmortem\n\n## Summary\nx\n\n## Timeline\n- 10:00 UTC a\n\n## Resolution\nx\n\n## Action Items\n- y\n',
      findings: [{ range: '0:0-0:12', message: 'Missing section "Root Cause" (template essential). Add a heading such as "## Root Cause".' }],
      output: '# Postmortem\n\n## Summary\nx\n\n## Timeline\n- 10:00 UTC a\n\n## Root Cause\n\nWhy did it happen? Describe the conditions in the system, not the people.\n\n## Resolution\nx\n\n## Action Items\n- y\n',
    },
    {
      name: 'summary missing: inserted before the first section, at the level the document uses',
      text: '# Postmortem\r\n\r\n### Timeline\r\n- a\r\n\r\n### Root cause\r\nx\r\n\r\n### Resolution\r\nx\r\n\r\n### Action Items\r\n- y\r\n',
      findings: [{ line: 0, message: 'Missing section "Summary" (template essential). Add a heading such as "### Summary".' }],
      output: '# Postmortem\r\n\r\n### Summary\r\n\r\n**Duration:** START to END (zone)\r\n**Impact:** Who or what was affected, and how many?\r\n**Root cause:** One sentence on why it happened.\r\n\r\n### Timeline\r\n- a\r\n\r\n### Root cause\r\nx\r\n\r\n### Resolution\r\nx\r\n\r\n### Action Items\r\n- y\r\n',
    },
    {
      name: 'a heading inside a code block does not count',
      text: '# Postmortem\n\n## Summary\nx\n\n```\n## Timeline\n```\n\n## Root cause\nx\n\n## Resolution\nx\n\n## Action items\n- y\n',
      findings: [{ message: /"Timeline"/ }],
      output: '# Postmortem\n\n## Summary\nx\n\n```\n## Timeline\n```\n\n## Timeline\n\n- **HH:MM UTC** What happened, and who noticed?\n\n## Root cause\nx\n\n## Resolution\nx\n\n## Action items\n- y\n',
    },
    {
      name: 'an empty document gets every section, appended in order',
      text: '',
      findings: [{ message: /"Summary"/ }, { message: /"Timeline"/ }, { message: /"Root Cause"/ }, { message: /"Resolution"/ }, { message: /"Action Items"/ }],
    },
    {
      name: 'HTML headings count; a disable-next-line comment does not hide a finding on another line',
      text: '<!-- postmortem-disable-next-line missing-section -->\n\n<h1>Postmortem</h1>\n\n<h2>Summary</h2>\n\n## Timeline\n\n## Root cause\n\n## Resolution\n',
      findings: [{ range: '2:0-2:19', message: 'Missing section "Action Items" (template essential). Add a heading such as "## Action Items".' }],
      output: '<!-- postmortem-disable-next-line missing-section -->\n\n<h1>Postmortem</h1>\n\n<h2>Summary</h2>\n\n## Timeline\n\n## Root cause\n\n## Resolution\n\n## Action Items\n\n- [ ] Concrete, verifiable task (owner: @handle, due: YYYY-MM-DD)\n',
    },
  ],
});
