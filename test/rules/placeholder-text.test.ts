import { placeholderText } from '../../server/src/analysis/rules/structure/placeholderText';
import { ruleTester } from '../helpers/ruleTester';

ruleTester(placeholderText, {
  valid: [
    {
      name: 'words that only look like leftovers',
      text: '# TODOs\n\n- Fix the todo list UI.\n- See [1] and [sic], and the [Require approval for first-time contributors] setting.\n- Paged at 14:05:01 UTC.\n',
    },
    { name: 'code, inline code and comments', text: '## Summary\n\nThe format is `YYYY-MM-DD`.\n\n```\nTODO: lorem ipsum\n```\n\n<!-- TODO: ask the DBA -->\n' },
    {
      name: 'questions, titles and images that only look like leftovers',
      text:
        '## Summary\n\nWhy??? Nobody knows. Asked at 14:00? No.\n\nWhat service was down/slow?\n\n    The API.\n\n## Action Items\n\nTODO List:\n- Patch Nginx (owner: @sam)\n\n' +
        '## TODO\n\n- Rotate keys (owner: @ana)\n\n![Sql1] is a broken reference, and ![fig 2] too.\n\nThis postmortem describes the outage. We add a check here to stop it.\n',
    },
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
      name: 'unknowns, notes to the author, guidance and images left in',
      text:
        '## Summary\n\nJupyterLab hit the user limit and is ?????. Time to detection: ?\nStarted at 0:59 CET (need to convert to PST).\n\n' +
        '| Time | Event |\n|---|---|\n| 2X:XX | Paged (not sure exact time) |\n| 14:?? | Restarted |\n\n' +
        '## Diagram\n\nAdd a diagram here.\n\n![Diagram]\n\n![Load balancer](https://dummyimage.com/600x400/000/fff)\n\n![Shipwreck](insert_funny_diagram.jpg)\n\n' +
        '## Corrective and preventative measures must contain\n\n- Patch Nginx on web-01.\n\n## Making the postmortem attractive\n\nImpact:\nWhat were users experiencing?\nErrors on every page.\n',
      findings: [
        { range: '2:37-2:42', message: '"?????" stands in for something not known yet. Fill it in, or say what is not known and why.' },
        { range: '2:63-2:64', message: '"?" stands in for something not known yet. Fill it in, or say what is not known and why.' },
        { range: '3:20-3:44', message: '"(need to convert to PST)" is a note to the author left in the report. Do what it says, then remove it.' },
        { range: '7:2-7:7', message: '"2X:XX" stands in for a time. Write the time with its zone, or say why it is not known.' },
        { range: '7:16-7:37', message: '"(not sure exact time)" is a note to the author left in the report. Do what it says, then remove it.' },
        { range: '8:2-8:7', message: '"14:??" stands in for a time. Write the time with its zone, or say why it is not known.' },
        { range: '12:0-12:18', message: '"Add a diagram here" is guidance from the template or assignment, left in the report. Do what it asks, then remove it.' },
        { range: '14:0-14:10', message: '"![Diagram]" is an image with no address, so it shows as text. Add the image\'s path or URL, e.g. ![Diagram](diagram.png), or remove it.' },
        { range: '16:17-16:55', message: '"https://dummyimage.com/600x400/000/fff" is a placeholder image service: readers see a stand-in, not your picture. Put the real image there.' },
        { range: '18:13-18:37', message: '"insert_funny_diagram.jpg" is a placeholder path from a template, so the image or link cannot work. Put the real file path or URL there.' },
        { range: '20:40-20:52', message: '"must contain" is guidance from the template or assignment, left in the report. Do what it asks, then remove it.' },
        { range: '24:3-24:35', message: '"Making the postmortem attractive" is guidance from the template or assignment, left in the report. Do what it asks, then remove it.' },
        { range: '27:0-27:29', message: '"What were users experiencing?" is guidance from the template or assignment, left in the report. Do what it asks, then remove it.' },
      ],
    },
    {
      name: 'numbers still to find, and a note to add a link',
      text: '## Summary\n\nAbout XX% of users were affected in 20XX; the XX-large pool was fine. See the runbook (add link here).\n',
      findings: [
        { range: '2:6-2:8', message: '"XX" stands in for something not known yet. Fill it in, or say what is not known and why.' },
        { range: '2:36-2:40', message: '"20XX" stands in for something not known yet. Fill it in, or say what is not known and why.' },
        { range: '2:87-2:100', message: '"add link here" is guidance from the template or assignment, left in the report. Do what it asks, then remove it.' },
      ],
    },
    {
      name: "the team's own guidance lines (rule option \"guidance\")",
      text: '## Summary\n\nImpact:\nDescribe the blast radius in one sentence.\nEvery API call failed.\n',
      config: { rules: { 'placeholder-text': ['warning', { guidance: ['Describe the blast radius in one sentence.'] }] } },
      findings: [{ range: '3:0-3:42', message: '"Describe the blast radius in one sentence." is guidance from the template or assignment, left in the report. Do what it asks, then remove it.' }],
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
