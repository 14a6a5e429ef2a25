import type { Nodes } from 'mdast';
import type { SourceText } from '../parsing/sourceText';
import { firstIndex } from '../util/firstIndex';

/**
 * The lines (0-based, ascending, once each) that hold a match of `pattern`, which must be global. One search of the
 * text tells a reader looking for a rare word which nodes can hold it, instead of its walking every paragraph of a
 * long report on each keystroke.
 */
export function linesWithMatch(source: SourceText, pattern: RegExp): number[] {
  const lines: number[] = [];
  for (const match of source.text.matchAll(pattern)) {
    const line = source.positionAt(match.index).line;
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}

/** The nodes whose lines include one of `lines` (ascending, as `linesWithMatch` gives them), in their order. */
export function nodesOnLines<T extends Nodes>(nodes: readonly T[], lines: readonly number[]): T[] {
  return nodes.filter((node) => {
    // mdast counts lines from 1, and over the text without its byte-order mark: the same lines.
    const first = (node.position?.start.line ?? 1) - 1;
    const last = (node.position?.end.line ?? Infinity) - 1;
    const at = firstIndex(lines, (line) => line < first);
    return at < lines.length && lines[at] <= last;
  });
}
