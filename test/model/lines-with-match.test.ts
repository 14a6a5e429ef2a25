import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { linesWithMatch, nodesOnLines } from '../../server/src/analysis/model/linesWithMatch';
import { parseMarkdown } from '../../server/src/analysis/parsing/parse';

test('the lines of the matches, ascending and once each', () => {
  const { source } = parseMarkdown('follow the plan\nno match\naction: follow up\n\nACTION');
  assert.deepEqual(linesWithMatch(source, /action|follow/gi), [0, 2, 4]);
});

test('the top-level nodes holding one of the lines, a match on a list item\'s later line included', () => {
  const parsed = parseMarkdown('# Notes\n\nA paragraph.\n\n- first item\n- second item\n  with a follow-up\n\n> quoted\n> follow this\n\nLast paragraph.\n');
  const kept = nodesOnLines(parsed.tree.children, linesWithMatch(parsed.source, /follow/gi));
  assert.deepEqual(
    kept.map((node) => `${node.type}@${node.position?.start.line}`),
    ['list@5', 'blockquote@9'],
  );
  assert.deepEqual(nodesOnLines(parsed.tree.children, []), []);
});

/** The stated times of a report, as "metric label minutes". */
function statedOf(text: string): string[] {
  return analyze({ text, overrides: { detection: 'always' } }).document!.keyMoments.stated.map((stated) => `${stated.metric} ${stated.label} ${stated.length.minutes}`);
}

test('stated metrics are read wherever their field line is, and only there', () => {
  const text = [
    '# Outage',
    '',
    '## Summary',
    '',
    '- **Time to detect:** 12 minutes',
    '- Impact: checkout down',
    '',
    '> __MTTR__: 2 hours',
    '',
    'Duration: 3 hours, and we took some time to detect it.',
    '',
    '```',
    'TTM: 5 minutes',
    '```',
    '',
  ].join('\n');
  assert.deepEqual(statedOf(text), ['toDetect time to detect 12', 'toResolve mttr 120']);
});

test('a report naming no metric has none, and the hint in another paragraph does not make one', () => {
  assert.deepEqual(statedOf('# Outage\n\n## Summary\n\nImpact: checkout down\n'), []);
  assert.deepEqual(statedOf('# Outage\n\nWe lost time to detect it.\n\nDetection: 5 minutes\n'), []);
});
