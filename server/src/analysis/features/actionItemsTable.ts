/**
 * "Convert action items to a table": each list of an action-items section becomes
 * `| Action | Type | Owner | Priority | Due | Tracking |`. Every field already written moves into its column
 * and every other word of the item stays in the Action cell (nested lines joined with `<br>`). A label that
 * names a sub-list ("**Tasks:**") stays, as written, on its own line above that sub-list's table. A checked
 * task keeps its "[x]". Type is filled only where the item states it: an inferred type is a guess, and a
 * guess written into the document would read as the author's word.
 */
import type { List, ListItem } from 'mdast';
import { BoundedCache } from '../util/boundedCache';
import type { ActionItem, PostmortemDocument, Section } from '../model';
import { sectionNodes } from '../model/walk';
import { endOffset, startOffset } from '../parsing/parse';
import type { TextEdit } from '../types';

export const TABLE_HEADER = ['Action', 'Type', 'Owner', 'Priority', 'Due', 'Tracking'] as const;

/** Whitespace other than single spaces: only then has a cell's whitespace to be collapsed. */
const LOOSE_WHITESPACE = /[^\S ]|\s\s/;

/** A cell's text: one line (every run of whitespace, line breaks too, one space), pipes escaped. */
export function cell(text: string): string {
  // Tables are rebuilt on every keystroke: the common cell, one line without pipes, is not rewritten.
  const escaped = text.includes('|') ? text.replace(/(?<!\\)\|/g, '\\|') : text;
  return (LOOSE_WHITESPACE.test(escaped) ? escaped.replace(/\s+/g, ' ') : escaped).trim();
}

/** A Markdown table of cells already made with `cell()`: the action-items columns unless `header` says otherwise. */
export function tableText(rows: string[][], eol: string, header: readonly string[] = TABLE_HEADER): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join(eol);
}

/** The item's source with the clauses of its own fields blanked out, tidied to one line. */
function actionCell(document: PostmortemDocument, item: ActionItem, start: number, end: number): string {
  let text = document.text.slice(start, end);
  const fields = [item.owner, item.due, item.tracking, item.priorityField, item.typeField];
  for (const found of fields) {
    if (!found || found.inherited || found.clauseStartOffset < start || found.clauseEndOffset > end) continue;
    const from = found.clauseStartOffset - start;
    const to = found.clauseEndOffset - start;
    text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  }
  return tidiedActions.get(text, tidyAction);
}

/** Every keystroke asks for the tables again, and a keystroke changes one item: Action cells are kept by their text. */
const tidiedActions = new BoundedCache<string, string>(5000);

function tidyAction(text: string): string {
  // Only punctuation the moved clauses left behind goes: "()", a dangling comma.
  return cell(text.replace(/\(\s*[,;]?\s*\)|\[\s*\]/g, ' ').replace(/\s+([,;.])/g, '$1').replace(/[\s,;]+$/, '').replace(/^[\s,;]+/, ''));
}

function fieldCell(field: { text: string; inherited?: boolean; clauseStartOffset: number } | undefined, start: number, end: number): string {
  // A field stated on a heading or label stays there; one in a sub-item ("- Owner: @ana") moves.
  return field && !field.inherited && field.clauseStartOffset >= start && field.clauseStartOffset <= end ? cell(field.text) : '';
}

const CONVERTIBLE = new Set(['paragraph', 'list']);

