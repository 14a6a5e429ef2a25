import { headingSyntax } from '../../server/src/analysis/rules/structure/headingSyntax';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(headingSyntax, {
  valid: [
    { name: 'real ATX and setext headings', text: '# Postmortem\n\n## Timeline\n- a\n\nRoot Cause\n----------\nx\n' },
    { name: 'a bold label inside the section it names', text: '## Root Cause and Resolution\n\n**Root Cause**:\nThe pool was too small.\n' },
    { name: 'a hashtag or a numbered ranking is not a title', text: '## Summary\n\n#1 priority was the database.\n\n#outage\n' },
    { name: 'inside a code block', text: '## Summary\n\n```md\n###Timeline:\n```\n' },
    { name: 'a sentence that starts with a section word', text: '## Summary\n\nTimeline of the rollout was short, as explained below.\n' },
    { name: 'fields of the summary are labels, not titles', text: '## Issue Summary\nDuration:\nTwo hours.\nImpact:\n100% of users.\n**Root Cause:**\nA leak.\n\n## Timeline\n- a\n' },
    {
      name: 'a bold label inside a sub-section of the report (an incident of several)',
      text: '# Report\n\n## Incident Timeline\n\n### October 21 - Redis overload\n\n**Root causes:**\n\n- CPU undersizing\n\n## Summary\nx\n',
    },
    { name: 'summary fields under the summary heading', text: '## Summary\n**Duration:** 14:00 to 15:00 UTC\n**Impact:** 5% of logins failed.\n\n## Timeline\n- a\n' },
    { name: 'a sentence naming a cause is not a title', text: '## Root Cause\n\nThis was caused by two factors:\n\n- a full disk\n' },
    { name: 'a lower-case line with a key word is text, not a title', text: '## Timeline\n\n14:00 UTC alert fired\nhow the incident was resolved\n' },
    { name: 'a bold line that does not name the report is not its title', text: '**Thanks to everyone who helped.**\n\n## Summary\nx\n' },
    { name: 'a question is a fine setext title', text: '## Summary\nx\n\nWhy was this hard to detect?\n---\nThe alert was off.\n' },
  ],
  invalid: [
    {
      name: 'summary fields with no heading above them get the heading',
      text: '**Duration:** 14:00 to 15:00 UTC\n**Impact:** 5% of logins failed.\n\n## Timeline\n- 14:00 UTC alert\n',
      findings: [{ range: '0:0-0:32', message: 'The summary\'s fields (line 1) have no heading, so outlines and links cannot find the summary. Add "## Summary" above them.' }],
      output: '## Summary\n\n**Duration:** 14:00 to 15:00 UTC\n**Impact:** 5% of logins failed.\n\n## Timeline\n- 14:00 UTC alert\n',
    },
    {
      name: 'a title indented into a code block: the heading replaces the indentation, the text stays',
      text: '# Postmortem\n\n## Summary\nx\n\n          Timeline of events\n\n2:00 PM UTC: reports\n',
      findings: [{ range: '5:0-5:28', message: '"Timeline of events" is meant as the "Timeline of events" section title, but a line indented four spaces or more is shown as code, not as a heading. Write "## Timeline of events".' }],
      output: '# Postmortem\n\n## Summary\nx\n\n## Timeline of events\n\n2:00 PM UTC: reports\n',
    },
    {
      name: 'titles of a whole report inside a fence: told, with no fix (the fence is the author\'s to remove)',
      text: '```\nImpact:\nThe site was down.\nRoot Cause:\nA memory leak.\n```\n',
      findings: [
        { range: '1:0-1:7', message: '"Impact:" is meant as the "Impact" section title, but it is inside a code block (```), so Markdown shows it, and the text around it, as code. Remove the fence around the report and write "## Impact".' },
        { range: '3:0-3:11', message: /"Root Cause:" is meant as the "Root Cause" section title, but it is inside a code block/ },
      ],
      output: '```\nImpact:\nThe site was down.\nRoot Cause:\nA memory leak.\n```\n',
      afterFix: [
        '"Impact:" is meant as the "Impact" section title, but it is inside a code block (```), so Markdown shows it, and the text around it, as code. Remove the fence around the report and write "## Impact".',
        '"Root Cause:" is meant as the "Root Cause" section title, but it is inside a code block (```), so Markdown shows it, and the text around it, as code. Remove the fence around the report and write "## Root Cause".',
      ],
    },
    {
      name: 'a title run into the list item above it',
      text: 'Issue Summary:\n- Duration: 11:00 AM to 1:00 PM (WAT)\nTimeline:\n- 10:45 AM: alert fired\n',
      findings: [
        { range: '0:0-0:14', message: /"Issue Summary:" is meant as the "Issue Summary" section title/ },
        { range: '2:0-2:9', message: /"Timeline:" is meant as the "Timeline" section title, but a plain line is not a heading/ },
      ],
      output: '## Issue Summary\n- Duration: 11:00 AM to 1:00 PM (WAT)\n## Timeline\n- 10:45 AM: alert fired\n',
    },
    {
      name: 'the report\'s title written as a bold line',
      text: '**Postmortem: Checkout outage**\n\n## Summary\nx\n',
      findings: [{ range: '0:0-0:31', message: '"Postmortem: Checkout outage" is meant as the report\'s title, but a bold line is not a heading, so outlines and links cannot find it. Write "# Postmortem: Checkout outage".' }],
      output: '# Postmortem: Checkout outage\n\n## Summary\nx\n',
    },
    {
      name: 'a title named by key words, written as a plain line',
      text: '# Postmortem\n\n## Summary\nx\n\nPreventive steps\n- Add a disk alert at 80%.\n',
      findings: [{ range: '5:0-5:16', message: '"Preventive steps" is meant as the "Preventive steps" section title, but a plain line is not a heading, so outlines and links cannot find it. Write "## Preventive steps".' }],
      output: '# Postmortem\n\n## Summary\nx\n\n## Preventive steps\n- Add a disk alert at 80%.\n',
    },
    {
      name: 'a bold label styled with inline HTML',
      text: '# Postmortem\n\n## Summary\nx\n\n**<span style="color: red">Timeline:</span>**\n- 10:00 UTC a\n',
      findings: [{ range: '5:0-5:45', message: /is meant as the "Timeline" section title, but a bold line is not a heading/ }],
      output: '# Postmortem\n\n## Summary\nx\n\n## Timeline\n- 10:00 UTC a\n',
    },
    {
      name: 'seed 003: hashes without a space',
      text: '# Postmortem Report\n\n### Issue Summary:\n\nx\n\n###Timeline:\n\n**May 10, 2024, 08:30 UTC:** - Issue detected.\n',
      findings: [{ range: '6:0-6:12', message: '"###Timeline:" is meant as the "Timeline" section title, but Markdown needs a space after the "#" characters. Write "### Timeline".' }],
      output: '# Postmortem Report\n\n### Issue Summary:\n\nx\n\n### Timeline\n\n**May 10, 2024, 08:30 UTC:** - Issue detected.\n',
    },
    {
      name: 'a bold-only line naming a section, at the level of its siblings',
      text: '# Postmortem\n\n## Summary\nx\n\n**Timeline:**\n- 10:00 UTC a\n',
      findings: [{ range: '5:0-5:13', message: /"\*\*Timeline:\*\*" is meant as the "Timeline" section title, but a bold line is not a heading/ }],
      output: '# Postmortem\n\n## Summary\nx\n\n## Timeline\n- 10:00 UTC a\n',
    },
    {
      name: 'a plain label line followed by its text keeps the text',
      text: '# Postmortem\n\n## Summary\nx\n\nRoot Cause\nThe pool was exhausted.\n',
      findings: [{ range: '5:0-5:10', message: /a plain line is not a heading/ }],
      output: '# Postmortem\n\n## Summary\nx\n\n## Root Cause\nThe pool was exhausted.\n',
    },
    {
      name: 'label lines in the middle of a paragraph (a report written without Markdown)',
      text: 'Issue Summary\nDuration:\nThe outage lasted 2 hours, from 08:30 to 10:30 UTC.\nImpact:\n100% of users.\nTimeline\n08:30 UTC - Alert fired.\n',
      findings: [
        { range: '0:0-0:13', message: '"Issue Summary" is meant as the "Issue Summary" section title, but a plain line is not a heading, so outlines and links cannot find it. Write "## Issue Summary".' },
        { range: '5:0-5:8', message: '"Timeline" is meant as the "Timeline" section title, but a plain line is not a heading, so outlines and links cannot find it. Write "## Timeline".' },
      ],
      output: '## Issue Summary\nDuration:\nThe outage lasted 2 hours, from 08:30 to 10:30 UTC.\nImpact:\n100% of users.\n## Timeline\n08:30 UTC - Alert fired.\n',
    },
    {
      name: 'the level its siblings use (seed 004 writes its sections as first-level headings)',
      text: '# Issue Summary:\n\nx\n\n**Timeline:**\n- a\n',
      findings: [{ range: '4:0-4:13', message: /Write "# Timeline"\.$/ }],
      output: '# Issue Summary:\n\nx\n\n# Timeline\n- a\n',
    },
    {
      name: 'a paragraph underlined with dashes meant as a horizontal rule',
      text: '# Postmortem\n\n## Summary\n\nWe restored the database at 10:00 and confirmed every replica was healthy.\n---\n\n## Timeline\n- a\n',
      findings: [{
        range: '4:0-5:3',
        message: '"We restored the database at 10:00 and confirmed every rep..." is underlined with "---", so Markdown shows the whole paragraph as a heading. Add a blank line before "---" to keep the paragraph and the horizontal rule.',
      }],
      output: '# Postmortem\n\n## Summary\n\nWe restored the database at 10:00 and confirmed every replica was healthy.\n\n---\n\n## Timeline\n- a\n',
    },
    {
      name: 'emoji and a BOM keep UTF-16 ranges exact',
      text: '\uFEFF# 🔥 Postmortem\n\n##Timeline\n- a\n',
      findings: [{ range: '2:0-2:10' }],
      output: '\uFEFF# 🔥 Postmortem\n\n## Timeline\n- a\n',
    },
  ],
});
