import { keyMomentMissing } from '../../server/src/analysis/rules/timeline/keyMomentMissing';
import { ruleTester } from '../helpers/ruleTester';

const timeline = (entries: string, head = '') => `${head}# Outage\n\n## Timeline\n\n${entries}\n`;

ruleTester(keyMomentMissing, {
  valid: [
    { name: 'detection and recovery in words', text: timeline('- 10:00 UTC alert fired\n- 11:00 UTC service restored') },
    { name: 'marked by the author', text: timeline('- 10:00 UTC probe went red {detected}\n- 11:00 UTC all green {resolved}') },
    { name: 'stated in the front matter', text: timeline('- 10:00 UTC probe went red\n- 11:00 UTC all green', '---\ndetected: 2024-03-02T10:00:00Z\nresolved: 2024-03-02T11:00:00Z\n---\n') },
    { name: "the end from the summary's window", text: '# Outage\n\n## Summary\n\nDuration: 10:00 UTC to 11:00 UTC\n\n## Timeline\n\n- 10:05 UTC alert fired\n' },
    { name: 'no timed entry: nothing to read', text: timeline('- the pager went off\n- we fixed it') },
    {
      name: 'words added by the options',
      text: timeline('- 10:00 UTC probe went red\n- 11:00 UTC all green'),
      config: { rules: { 'key-moment-missing': ['info', { detected: { words: ['probe went red'] }, resolved: { words: ['all green'] } }] } },
    },
  ],
  invalid: [
    {
      name: 'neither detection nor recovery',
      text: timeline('- 10:00 UTC probe went red\n- 11:00 UTC all green'),
      findings: [
        {
          range: '2:0-2:11',
          message: 'The report says neither when the problem was detected nor when it was resolved. Mark the entries with `{detected}` and `{resolved}` at the end of their lines, or write `detected:` and `resolved:` in the front matter.',
        },
      ],
    },
    {
      name: 'no recovery',
      text: timeline('- 10:00 UTC alert fired\n- 10:30 UTC rolled back'),
      findings: [{ range: '2:0-2:11', message: 'The report never says when the problem was resolved. Mark the entry with `{resolved}` at the end of its line, or write `resolved:` in the front matter.' }],
    },
    {
      name: 'a resolution that did not hold is no resolution',
      text: timeline('- 10:00 UTC alert fired\n- 10:20 UTC issue seemed resolved\n- 10:30 UTC errors still present'),
      findings: [{ range: '2:0-2:11', message: 'The report never says when the problem was resolved. Mark the entry with `{resolved}` at the end of its line, or write `resolved:` in the front matter.' }],
    },
    {
      name: 'words taken out by the options',
      text: timeline('- 10:00 UTC alert fired\n- 11:00 UTC service restored'),
      config: { rules: { 'key-moment-missing': ['info', { detected: { allow: ['alert'] } }] } },
      findings: [{ range: '2:0-2:11', message: 'The report never says when the problem was detected. Mark the entry with `{detected}` at the end of its line, or write `detected:` in the front matter.' }],
    },
  ],
});