/** Rows for one list; undefined when an item holds something a table cell cannot (code, tables, quotes). */
function rowsOf(document: PostmortemDocument, list: List, items: Map<number, ActionItem>, blocks: Array<string | string[][]>): boolean {
  const { parsed } = document;
  const rows = (): string[][] => {
    const last = blocks[blocks.length - 1];
    if (Array.isArray(last)) return last;
    const fresh: string[][] = [];
    blocks.push(fresh);
    return fresh;
  };
  for (const listItem of list.children) {
    const item = items.get(startOffset(parsed, listItem));
    if (!item) {
      // A label ("**Tasks:**") above a sub-list, or an empty bullet.
      const first = listItem.children[0];
      if (first?.type === 'paragraph') blocks.push(cell(document.text.slice(startOffset(parsed, first), endOffset(parsed, first))));
      for (const child of listItem.children) {
        if (child.type === 'list') {
          if (!rowsOf(document, child, items, blocks)) return false;
        } else if (child !== first) return false;
      }
      continue;
    }
    const row = rowOf(document, item, listItem);
    if (!row) return false;
    rows().push(row);
  }
  return true;
}

function rowOf(document: PostmortemDocument, item: ActionItem, listItem: ListItem): string[] | undefined {
  const { parsed } = document;
  if (!listItem.children.every((child) => CONVERTIBLE.has(child.type))) return undefined;
  const start = startOffset(parsed, listItem.children[0]);
  const end = endOffset(parsed, listItem);
  const parts = [actionCell(document, item, start, item.appendOffset)];
  // Nested lines (a second paragraph, sub-bullets) stay in the Action cell; field-only sub-items move.
  for (const child of listItem.children.slice(1)) {
    const pieces = child.type === 'list' ? nestedPieces(document, item, child) : [actionCell(document, item, startOffset(parsed, child), endOffset(parsed, child))];
    if (!pieces) return undefined;
    parts.push(...pieces);
  }
  const action = `${item.checked ? '[x] ' : ''}${parts.filter(Boolean).join('<br>')}`;
  return [
    action,
    fieldCell(item.typeField, start, end),
    fieldCell(item.owner, start, end),
    fieldCell(item.priorityField, start, end),
    fieldCell(item.due, start, end),
    fieldCell(item.tracking, start, end),
  ];
}

/** The lines of a nested list, for the Action cell; undefined when one holds more than text. */
function nestedPieces(document: PostmortemDocument, item: ActionItem, list: List): string[] | undefined {
  const { parsed } = document;
  const pieces: string[] = [];
  for (const sub of list.children) {
    for (const child of sub.children) {
      if (child.type === 'list') {
        const deeper = nestedPieces(document, item, child);
        if (!deeper) return undefined;
        pieces.push(...deeper);
      } else if (child.type === 'paragraph') {
        pieces.push(actionCell(document, item, startOffset(parsed, child), endOffset(parsed, child)));
      } else {
        return undefined;
      }
    }
  }
  return pieces.filter(Boolean);
}

function blocksText(blocks: Array<string | string[][]>, eol: string): string {
  return blocks.map((block) => (typeof block === 'string' ? block : tableText(block, eol))).join(eol + eol);
}

/** The edits that turn every list of one action-items section into tables; undefined when none can be. */
export function actionItemsTableEdits(document: PostmortemDocument, section: Section): TextEdit[] | undefined {
  const { parsed, source } = document;
  const eol = source.eol;
  const owned = document.actionSections.find((candidate) => candidate.section === section);
  if (!owned) return undefined;
  const items = new Map(owned.items.filter((item) => item.kind !== 'table-row').map((item) => [item.startOffset, item]));
  const edits: TextEdit[] = [];
  for (const node of sectionNodes(section)) {
    if (node.type !== 'list') continue;
    const blocks: Array<string | string[][]> = [];
    if (!rowsOf(document, node, items, blocks) || !blocks.some(Array.isArray)) return undefined;
    const start = startOffset(parsed, node);
    const end = endOffset(parsed, node);
    // A table needs a blank line between it and a paragraph before or after it.
    const line = source.positionAt(start).line;
    const before = line > 0 && source.lineText(line - 1).trim() ? eol : '';
    const after = /^[ \t]*\r?\n[ \t]*\S/.test(document.text.slice(end)) ? eol : '';
    edits.push({ range: source.rangeOf(start, end), newText: before + blocksText(blocks, eol) + after });
  }
  return edits.length ? edits : undefined;
}
