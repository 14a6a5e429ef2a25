/** Helpers the action-item rules share: how an item is quoted, where its finding goes, how a field is appended. */
import type { ActionItem, PostmortemDocument } from '../../model';
import { PhraseSet } from '../../model/words';
import type { Fix, ItemField, Range, TextEdit } from '../../types';
import { fieldGroup, nextField } from '../../fixes/itemFields';
import { stringList } from '../../model/wordList';

const QUOTE_WORDS = 8;

/** The item as a message quotes it: its action, cut to a few words (each run of whitespace one space). */
export function quote(text: string): string {
  const quoted = text.trim().replace(/[.:;,]$/, '');
  // Only the gaps up to the cut are looked for: an item can run on for paragraphs.
  const gaps = /\s+/g;
  for (let count = 1, gap = gaps.exec(quoted); gap; count++, gap = gaps.exec(quoted)) {
    if (count === QUOTE_WORDS) return `${quoted.slice(0, gap.index).replace(/\s+/g, ' ')}…`;
  }
  return quoted.replace(/\s+/g, ' ');
}

/** Where an item's finding is shown: from its marker to the end of its own text (a table row: the row). */
export function itemRange(document: PostmortemDocument, item: ActionItem): Range {
  return document.source.rangeOf(item.startOffset, item.kind === 'table-row' ? item.endOffset : item.appendOffset);
}

/**
 * Writes a field into an item: into its empty table cell, into a field parenthesis the item already ends with
 * ("(owner: @TBD)" → "(owner: @TBD, due: 2024-06-01)"), or as a new parenthesis before a final full stop.
 */
function appendFieldEdit(document: PostmortemDocument, item: ActionItem, field: ItemField & { key: 'owner' | 'due' }): TextEdit {
  const cell = item.cells?.[field.key];
  if (cell && !document.text.slice(cell.startOffset, cell.endOffset).trim()) {
    return { range: document.source.rangeOf(cell.startOffset, cell.endOffset), newText: ` ${field.value} ` };
  }
  const text = document.text.slice(item.startOffset, item.appendOffset);
  const stop = /\.\s*$/.exec(text);
  const end = item.startOffset + (stop ? stop.index : text.length);
  const before = document.text.slice(item.startOffset, end);
  if (/\((?:owner|due|priority|type|ticket)\s*:[^()]*\)$/i.test(before)) {
    const at = end - 1;
    return { range: document.source.rangeOf(at, at), newText: nextField(field) };
  }
  return { range: document.source.rangeOf(end, end), newText: fieldGroup(field) };
}

/** The preferred fix of a missing owner or due date: a placeholder written as a field of the item. */
export function appendFieldFix(document: PostmortemDocument, item: ActionItem, field: ItemField & { key: 'owner' | 'due' }, title: string): Fix {
  return { title, placeholder: true, isPreferred: true, edits: [appendFieldEdit(document, item, field)], appendsField: field };
}

/** A word-list option: the user's strings (matched as words, never as patterns), or the defaults. */
export function wordListOption(options: Record<string, unknown>, name: string, defaults: readonly string[]): PhraseSet {
  return new PhraseSet(Array.isArray(options[name]) ? stringList(options[name]) : defaults);
}

export function numberOption(options: Record<string, unknown>, name: string, fallback: number): number {
  const value = options[name];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Items still to be done: a checked box or a "Completed" heading needs no owner, date or rewrite. */
export function openItems(document: PostmortemDocument): ActionItem[] {
  return document.actionItems.filter((item) => !item.done);
}
