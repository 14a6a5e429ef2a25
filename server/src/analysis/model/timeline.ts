import type { List, ListItem, Nodes, Paragraph, Table } from 'mdast';
import { endOffset, plainText, startOffset, type ParsedMarkdown } from '../parse';
import type { Section, TimelineEntry } from './types';
import { sectionNodes, sectionsOfKind } from './walk';

/** A line that opens with a time or a date (after optional markup): "**14:05 UTC** -", "May 10, 2024, 08:30", "2100hrs". */
const STARTS_WITH_TIME = /^[\s*_[(>|-]*(\d{1,2}[:.]\d{2}\b|\d{1,2}:?\s?[ap]\.?m\b|\d{3,4}\s?hrs\b|\d{4}-\d{2}-\d{2}\b|\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\d{1,2}(st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/i;

export function startsWithTime(text: string): boolean {
  return STARTS_WITH_TIME.test(text);
}

function ownText(item: ListItem): string {
  const first = item.children[0];
  return first && first.type !== 'list' ? plainText(first).trim() : '';
}

function entryOf(parsed: ParsedMarkdown, section: Section, kind: TimelineEntry['kind'], text: string, start: number, end: number, lineEnd = end): TimelineEntry {
  return {
    text,
    kind,
    startOffset: start,
    endOffset: end,
    range: parsed.source.rangeOf(start, end),
    lineRange: parsed.source.rangeOf(start, lineEnd),
    section,
  };
}

function lineEndOf(parsed: ParsedMarkdown, start: number, end: number): number {
  const position = parsed.source.positionAt(start);
  return Math.min(parsed.source.lineEnd(position.line), end);
}

function listEntries(parsed: ParsedMarkdown, section: Section, list: List): TimelineEntry[] {
  return list.children.map((item) => {
    const start = startOffset(parsed, item);
    const end = endOffset(parsed, item);
    return entryOf(parsed, section, 'list-item', ownText(item), start, end, lineEndOf(parsed, start, end));
  });
}

/** Lines of a paragraph that start with a time each open an entry; the lines after one belong to it. */
function paragraphEntries(parsed: ParsedMarkdown, section: Section, paragraph: Paragraph): TimelineEntry[] {
  const { source } = parsed;
  const start = startOffset(parsed, paragraph);
  const end = endOffset(parsed, paragraph);
  const first = source.positionAt(start).line;
  const last = source.positionAt(end).line;
  const starts: number[] = [];
  for (let line = first; line <= last; line++) {
    if (startsWithTime(source.lineText(line))) starts.push(line);
  }
  return starts.map((line, index) => {
    const lineStart = Math.max(start, source.lineStarts[line]);
    const entryEnd = index + 1 < starts.length ? source.lineEnd(starts[index + 1] - 1) : end;
    const lineEnd = source.lineEnd(line);
    const text = source.text.slice(lineStart, lineEnd).replace(/[*_`]/g, '').trim();
    return entryOf(parsed, section, 'line', text, lineStart, entryEnd, lineEnd);
  });
}

function tableEntries(parsed: ParsedMarkdown, section: Section, table: Table): TimelineEntry[] {
  return table.children.slice(1).map((row) => {
    const text = row.children.map((cell) => plainText(cell).trim()).join(' | ');
    return entryOf(parsed, section, 'table-row', text, startOffset(parsed, row), endOffset(parsed, row));
  });
}

function entriesOf(parsed: ParsedMarkdown, section: Section, node: Nodes): TimelineEntry[] {
  switch (node.type) {
    case 'list':
      return listEntries(parsed, section, node);
    case 'paragraph':
      return paragraphEntries(parsed, section, node);
    case 'table':
      return tableEntries(parsed, section, node);
    default:
      return [];
  }
}

/** The entries of every timeline section, in document order. Code blocks and HTML are never entries. */
export function buildTimeline(parsed: ParsedMarkdown, sections: Section[]): TimelineEntry[] {
  return sectionsOfKind(sections, 'timeline').flatMap((section) => sectionNodes(section).flatMap((node) => entriesOf(parsed, section, node)));
}
