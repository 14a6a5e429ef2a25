/**
 * Fix-all settles: applied to its own output it changes nothing, with and without placeholder fixes. On every
 * seed and every corpus report (deterministic), and on random Markdown (fast-check, seeded).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis/analyze';
import { fixAll } from '../../server/src/analysis/fixes/fixAll';
import { corpus, seeds } from '../helpers/corpus';
import { htmlReportArbitrary, markdownArbitrary } from '../helpers/markdownArbitrary';

function assertSettles(text: string, allowPlaceholders: boolean, what: string): void {
  const once = fixAll({ text, layers: [{ detection: 'always' }] }, { allowPlaceholders });
  const twice = fixAll({ text: once.text, layers: [{ detection: 'always' }] }, { allowPlaceholders });
  assert.equal(twice.text, once.text, `${what}: fix-all applied again still changed the text (${twice.fixed} more fixes)`);
}

describe('fix-all applied twice changes nothing the second time', () => {
  for (const allowPlaceholders of [true, false]) {
    test(`every seed and corpus report, ${allowPlaceholders ? 'with' : 'without'} placeholder fixes`, () => {
      for (const document of [...seeds(), ...corpus()]) assertSettles(document.text, allowPlaceholders, document.name);
    });
  }

  test('random Markdown', () => {
    fc.assert(
      fc.property(markdownArbitrary, fc.boolean(), (text, allowPlaceholders) => assertSettles(text, allowPlaceholders, JSON.stringify(text))),
      { seed: 11, numRuns: 40 },
    );
  });
});

describe('fix-all on reports built from HTML or code blocks settles (text inserted inside a block is never read)', () => {
  test('a summary whose HTML block goes on into the timeline', () => {
    const text = '# Postmortem\n\n<div>\n  <h2>Summary</h2>\n  <p>Checkout failed.</p>\n  <h2>Timeline</h2>\n  <p>10:00 UTC alert fired</p>\n</div>\n';
    const once = fixAll({ text, layers: [{ detection: 'always' }] }, { allowPlaceholders: true });
    assert.ok(once.passes < 10, `fix-all did not settle in ${once.passes} passes`);
    assert.equal(once.text.split('**Duration:**').length, 1, 'no Duration line inside the HTML block');
    assertSettles(text, true, 'summary and timeline in one HTML block');
  });

  test('a whole report inside a fence: missing sections go after the fence, not into it', () => {
    const text = '```\nImpact:\nThe site was down.\nRoot Cause:\nA memory leak.\nResolution:\nRestarted it.\n```\n';
    const once = fixAll({ text, layers: [{ detection: 'always' }] }, { allowPlaceholders: true });
    assert.ok(once.text.startsWith(text.trimEnd()), once.text);
    assertSettles(text, true, 'a report inside a fence');
  });

  test('random HTML-built reports', () => {
    fc.assert(
      fc.property(htmlReportArbitrary, fc.boolean(), (text, allowPlaceholders) => {
        const once = fixAll({ text, layers: [{ detection: 'always' }] }, { allowPlaceholders });
        assert.ok(once.passes < 10, `${JSON.stringify(text)}: fix-all did not settle in ${once.passes} passes`);
        assertSettles(text, allowPlaceholders, JSON.stringify(text));
      }),
      { seed: 11, numRuns: 60 },
    );
  });
});

describe('fix-all from an analysis the caller already has', () => {
  test('gives what fix-all from the text alone gives (the language server and --fix pass theirs)', () => {
    for (const document of [...seeds(), ...corpus().slice(0, 30)]) {
      const input = { text: document.text, layers: [{ detection: 'always' as const }] };
      for (const ruleId of [undefined, 'missing-section']) {
        const options = { allowPlaceholders: true, ruleId };
        assert.deepEqual(fixAll(input, options, analyze(input).findings), fixAll(input, options), `${document.name} ${ruleId ?? 'all rules'}`);
      }
    }
  });
});
