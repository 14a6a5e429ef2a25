/**
 * "Mark done" on a follow-up: tick its task box, or, where it has none, append "(done)", which the model reads
 * as done. One small edit, so nothing else on the line changes.
 */
import type { PostmortemDocument } from '../model';
import type { TextEdit } from '../types';

/** A list marker and an empty task box: "- [ ]", "1. [ ]". */
const OPEN_BOX = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[( )\]/;

/** The edit that marks the open item starting on `line` done; undefined when there is none there. */
export function markDoneEdit(document: PostmortemDocument, line: number): TextEdit | undefined {
  const item = document.actionItems.find((candidate) => candidate.range.start.line === line && !candidate.done);
  if (!item) return undefined;
  const box = item.kind === 'task-item' ? OPEN_BOX.exec(document.text.slice(item.startOffset, item.appendOffset)) : null;
  if (box) {
    const at = item.startOffset + box[0].length - 2;
    return { range: document.source.rangeOf(at, at + 1), newText: 'x' };
  }
  return { range: document.source.rangeOf(item.appendOffset, item.appendOffset), newText: ' (done)' };
}
