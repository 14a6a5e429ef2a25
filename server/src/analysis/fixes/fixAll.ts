import { analyze, type AnalyzeInput } from '../analyze';
import { applyEdits, collectFixAllEdits } from './fix';
import { ParseCache } from '../parsing/incrementalParse';
import { RULES } from '../rules';
import { SourceText } from '../parsing/sourceText';
import type { Finding, TextEdit } from '../types';

export interface FixAllOptions {
  /** Also apply fixes that write placeholders such as `@TBD` (the editor does; the CLI only with `--fix-placeholders`). */
  allowPlaceholders: boolean;
  /** Only this rule's fixes ("Fix all missing-section problems"). */
  ruleId?: string;
  maxPasses?: number;
}

export interface FixAllResult {
  text: string;
  /** Findings fixed over all passes. */
  fixed: number;
  passes: number;
}

/**
 * Applies fixes pass after pass until none applies (as ESLint does): a fix that overlapped another
 * in one pass is taken in the next, on the settled text. `findingsOfInput`: the analysis of `input` when the caller
 * has it (all rules, whatever `ruleId` selects); `parseCacheOfInput`: the cache that analysis parsed with, whose trees
 * the passes start from (they are left where they were; the cache gains the trees of the fixed text).
 */
export function fixAll(input: AnalyzeInput, options: FixAllOptions, findingsOfInput?: Finding[], parseCacheOfInput?: ParseCache): FixAllResult {
  let text = input.text;
  let fixed = 0;
  let passes = 0;
  const select = (findings: Finding[]) => (options.ruleId ? findings.filter((finding) => finding.ruleId === options.ruleId) : findings);
  // Later passes run only the rules whose findings can carry a fix (a rule not marked fixable offers none): the other
  // findings take no part in choosing the edits, and leaving them out keeps the order of the rest.
  const rules = (input.rules ?? RULES).filter((rule) => rule.meta.fixable && (!options.ruleId || rule.meta.id === options.ruleId));
  // Each pass changes a few sections: later passes parse only the chunks that changed. The cache moves the positions
  // of the trees it hands out, so the passes use a fork of the caller's, which puts the caller's trees back at the end
  // (and gives it the trees of the fixed text, which the caller analyses next when it applies the fix).
  const parseCache = parseCacheOfInput?.fork() ?? new ParseCache();
  try {
    for (; passes < (options.maxPasses ?? 10); passes++) {
      // The language server has analysed the document already: the first pass starts from its findings.
      const findings = passes === 0 && findingsOfInput ? findingsOfInput : analyze({ ...input, text, parseCache, rules }).findings;
      const source = new SourceText(text);
      const { edits, fixedFindings } = collectFixAllEdits(source, select(findings), options.allowPlaceholders);
      if (!edits.length) break;
      const next = applyEdits(source, edits);
      if (next === text) break;
      fixed += fixedFindings;
      text = next;
    }
  } finally {
    parseCache.restore();
  }
  return { text, fixed, passes };
}

/** The edit turning `before` into `after`: one replacement of the span that changed, so the editor keeps its cursor elsewhere. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const source = new SourceText(before);
  return { range: source.rangeOf(start, endBefore), newText: after.slice(start, endAfter) };
}
