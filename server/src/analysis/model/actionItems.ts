import type { List, ListItem, Nodes, Table } from 'mdast';
import { endOffset, plainText, startOffset, type ParsedMarkdown } from '../parse';
import type { ActionItem, Section } from './types';
import { sectionNodes, sectionsOfKind } from './walk';

/** "**Tasks:**", "Improvements/Fixes:", "Short term" — a list item that only names the sub-list below it. */
function isLabel(item: ListItem): boolean {
  const nested = item.children.some((child) => child.type === 'list');
  if (!nested) return false;
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return true;
  const text = plainText(first).trim();
  return text.endsWith(':') || (first.children.length === 1 && first.children[0].type === 'strong') || text.split(/\s+/).length <= 3;
}

function itemsOfList(parsed: ParsedMarkdown, section: Section, list: List): ActionItem[] {
  return list.children.flatMap((item): ActionItem[] => {
    if (isLabel(item)) {
      return item.children.flatMap((child) => (child.type === 'list' ? itemsOfList(parsed, section, child) : []));
    }
    const first = item.children[0];
    const start = startOffset(parsed, item);
    const end = endOffset(parsed, item);
    return [{
      text: first && first.type !== 'list' ? plainText(first).trim() : '',
      kind: typeof item.checked === 'boolean' ? 'task-item' : 'list-item',
      checked: item.checked ?? undefined,
      startOffset: start,
      endOffset: end,
      range: parsed.source.rangeOf(start, end),
      section,
    }];
  });
}

function itemsOfTable(parsed: ParsedMarkdown, section: Section, table: Table): ActionItem[] {
  return table.children.slice(1).map((row) => {
    const start = startOffset(parsed, row);
    const end = endOffset(parsed, row);
    return {
      text: row.children.map((cell) => plainText(cell).trim()).join(' | '),
      kind: 'table-row',
      startOffset: start,
      endOffset: end,
      range: parsed.source.rangeOf(start, end),
      section,
    };
  });
}

function itemsOf(parsed: ParsedMarkdown, section: Section, node: Nodes): ActionItem[] {
  if (node.type === 'list') return itemsOfList(parsed, section, node);
  if (node.type === 'table') return itemsOfTable(parsed, section, node);
  return [];
}

/** The discrete action items of every action-items section, in document order. */
export function buildActionItems(parsed: ParsedMarkdown, sections: Section[]): ActionItem[] {
  return sectionsOfKind(sections, 'action-items').flatMap((section) => sectionNodes(section).flatMap((node) => itemsOf(parsed, section, node)));
}
