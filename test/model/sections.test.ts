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
