import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { corpus } from '../helpers/corpus';

const outline = (text: string) =>
  analyze({ text, layers: [{ detection: 'always' }] }).document!.sections.map((section) => `${'  '.repeat(section.level - 1)}${section.title} [${section.kinds.join(',')}] ${section.syntax}`);

test('label lines inside a paragraph split it between sections (a report written without Markdown)', () => {
  const text = 'Issue Summary\nDuration:\nFrom 08:30 to 10:15 AM UTC.\nImpact:\n100% of users.\nTimeline\n08:30 AM UTC - Alert fired.\n08:40 AM UTC - Rolled back.\nRoot Cause and Resolution\nA bad config; reverted.\n';
  assert.deepEqual(outline(text), [
    '  Issue Summary [summary] label-line',
    '  Timeline [timeline] label-line',
    '  Root Cause and Resolution [root-cause,resolution] label-line',
  ]);
  const { document } = analyze({ text, layers: [{ detection: 'always' }] });
  // The timeline's own lines are its entries; the summary's fields stay in the summary.
  assert.deepEqual(document!.timeline.map((entry) => entry.text), ['08:30 AM UTC - Alert fired.', '08:40 AM UTC - Rolled back.']);
  assert.deepEqual(document!.summary.map((fact) => fact.name), ['duration', 'impact']);
});

test('headings inside an HTML block, and fields of the summary that are not sections', () => {
  assert.deepEqual(outline('<h1>POSTMORTEM</h1>\n<p>\n<h3>Issue Summary</h3>\n<hr>\nDown for 15 minutes.\n\n<h3>Timeline</h3>\n<hr>\n2100hrs WAT: detected.\n'), [
    'POSTMORTEM [] html',
    '    Issue Summary [summary] html',
    '    Timeline [timeline] html',
  ]);
  assert.deepEqual(outline('### **Issue Summary**\n\n**Root Cause:**\nA leak.\n\n**Timeline:**\n- a\n'), ['    Issue Summary [summary] atx', '    Timeline [timeline] bold-line']);
});

test('a bold label inside an unrecognised heading nested in a recognised one belongs to that heading', () => {
  assert.deepEqual(outline('## Incident Timeline\n\n### October 21 - Redis overload\n\n**Root causes:**\n\n- CPU\n\n**Timeline:**\n\n- 21:45 UTC deploy\n'), [
    '  Incident Timeline [timeline] atx',
    '    October 21 - Redis overload [] atx',
    '      Root causes [root-cause] bold-line',
  ]);
});

test('an HTML heading anywhere on a line of a block, after other tags', () => {
  assert.deepEqual(outline('<div><h2>Root Cause</h2><p>A bad config.</p></div>\n\n<div>\n  <h2>Resolution</h2>\n</div>\n'), [
    '  Root Cause [root-cause] html',
    '  Resolution [resolution] html',
  ]);
});

test('title lines that Markdown runs into a list item: the list splits, the items after belong to the new section', () => {
  const text = 'Issue Summary:\n- Duration: 11:00 AM to 1:00 PM (WAT)\nTimeline:\n- 10:45 AM: alert fired\n- 11:00 AM: rerouted\nCorrective and Preventative Measures:\n- Add a load-balancer config check.\n';
  assert.deepEqual(outline(text), [
    '  Issue Summary [summary] label-line',
    '  Timeline [timeline] label-line',
    '  Corrective and Preventative Measures [action-items] label-line',
  ]);
  const { document } = analyze({ text, layers: [{ detection: 'always' }] });
  assert.deepEqual(document!.timeline.map((entry) => entry.text), ['10:45 AM: alert fired', '11:00 AM: rerouted']);
  assert.deepEqual(document!.actionItems.map((item) => item.text), ['Add a load-balancer config check.']);
});

test('an indented title line is a code block of its own, and still opens its section', () => {
  assert.deepEqual(outline('Post-mortem outage\n\n                  Summary of outage\n\nThe site was down.\n\n            Timeline of events\n\n2:00 PM: reports\n'), [
    '  Summary of outage [summary] indented-line',
    '  Timeline of events [timeline] indented-line',
  ]);
});

test('a whole report inside a fence is read for its sections; a code sample with one title line is not', () => {
  assert.deepEqual(outline('```\nIntroduction:\nA web stack outage.\nImpact:\nThe site was down.\nRoot Cause:\nA memory leak.\nResolution:\nRestarted the app.\n```\n'), [
    '  Impact [impact] fenced-line',
    '  Root Cause [root-cause] fenced-line',
    '  Resolution [resolution] fenced-line',
  ]);
  assert.deepEqual(outline('## Summary\nx\n\n```\nTimeline:\n$ tail -f log\n```\n'), ['  Summary [summary] atx']);
  assert.deepEqual(outline('```python\nSummary\nTimeline\n```\n'), []);
});

test('how many corpus documents have each essential section recognised', () => {
  const counts = new Map<string, number>();
  for (const { text } of corpus()) {
    const kinds = new Set(analyze({ text }).document!.sections.flatMap((section) => section.kinds));
    for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  // Before forgiving matching (label lines inside paragraphs, HTML blocks, suffixes, the other templates' names):
  // summary 84, timeline 79, action-items 73, resolution 63, root-cause 62 of 107.
  for (const [kind, atLeast] of Object.entries({ summary: 90, timeline: 94, 'action-items': 88, resolution: 73, 'root-cause': 84 })) {
    assert.ok((counts.get(kind) ?? 0) >= atLeast, `${kind}: ${counts.get(kind)}`);
  }
});
