/**
 * What the workspace index keeps of a closed file (analysed without rules) is what the full analysis, rules and
 * all, says of it: the same follow-ups (owner, due date, tracking, done), sections and facts, so the Follow-ups view,
 * workspace symbols and overdue flags do not depend on whether a report was open.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze, type AnalyzeInput } from '../../server/src/analysis/analyze';
import { reportFacts } from '../../server/src/analysis/features/followUps';
import { indexedReport } from '../../server/src/analysis/features/indexedReport';
import { corpus, seeds, SHARED } from '../helpers/corpus';

const TODAY = '2026-12-03';

function fullAnalysisFacts(input: AnalyzeInput, fallbackTitle: string) {
  const result = analyze(input);
  return result.isPostmortem && result.document ? reportFacts(result.document, fallbackTitle) : undefined;
}

test('the index reads every seed and corpus report as the full analysis does', () => {
  let reports = 0;
  for (const document of [...seeds(), ...corpus()]) {
    const input: AnalyzeInput = { text: document.text, layers: [{ today: TODAY }], relativePath: document.name };
    const indexed = indexedReport(input, document.name);
    assert.deepEqual(indexed, fullAnalysisFacts(input, document.name), document.name);
    if (indexed) reports++;
  }
  assert.ok(reports > 100, `${reports} reports`);
});

test('a file that is not a postmortem has no entry, as in the full analysis', () => {
  const dir = join(SHARED, 'detection');
  const names = readdirSync(dir).filter((name) => name.endsWith('.md'));
  assert.ok(names.length > 0);
  for (const name of names) {
    const input: AnalyzeInput = { text: readFileSync(join(dir, name), 'utf8'), layers: [{ today: TODAY }], relativePath: name };
    assert.equal(indexedReport(input, name) === undefined, fullAnalysisFacts(input, name) === undefined, name);
  }
  assert.equal(indexedReport({ text: '# Meeting notes\n\n- Buy cake\n' }, 'notes.md'), undefined);
});

test('an action item is read with its owner, due date (in the incident year), tracking link and state', () => {
  const text = '# Postmortem: API outage\n\n## Summary\n\n- **Date:** March 3, 2024\n\n## Action Items\n\n- [ ] Add a canary (owner: @ana, due: June 30, https://example.com/issues/7)\n- [x] Raise the pool (owner: @bob)\n';
  const facts = indexedReport({ text, layers: [{ detection: 'always' }] }, 'api.md');
  assert.deepEqual(
    facts?.followUps.map(({ text: action, owner, due, tracking, done, range }) => [range.start.line, action, owner, due, tracking, done]),
    [
      [8, 'Add a canary', '@ana', '2024-06-30', 'https://example.com/issues/7', false],
      [9, 'Raise the pool', '@bob', null, null, true],
    ],
  );
  assert.deepEqual(facts?.followUps, fullAnalysisFacts({ text, layers: [{ detection: 'always' }] }, 'api.md')?.followUps);
});
