import { placeholderText } from '../../server/src/analysis/rules/structure/placeholderText';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(placeholderText, {
  valid: [
    {
      name: 'words that only look like leftovers',
      text: '# TODOs\n\n- Fix the todo list UI.\n- See [1] and [sic], and the [Require approval for first-time contributors] setting.\n- Paged at 14:05:01 UTC.\n',
    },
    { name: 'code, inline code and comments', text: '## Summary\n\nThe format is `YYYY-MM-DD`.\n\n```\nTODO: lorem ipsum\n```\n\n<!-- TODO: ask the DBA -->\n' },
    { name: 'a word the team allows', text: '## Summary\n\nOwner TBD after the review.\n', config: { rules: { 'placeholder-text': ['warning', { allow: ['TBD'] }] } } },
  ],
  invalid: [
    {
      name: 'prompts, markers, formats and filler',
      text: '## Summary\n\nDetected at [Time of detection] by <insert team name>. TODO: confirm.\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| YYYY-MM-DD HH:MM | Lorem ipsum |\n| 2024-05-10 --:-- | Pager |\n',
      findings: [
        { range: '2:12-2:31', message: '"[Time of detection]" is a template prompt left in the report. Replace it with the answer.' },
        { range: '2:35-2:53', message: '"<insert team name>" is a template prompt left in the report. Replace it with the answer.' },
        { range: '2:55-2:59', message: '"TODO" marks something unfinished. Finish it before the review, or move the open question to the action items.' },
        { range: '8:2-8:12', message: '"YYYY-MM-DD" is a date format, not a date. Write the date, e.g. 2024-05-10.' },
        { range: '8:13-8:18', message: '"HH:MM" is a time format, not a time. Write the time with its zone, e.g. 14:05 UTC.' },
        { range: '8:21-8:32', message: '"Lorem ipsum" is filler text from a template. Replace it with what happened.' },
        { range: '9:13-9:18', message: '"--:--" stands in for a time. Write the time with its zone, or say why it is not known.' },
      ],
    },
    {
      name: "seed 002: a template's path in an image",
      text: '## Diagram\n\n![Pool exhaustion]([path/to/your/saved/diagram.png](https://example.com/d.png))\n',
      findings: [{ range: '2:19-2:51', message: '"[path/to/your/saved/diagram.png]" is a placeholder path from a template, so the image or link cannot work. Put the real file path or URL there.' }],
    },
    {
      name: 'a prompt a fix inserted and nobody answered',
      text: '## Action Items\n\n- [ ] Concrete, verifiable task (owner: @handle, due: YYYY-MM-DD)\n',
      findings: [{ range: '2:6-2:65', message: '"Concrete, verifiable task (owner: @handle, due: YYYY-MM-DD)" is the template\'s prompt, not an answer yet. Replace it with what happened.' }],
    },
    {
      name: "the team's own words, matched as words (never as patterns)",
      text: '## Summary\n\nCause: to be confirmed. Built with c++ (maybe. Not c++ll.\n',
      config: { rules: { 'placeholder-text': ['warning', { words: ['to be confirmed', 'c++ (maybe'] }] } },
      findings: [
        { range: '2:7-2:22', message: '"to be confirmed" is on this team\'s placeholder list (rule option "words"). Replace it before the review.' },
        // The entry's words are "c" and "maybe": "c++ (maybe" has them, "c++ll" does not.
        { range: '2:35-2:45', message: '"c++ (maybe" is on this team\'s placeholder list (rule option "words"). Replace it before the review.' },
      ],
    },
  ],
});
