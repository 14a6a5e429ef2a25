/**
 * Properties of every analysis, on random postmortem-shaped Markdown and on real reports with random edits
 * (fast-check, seeded): it never throws, no rule fails, and every finding and every fix edit lies inside the text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis/analyze';
import { SourceText } from '../../server/src/analysis/parsing/sourceText';
import type { Range } from '../../server/src/analysis/types';
import { documentArbitrary } from '../helpers/markdownArbitrary';
import { rangeProblem } from '../helpers/ranges';

function assertInside(source: SourceText, range: Range, what: string): void {
  const problem = rangeProblem(source, range);
  assert.equal(problem, undefined, `${what}: ${problem}`);
}

test('the analysis never throws, no rule fails, and every range lies inside the document', () => {
  fc.assert(
    fc.property(documentArbitrary, fc.constantFrom('auto' as const, 'always' as const), (text, detection) => {
      const result = analyze({ text, layers: [{ detection }] });
      assert.deepEqual(result.failures.map((failure) => `${failure.ruleId}: ${failure.error.split('\n')[0]}`), []);
      const source = new SourceText(text);
      for (const finding of result.findings) {
        assertInside(source, finding.range, `${finding.ruleId} "${finding.message}"`);
        for (const fix of finding.fixes) for (const edit of fix.edits) assertInside(source, edit.range, `${finding.ruleId} fix "${fix.title}"`);
      }
    }),
    { seed: 20261123, numRuns: 200 },
  );
});
