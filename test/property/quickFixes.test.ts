/**
 * Quick fixes never lose text: applying any one fix keeps every non-whitespace character of the document,
 * except the characters its own edits replace (fast-check, seeded, on random Markdown and edited reports).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis/analyze';
import { applyEdits } from '../../server/src/analysis/fixes/fix';
import { SourceText } from '../../server/src/analysis/parsing/sourceText';
import { documentArbitrary } from '../helpers/markdownArbitrary';

function nonWhitespaceCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const character of text) if (!/\s/u.test(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  return counts;
}

test('applying any single quick fix loses no character but the ones it replaces', () => {
  fc.assert(
    fc.property(documentArbitrary, (text) => {
      const { findings } = analyze({ text, layers: [{ detection: 'always' }] });
      const source = new SourceText(text);
      const before = nonWhitespaceCounts(text);
      for (const finding of findings) {
        for (const fix of finding.fixes) {
          const replaced = nonWhitespaceCounts(fix.edits.map((edit) => text.slice(source.offsetAt(edit.range.start), source.offsetAt(edit.range.end))).join(''));
          const after = nonWhitespaceCounts(applyEdits(source, fix.edits));
          for (const [character, count] of before) {
            const kept = after.get(character) ?? 0;
            const allowed = count - (replaced.get(character) ?? 0);
            assert.ok(kept >= allowed, `${finding.ruleId} fix "${fix.title}" lost ${allowed - kept} × ${JSON.stringify(character)}`);
          }
        }
      }
    }),
    { seed: 42, numRuns: 150 },
  );
});
