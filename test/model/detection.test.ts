/**
 * Detection: which Markdown files are postmortems when nothing says so (no front matter, no `files` glob).
 * Real reports come without the usual title; how-tos, assignments and essays about postmortems stay quiet.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';

const detection = (text: string) => analyze({ text }).detection;

test('reports without a first-level title are postmortems', () => {
  const cases: Array<[string, string]> = [
    ['opening line names the report, prose only', 'Internal post-mortem: https://example.com/pull/58\n\nOn 28th February, feature flags went down from 15:30 to 18:10 UTC.\n\nWe will stop retrying.\n'],
    ['the first heading is a second-level "Postmortem"', '## Postmortem\nThe network failed on all 7 terminals on 15 February, 2024.\n\n## Debugging Process\n* Checked the cables\n'],
    ['titles run into list items', 'Issue Summary:\n- Duration: 11:00 AM to 1:00 PM (WAT)\nTimeline:\n- 10:45 AM: alert fired\nRoot Cause and Resolution:\nA bad config.\n'],
    ['titles indented into code blocks', 'Jane Doe\nPost-mortem outage\n\n                Summary of outage\n\nThe site was down on 20th December, 2023.\n\n                Timeline of events\n\n2:00 PM: reports\n'],
    ['a whole report inside a fence', '```\nImpact:\nThe site was down.\nRoot Cause:\nA memory leak.\nResolution:\nRestarted it.\n```\n'],
  ];
  for (const [name, text] of cases) assert.notEqual(detection(text), 'none', name);
});

test('how-tos, assignments and essays about postmortems stay quiet', () => {
  const cases: Array<[string, string]> = [
    [
      'a how-to whose bold labels under unnamed headings name fixes',
      '# Web stack debugging\n\n## Tasks\n\n### 0. Nginx likes port 80\nx\n\n## Common issues\n\n### Issue 1: Nginx not running\n\n**Solution:**\nStart it.\n\n### Issue 2: Wrong port\n\n**Fix:**\nEdit the config.\n',
    ],
    [
      'an assignment listing what a postmortem must contain',
      '# 0x19. Postmortem\n\n## Tasks\n\n### 0. My first postmortem\nWrite a postmortem about an outage you faced.\n\n- Issue Summary (what executives read) must contain: duration with start and end times, impact, root cause\n- Timeline must contain: when the issue was detected\n- Your postmortem must be between 400 and 600 words.\n',
    ],
    [
      'an essay about what postmortems are for',
      '# Why we write postmortems\n\nA postmortem is a written record of an incident. It helps teams learn without blame.\n\n## What makes a good one\nIt is honest and specific.\n',
    ],
  ];
  for (const [name, text] of cases) {
    const result = analyze({ text });
    assert.equal(result.detection, 'none', name);
    assert.deepEqual(result.findings, [], name);
  }
});
