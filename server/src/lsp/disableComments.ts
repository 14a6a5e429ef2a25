import type { Table } from 'mdast';
import { walk } from '../analysis/model/walk';
import type { PostmortemDocument } from '../analysis/model';
import { nodeRange } from '../analysis/parsing/parse';
import type { TextEdit } from '../analysis/types';

/** Quote markers and indentation that open a line, so the comment stays in the same list item or quote. */
const LINE_PREFIX = /^(?:[ \t]*>)*[ \t]*/;

function insertAt(line: number, character: number, newText: string): TextEdit {
  return { range: { start: { line, character }, end: { line, character } }, newText };
}

function inFrontMatter(document: PostmortemDocument, line: number): boolean {
  return document.frontMatter !== undefined && line <= document.frontMatter.range.end.line;
}

function isTableRow(document: PostmortemDocument, line: number): boolean {
  let found = false;
  walk(document.tree, (node) => {
    if (found) return false;
    if (node.type === 'table') found = (node as Table).children.some((row) => nodeRange(document.parsed, row).start.line === line);
    return node.type !== 'table';
  });
  return found;
}

/**
 * "Disable rule for this line": `<!-- postmortem-disable-next-line rule -->` on its own line above, with the
 * line's indentation. A table row cannot have a line inserted above it (that ends the table), so it gets
 * `<!-- postmortem-disable-line rule -->` inside its last cell. Lines of the front matter cannot hold a
 * comment at all: undefined.
 */
export function disableLineEdit(document: PostmortemDocument, ruleId: string, line: number): TextEdit | undefined {
  if (inFrontMatter(document, line) || line >= document.source.lineCount) return undefined;
  const text = document.source.lineText(line);
  if (isTableRow(document, line)) {
    const comment = `<!-- postmortem-disable-line ${ruleId} -->`;
    const trailingPipe = /\|\s*$/.exec(text);
    if (trailingPipe && text[trailingPipe.index - 1] !== '\\') return insertAt(line, trailingPipe.index, `${/\s$/.test(text.slice(0, trailingPipe.index)) ? '' : ' '}${comment} `);
    return insertAt(line, text.length, ` ${comment}`);
  }
  const prefix = LINE_PREFIX.exec(text)?.[0] ?? '';
  return insertAt(line, 0, `${prefix}<!-- postmortem-disable-next-line ${ruleId} -->${document.source.eol}`);
}

/** "Disable rule for this file": `<!-- postmortem-disable rule -->` at the top, after the front matter. */
export function disableFileEdit(document: PostmortemDocument, ruleId: string): TextEdit {
  const comment = `<!-- postmortem-disable ${ruleId} -->`;
  const { source } = document;
  if (!document.frontMatter) return insertAt(0, 0, `${comment}${source.eol}`);
  const last = document.frontMatter.range.end.line;
  if (last + 1 < source.lineCount) return insertAt(last + 1, 0, `${comment}${source.eol}`);
  return insertAt(last, source.lineText(last).length, `${source.eol}${comment}`);
}

/** Whether "disable for this file" covers a finding on this line (the comment only acts below itself). */
export function canDisableForFile(document: PostmortemDocument, line: number): boolean {
  return !inFrontMatter(document, line);
}
