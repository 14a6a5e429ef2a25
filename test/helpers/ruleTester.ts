/**
 * A table-driven rule tester in the manner of ESLint's RuleTester: documents that must pass, documents
 * that must fail with exact findings, and the exact text after the fix. Like markdownlint, it analyses
 * the fixed text again to prove the fix is complete.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import type { ConfigLayer } from '../../server/src/analysis/config/config';
import { applyEdits } from '../../server/src/analysis/fixes/fix';
import type { Rule } from '../../server/src/analysis/rules/types';
import { SourceText } from '../../server/src/analysis/parsing/sourceText';

export interface ExpectedFinding {
  message?: string | RegExp;
  /** 0-based `line:character-line:character`, or just the start line. */
  range?: string;
  line?: number;
}

export interface ValidCase {
  name?: string;
  text: string;
  config?: ConfigLayer;
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
  /** The text after applying the first fix of each finding in one pass; omit when the rule offers none. */
  output?: string;
  /** Which fix of each finding `output` applies (default 0). */
  fixIndex?: number;
  /** Messages the rule still reports on the fixed text (default none: the fix is complete). */
  afterFix?: string[];
}

/** Documents are marked as postmortems so that detection never hides a rule's findings. */
function run(rule: Rule, text: string, config: ConfigLayer = {}) {
  return analyze({ text, layers: [{ detection: 'always', ...config }], rules: [rule] });
}

function formatRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    for (const [index, item] of cases.valid.entries()) {
      test(`valid: ${item.name ?? index}`, () => {
        const { findings } = run(rule, item.text, item.config);
        assert.deepEqual(findings.map((finding) => `${formatRange(finding.range)} ${finding.message}`), []);
      });
    }
    for (const [index, item] of cases.invalid.entries()) {
      test(`invalid: ${item.name ?? index}`, () => {
        const { findings } = run(rule, item.text, item.config);
        assert.equal(findings.length, item.findings.length, `findings: ${findings.map((finding) => finding.message).join('\n')}`);
        item.findings.forEach((expected, at) => {
          const actual = findings[at];
          assert.equal(actual.ruleId, rule.meta.id);
          if (typeof expected.message === 'string') assert.equal(actual.message, expected.message);
          else if (expected.message) assert.match(actual.message, expected.message);
          if (expected.range) assert.equal(formatRange(actual.range), expected.range);
          if (expected.line !== undefined) assert.equal(actual.range.start.line, expected.line);
        });
        if (item.output === undefined) {
          if (!rule.meta.fixable) assert.ok(findings.every((finding) => finding.fixes.length === 0), 'a rule not marked fixable offers a fix');
          return;
        }
        const edits = findings.flatMap((finding) => finding.fixes[item.fixIndex ?? 0]?.edits ?? []);
        const fixed = applyEdits(new SourceText(item.text), edits);
        assert.equal(fixed, item.output);
        // The fix is complete: the fixed text no longer fails the rule for the same reasons.
        assert.deepEqual(run(rule, fixed, item.config).findings.map((finding) => finding.message), item.afterFix ?? [], 'the fixed text still fails the rule');
      });
    }
  });
}
