import type { SourceText } from '../../server/src/analysis/parsing/sourceText';
import type { Range } from '../../server/src/analysis/types';

/** What is wrong with a range in a document (outside it, or ending before it starts); undefined when it fits. */
export function rangeProblem(source: SourceText, range: Range): string | undefined {
  const inside = (line: number, character: number) =>
    Number.isInteger(line) && Number.isInteger(character) && line >= 0 && line < source.lineCount && character >= 0 && character <= source.lineText(line).length;
  if (!inside(range.start.line, range.start.character)) return `start ${JSON.stringify(range.start)} is outside the document`;
  if (!inside(range.end.line, range.end.character)) return `end ${JSON.stringify(range.end)} is outside the document`;
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ordered ? undefined : `${JSON.stringify(range)} ends before it starts`;
}
