/**
 * Sorting a timeline (the fix of `timeline-out-of-order`) moves lines, never changes them: the multiset of the
 * document's lines is the same before and after. On every seed and corpus report that gets the fix, and on
 * shuffled timelines (fast-check, seeded), which come out in order.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis/analyze';
import { applyEdits } from '../../server/src/analysis/fixes/fix';
import { RULES_BY_ID } from '../../server/src/analysis/rules';
import { SourceText } from '../../server/src/analysis/parsing/sourceText';
import { corpus, seeds } from '../helpers/corpus';

const RULE = 'timeline-out-of-order';

/** Non-blank lines, sorted: what a sort may reorder but not change. */
const lineMultiset = (text: string) => text.split(/\r\n|\r|\n/).filter((line) => line.trim()).sort();

/** The text after the rule's sort fix, or undefined when the rule offers none. */
function sorted(text: string): string | undefined {
  const fix = analyze({ text, layers: [{ detection: 'always' }] }).findings.find((finding) => finding.ruleId === RULE && finding.fixes.length)?.fixes[0];
  return fix && applyEdits(new SourceText(text), fix.edits);
}

test(`the rule ${RULE} exists and offers a fix`, () => {
  assert.ok(RULES_BY_ID.get(RULE)?.meta.fixable);
});

test('sorting the timeline of a seed or corpus report keeps its lines', () => {
  let sortedReports = 0;
  for (const document of [...seeds(), ...corpus()]) {
    const after = sorted(document.text);
    if (after === undefined) continue;
    sortedReports++;
    assert.deepEqual(lineMultiset(after), lineMultiset(document.text), document.name);
  }
  assert.ok(sortedReports > 0, 'no shared report gets the sort fix: the property was not exercised');
});

test('a shuffled timeline comes out sorted, with the same lines', () => {
  const minutes = fc.uniqueArray(fc.integer({ min: 0, max: 23 * 60 + 59 }), { minLength: 2, maxLength: 12 });
  fc.assert(
    fc.property(minutes, fc.constantFrom('- ', '* ', '1. '), fc.constantFrom('\n', '\r\n'), (times, bullet, eol) => {
      const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const lines = times.map((minute, index) => `${bullet}**${clock(minute)} UTC** — event ${index + 1}`);
      const text = ['# Incident report: checkout outage on 2024-05-10', '', '## Timeline', '', ...lines, '', '## Root Cause', '', 'A bad deploy.', ''].join(eol);
      const after = sorted(text);
      if (after === undefined) return;
      assert.deepEqual(lineMultiset(after), lineMultiset(text));
      assert.equal(sorted(after), undefined, `still out of order after sorting:\n${after}`);
    }),
    { seed: 5, numRuns: 60 },
  );
});
