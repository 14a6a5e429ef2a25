/**
 * Fix-all settles: applied to its own output it changes nothing, with and without placeholder fixes. On every
 * seed and every corpus report (deterministic), and on random Markdown (fast-check, seeded).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze, type AnalyzeInput } from '../../server/src/analysis/analyze';
import { applyEdits, collectFixAllEdits } from '../../server/src/analysis/fixes/fix';
import { fixAll, type FixAllOptions } from '../../server/src/analysis/fixes/fixAll';
import { ParseCache } from '../../server/src/analysis/parsing/incrementalParse';
import { SourceText } from '../../server/src/analysis/parsing/sourceText';
import { analysisSnapshot } from '../helpers/analysisSnapshot';
import { RULES } from '../../server/src/analysis/rules';
import { placeholderText } from '../../server/src/analysis/rules/structure/placeholderText';
import type { Rule } from '../../server/src/analysis/rules/types';
import { corpus, seed, seeds } from '../helpers/corpus';
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

/**
 * Fix-all as defined: every rule analyses the whole text afresh each pass, the chosen fixes are applied, until
 * none applies. `fixAll` skips work (the caller's parse trees, only the rules that can fix); its text must be this.
 */
function plainPasses(input: AnalyzeInput, options: FixAllOptions): string {
  let text = input.text;
  for (let pass = 0; pass < (options.maxPasses ?? 10); pass++) {
    const findings = analyze({ ...input, text }).findings.filter((finding) => !options.ruleId || finding.ruleId === options.ruleId);
    const source = new SourceText(text);
    const { edits } = collectFixAllEdits(source, findings, options.allowPlaceholders);
    const next = applyEdits(source, edits);
    if (next === text) break;
    text = next;
  }
  return text;
}

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

  test('gives the text of plain passes of every rule on every seed and corpus report, from the caller\'s parse cache', () => {
    for (const document of [...seeds(), ...corpus()]) {
      const input = { text: document.text, layers: [{ detection: 'always' as const }] };
      const parseCache = new ParseCache();
      const findings = analyze({ ...input, parseCache }).findings;
      for (const options of [{ allowPlaceholders: true }, { allowPlaceholders: false }, { allowPlaceholders: true, ruleId: 'action-item-due' }]) {
        const what = `${document.name} ${JSON.stringify(options)}`;
        assert.equal(fixAll(input, options, findings, parseCache).text, plainPasses(input, options), what);
      }
    }
  });

  test('passes after the first run only the rules that can fix', () => {
    let unfixableRuns = 0;
    const unfixable: Rule = { meta: { ...placeholderText.meta, id: 'counting' }, check: () => void unfixableRuns++ };
    const input = { text: seed('003').text, layers: [{ detection: 'always' as const }], rules: [...RULES, unfixable] };
    const outcome = fixAll(input, { allowPlaceholders: true }, analyze(input).findings);
    assert.ok(outcome.passes >= 2, `${outcome.passes} passes`);
    assert.equal(unfixableRuns, 1, 'the rule ran only for the caller\'s analysis');
  });

  test('leaves the caller\'s analysis as it was: its tree keeps its positions, and the cache goes on from it', () => {
    const texts = [...seeds(), ...corpus().slice(0, 20)].map((document) => document.text);
    const layers = [{ detection: 'always' as const }];
    for (const text of texts) {
      const parseCache = new ParseCache();
      const result = analyze({ text, layers, parseCache });
      const before = analysisSnapshot(result);
      const fixed = fixAll({ text, layers }, { allowPlaceholders: true }, result.findings, parseCache).text;
      assert.deepEqual(analysisSnapshot(result), before, 'the analysis the fix-all started from');
      // The editor applies the fix: the next analysis with the document's cache equals a full one.
      assert.deepEqual(analysisSnapshot(analyze({ text: fixed, layers, parseCache })), analysisSnapshot(analyze({ text: fixed, layers })), 'the fixed text');
    }
  });
});

/** Fix-all as it was before fields were written together: each field's fix on its own, the later one in the next pass. */
function onePassPerField(input: AnalyzeInput, allowPlaceholders: boolean): { text: string; passes: number } {
  let text = input.text;
  let passes = 0;
  for (; passes < 10; passes++) {
    const findings = analyze({ ...input, text }).findings.map((finding) => ({ ...finding, fixes: finding.fixes.map(({ appendsField: _field, ...fix }) => fix) }));
    const source = new SourceText(text);
    const next = applyEdits(source, collectFixAllEdits(source, findings, allowPlaceholders).edits);
    if (next === text) break;
    text = next;
  }
  return { text, passes };
}

describe('fix-all writes the fields one item lacks in one pass', () => {
  const layers = [{ detection: 'always' as const }, { date: '2024-03-01' }];
  const report = (items: string) => `# Outage\n\n## Summary\n\nCheckout failed.\n\n## Action Items\n\n${items}\n`;

  test('an owner and a due date: one parenthesis, as a pass per field writes it, in one pass fewer', () => {
    const cases: Array<[string, string]> = [
      ['- Add an alert on queue depth', '- Add an alert on queue depth (owner: @TBD, due: 2024-03-15)'],
      ['- Add an alert on queue depth.', '- Add an alert on queue depth (owner: @TBD, due: 2024-03-15).'],
      ['- Add an alert on queue depth (priority: high)', '- Add an alert on queue depth (priority: high, owner: @TBD, due: 2024-03-15)'],
    ];
    const fieldRules = RULES.filter((rule) => rule.meta.id === 'action-item-owner' || rule.meta.id === 'action-item-due');
    for (const [item, fixed] of cases) {
      const input = { text: report(item), layers, rules: fieldRules };
      const together = fixAll(input, { allowPlaceholders: true });
      const apart = onePassPerField(input, true);
      assert.ok(together.text.includes(`\n${fixed}\n`), together.text);
      assert.equal(together.text, apart.text, item);
      assert.deepEqual([together.passes, apart.passes], [1, 2], item);
    }
  });

  test('fills the empty cells of a table row, each in its own cell', () => {
    const input = { text: report('| Action | Owner | Due |\n|---|---|---|\n| Add an alert on queue depth | | |'), layers };
    const together = fixAll(input, { allowPlaceholders: true });
    assert.ok(together.text.includes('| Add an alert on queue depth | @TBD | 2024-03-15 |'), together.text);
    assert.equal(together.text, onePassPerField(input, true).text);
  });

  test('leaves the finding\'s own fix as it was (the editor shows it again)', () => {
    const findings = analyze({ text: report('- Add an alert on queue depth'), layers }).findings;
    const before = JSON.stringify(findings);
    collectFixAllEdits(new SourceText(report('- Add an alert on queue depth')), findings, true);
    assert.equal(JSON.stringify(findings), before);
  });

  test('gives the text of a pass per field on every seed and corpus report', () => {
    for (const document of [...seeds(), ...corpus()]) {
      for (const allowPlaceholders of [true, false]) {
        const input = { text: document.text, layers: [{ detection: 'always' as const }] };
        assert.equal(fixAll(input, { allowPlaceholders }).text, onePassPerField(input, allowPlaceholders).text, `${document.name} ${allowPlaceholders}`);
      }
    }
  });
});
