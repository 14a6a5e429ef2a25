/**
 * What every fuzz input must survive: the full analysis with no rule failing and every range inside the text,
 * an edit analysed incrementally giving the tree a full parse gives, and fix-all (texts up to 100 000
 * characters). Throws on the first problem.
 */
import { analyze } from '../../server/src/analysis/analyze';
import { fixAll } from '../../server/src/analysis/fixes/fixAll';
import { ParseCache } from '../../server/src/analysis/parsing/incrementalParse';
import { parseMarkdown } from '../../server/src/analysis/parsing/parse';
import { SourceText } from '../../server/src/analysis/parsing/sourceText';
import { rangeProblem } from '../helpers/ranges';

const LAYERS = [{ detection: 'always' as const }];
const FIX_ALL_LIMIT = 100_000;

export function checkInput(text: string): void {
  const cache = new ParseCache();
  const result = analyze({ text, layers: LAYERS, parseCache: cache });
  const failure = result.failures[0];
  if (failure) throw new Error(`rule ${failure.ruleId} failed: ${failure.error}`);
  const source = new SourceText(text);
  for (const finding of result.findings) {
    const problem = [finding.range, ...finding.fixes.flatMap((fix) => fix.edits.map((edit) => edit.range))].map((range) => rangeProblem(source, range)).find(Boolean);
    if (problem) throw new Error(`${finding.ruleId} "${finding.message}": ${problem}`);
  }
  if (result.skipped) return;

  // A keystroke in the middle: the incremental parse must give the full parse's tree.
  const middle = Math.floor(text.length / 2);
  const edited = `${text.slice(0, middle)}\n# x\n${text.slice(middle)}`;
  analyze({ text: edited, layers: LAYERS, parseCache: cache });
  if (JSON.stringify(parseMarkdown(edited, cache).tree) !== JSON.stringify(parseMarkdown(edited).tree)) throw new Error('the incremental parse differs from the full parse after an edit');

  // Fix-all analyses the text once per pass: on the largest shapes that is the time limit several times over.
  if (text.length <= FIX_ALL_LIMIT) fixAll({ text, layers: LAYERS }, { allowPlaceholders: true });
}
