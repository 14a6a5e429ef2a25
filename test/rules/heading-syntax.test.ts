import { headingSyntax } from '../../server/src/analysis/rules/structure/headingSyntax';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(headingSyntax, {
  valid: [
    { name: 'real ATX and setext headings', text: '# Postmortem\n\n## Timeline\n- a\n\nRoot Cause\n----------\nx\n' },
    { name: 'a bold label inside the section it names', text: '## Root Cause and Resolution\n\n**Root Cause**:\nThe pool was too small.\n' },
    { name: 'a hashtag or a numbered ranking is not a title', text: '## Summary\n\n#1 priority was the database.\n\n#outage\n' },
    { name: 'inside a code block', text: '## Summary\n\n```md\n###Timeline:\n```\n' },
    { name: 'a sentence that starts with a section word', text: '## Summary\n\nTimeline of the rollout was short, as explained below.\n' },
  ],
  invalid: [
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
      name: 'emoji and a BOM keep UTF-16 ranges exact',
      text: '\uFEFF# 🔥 Postmortem\n\n##Timeline\n- a\n',
      findings: [{ range: '2:0-2:10' }],
      output: '\uFEFF# 🔥 Postmortem\n\n## Timeline\n- a\n',
    },
  ],
});
