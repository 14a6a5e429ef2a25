import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { corpus, seed, seeds } from '../helpers/corpus';

const sectionsOf = (number: string) => analyze({ text: seed(number).text }).document!.sections.map((section) => `${section.title} [${section.kinds.join(',')}]`);

test('the model finds the sections of every seed', () => {
  assert.deepEqual(sectionsOf('000'), [
    'Expert Handyman Services Downtime Report []',
    'Issue Summary [summary]',
    'Timeline [timeline]',
    'Root Cause and Resolution [root-cause,resolution]',
    'Corrective and Preventative Measures [action-items]',
  ]);
  assert.deepEqual(sectionsOf('003'), [
    'Postmortem Report []',
    'Issue Summary: [summary]',
    'Timeline [timeline]',
    'Root Cause and Resolution [root-cause,resolution]',
    'Corrective and Preventative Measures [action-items]',
  ]);
  assert.deepEqual(sectionsOf('004'), [
    'Issue Summary: [summary]',
    'Timeline: [timeline]',
    'Root Cause and Resolution: [root-cause,resolution]',
    'Corrective and Preventative Measures: [action-items]',
    'TODOs: [action-items]',
  ]);
  for (const number of ['001', '002']) assert.ok(sectionsOf(number).length >= 5, number);
});

test('the model finds timeline entries and action items in the seeds', () => {
  const counts = seeds().map(({ text }) => {
    const { document } = analyze({ text });
    return [document!.timeline.length, document!.actionItems.length];
  });
  // 000: seven bullets and a paragraph of measures; 001: six top-level entries, six tasks;
  // 002: ten entries, eight tasks; 003: eight bold-time lines, no discrete items; 004: ten entries, ten items.
  assert.deepEqual(counts, [[7, 0], [6, 6], [10, 8], [8, 0], [10, 10]]);
});

test('seed 003 timeline entries are the lines of one paragraph, each with its own range', () => {
  const { document } = analyze({ text: seed('003').text });
  const first = document!.timeline[0];
  assert.equal(first.text, 'May 10, 2024, 08:30 UTC: - Issue detected via monitoring alerts indicating increased error rates and latency.');
  assert.deepEqual(first.lineRange, { start: { line: 10, character: 0 }, end: { line: 10, character: 113 } });
});

test('every seed is detected as a postmortem, and the analysis never throws on the corpus', () => {
  for (const { name, text } of seeds()) assert.ok(analyze({ text }).isPostmortem, name);
  for (const { name, text } of corpus()) {
    const result = analyze({ text });
    assert.deepEqual(result.failures, [], name);
  }
});

test('a README stays quiet', () => {
  const readme = '# my-tool\n\nA CLI.\n\n## Overview\nIt does things.\n\n## Installation\n```\nnpm i my-tool\n```\n\n## Todo\n- docs\n';
  const result = analyze({ text: readme });
  assert.equal(result.isPostmortem, false);
  assert.deepEqual(result.findings, []);
});
