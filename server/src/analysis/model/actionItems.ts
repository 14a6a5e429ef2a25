/**
 * Action items as a reviewer reads them: the bullets, numbered items, task items and table rows of the
 * action-items sections, under labels such as "**Tasks:**" or sub-headings such as "### Short-term", with
 * the fields written into each (see actionFields.ts) and the item's type.
 */
import type { List, ListItem, Nodes, Paragraph, Table, TableCell } from 'mdast';
import { endOffset, plainText, startOffset, type ParsedMarkdown } from '../parsing/parse';
import { findFields, priorityLevel, readDue, type DueReference, type FieldSpan, type FoundFields } from './actionFields';
import { explicitType, inferType } from './actionType';
import { misrenderedBlock, type MisrenderedBlock } from './meantLines';
import { nodesBetween, shiftRange, SpanReuse, type Shift } from '../util/spanReuse';
import { sectionShape } from './sectionShape';
import type { ActionDue, ActionField, ActionItem, ActionSection, Section } from './types';
import { sectionsOfKind, walk } from './walk';
import { linesWithMatch, nodesOnLines } from './linesWithMatch';

/** What items inherit from the heading or label they sit under. */
interface Group {
  title?: string;
  done: boolean;
  due?: ActionDue;
  tracking?: ActionField;
}

interface Context {
  parsed: ParsedMarkdown;
  section: Section;
  reference: DueReference;
}

/** "Immediate Actions (Completed)", "Done:", "Already implemented". */
const DONE_TITLE = /\b(?:completed|done|already\s+(?:implemented|taken|done)|finished|resolved)\b/i;
const DONE_ITEM = /\((?:done|completed|fixed|shipped)\)\s*\.?\s*$|^\s*(?:done|completed)\s*[:-]|✅|✔/i;
/** A sub-item that only states a field: "- Owner: @ana", "- Due: 2024-06-01". */
const FIELD_SUB_ITEM = /^\s*(?:owners?|assignees?|assigned to|dri|due(?: date)?|deadline|eta|priority|type|category|ticket|tracking|issue|jira)\s*[:=]/i;

/** Markdown reduced to the words a reader sees, on one line. */
export function plainOf(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/\*\*|__|~~|(?<!\w)[*_]|[*_](?!\w)/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\(\s*[,;]?\s*\)|\[\s*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/[\s,;:–—-]+$/, '')
    .trim();
}

function field(parsed: ParsedMarkdown, found: FieldSpan, inherited?: boolean): ActionField {
  return {
    text: found.text,
    range: parsed.source.rangeOf(found.start, found.end),
    startOffset: found.start,
    endOffset: found.end,
    clauseStartOffset: found.clauseStart,
    clauseEndOffset: found.clauseEnd,
    ...(inherited ? { inherited } : {}),
  };
}

function dueField(parsed: ParsedMarkdown, found: FoundFields['due'], inherited?: boolean): ActionDue | undefined {
  return found && { ...field(parsed, found, inherited), relative: found.relative, ...(found.date ? { date: found.date } : {}) };
}

/** The group a heading or label opens, inheriting from the one it is nested in. */
function groupOf(context: Context, title: string, start: number, end: number, parent?: Group): Group {
  const fields = findFields(context.parsed.source.text, start, end, context.reference);
  return {
    title,
    done: (parent?.done ?? false) || DONE_TITLE.test(title),
    due: dueField(context.parsed, fields.due, true) ?? parent?.due,
    tracking: (fields.tracking && field(context.parsed, fields.tracking, true)) ?? parent?.tracking,
  };
}

/** The item's text with its fields' clauses taken out. */
function actionText(text: string, start: number, end: number, spans: Array<FieldSpan | undefined>): string {
  let slice = text.slice(start, end);
  for (const found of spans) {
    if (!found || found.clauseStart < start || found.clauseEnd > end) continue;
    slice = slice.slice(0, found.clauseStart - start) + ' '.repeat(found.clauseEnd - found.clauseStart) + slice.slice(found.clauseEnd - start);
  }
  // Fields that shared one parenthesis leave its separators behind: "(owner: @ana, due: 2024-07-01)" → "(, )".
  const leftovers = slice.replace(/[([][\s,;:|/–—-]*[)\]]/g, ' ').replace(/[\s,;:–—-]+(\.?)\s*$/, '$1');
  return plainOf(leftovers);
}

function itemOf(
  context: Context,
  group: Group | undefined,
  parts: { text: string; start: number; end: number; textStart: number; kind: ActionItem['kind']; checked?: boolean; appendOffset: number; fields: FoundFields; cells?: ActionItem['cells'] },
): ActionItem {
  const { parsed } = context;
  const { fields } = parts;
  const action = actionText(parsed.source.text, parts.textStart, parts.appendOffset, [fields.owner, fields.due, fields.tracking, fields.priority, fields.type]);
  const inferred = fields.type ? undefined : inferType(action);
  return {
    text: parts.text,
    action,
    kind: parts.kind,
    ...(parts.checked !== undefined ? { checked: parts.checked } : {}),
    done: parts.checked === true || (group?.done ?? false) || DONE_ITEM.test(parts.text),
    ...(group?.title ? { group: group.title } : {}),
    range: parsed.source.rangeOf(parts.start, parts.end),
    startOffset: parts.start,
    endOffset: parts.end,
    appendOffset: parts.appendOffset,
    ...(parts.cells ? { cells: parts.cells } : {}),
    ...(fields.owner ? { owner: field(parsed, fields.owner) } : {}),
    ...(fields.due ? { due: dueField(parsed, fields.due) } : group?.due ? { due: group.due } : {}),
    ...(fields.tracking ? { tracking: field(parsed, fields.tracking) } : group?.tracking ? { tracking: group.tracking } : {}),
    ...(fields.priority ? { priority: fields.priority.level, priorityField: field(parsed, fields.priority) } : {}),
    ...(fields.type ? { type: fields.type.type, typeSource: 'explicit' as const, typeField: field(parsed, fields.type) } : inferred ? { type: inferred, typeSource: 'inferred' as const } : {}),
    section: context.section,
  };
}

/** "**Tasks:**", "Improvements/Fixes:", "Short term" — a list item that only names the sub-list below it. */
function isLabel(item: ListItem): boolean {
  const nested = item.children.some((child) => child.type === 'list');
  if (!nested) return false;
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return true;
  const text = plainText(first).trim();
  return text.endsWith(':') || (first.children.length === 1 && first.children[0].type === 'strong') || text.split(/\s+/).length <= 3;
}

/** A paragraph that names the list below it: "**Tasks:**", "Tasks to Address the Issue:". */
function isLabelParagraph(paragraph: Paragraph): boolean {
  const text = plainText(paragraph).trim();
  if (!text || text.split(/\s+/).length > 12) return false;
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.every((line) => line.endsWith(':')) || (paragraph.children.length === 1 && (paragraph.children[0].type === 'strong' || paragraph.children[0].type === 'emphasis'));
}

function merge(into: FoundFields, from: FoundFields): FoundFields {
  return { owner: into.owner ?? from.owner, due: into.due ?? from.due, tracking: into.tracking ?? from.tracking, priority: into.priority ?? from.priority, type: into.type ?? from.type };
}

function listItem(context: Context, group: Group | undefined, item: ListItem): ActionItem[] {
  const { parsed } = context;
  const first = item.children[0];
  const text = first && first.type === 'paragraph' ? plainText(first).trim() : '';
  // "-" or "- [ ]" with nothing after it is a blank to fill in, not an item.
  if (!text || /^\[[ xX]?\]$/.test(text)) return [];
  const start = startOffset(parsed, item);
  const textStart = startOffset(parsed, first);
  const textEnd = endOffset(parsed, first);
  let fields = findFields(parsed.source.text, textStart, textEnd, context.reference);
  // Fields written as sub-items ("  - Owner: @ana") belong to the item.
  for (const child of item.children) {
    if (child.type !== 'list') continue;
    for (const sub of child.children) {
      const paragraph = sub.children[0];
      if (paragraph?.type !== 'paragraph' || !FIELD_SUB_ITEM.test(plainText(paragraph))) continue;
      fields = merge(fields, findFields(parsed.source.text, startOffset(parsed, paragraph), endOffset(parsed, paragraph), context.reference));
    }
  }
  return [itemOf(context, group, {
    text,
    start,
    end: endOffset(parsed, item),
    textStart,
    kind: typeof item.checked === 'boolean' ? 'task-item' : 'list-item',
    checked: item.checked ?? undefined,
    appendOffset: textEnd,
    fields,
  })];
}

function itemsOfList(context: Context, group: Group | undefined, list: List): ActionItem[] {
  return list.children.flatMap((item): ActionItem[] => {
    if (!isLabel(item)) return listItem(context, group, item);
    const first = item.children[0];
    const label = first?.type === 'paragraph' ? groupOf(context, plainText(first).trim().replace(/:$/, ''), startOffset(context.parsed, first), endOffset(context.parsed, first), group) : group;
    return item.children.flatMap((child) => (child.type === 'list' ? itemsOfList(context, label, child) : []));
  });
}

type Column = 'action' | 'owner' | 'due' | 'tracking' | 'priority' | 'type' | 'status';
const COLUMNS: Record<string, Column> = {
  action: 'action', 'action item': 'action', 'action items': 'action', item: 'action', task: 'action', tasks: 'action', description: 'action',
  what: 'action', todo: 'action', remediation: 'action', 'follow up': 'action', 'follow-up': 'action', title: 'action', summary: 'action',
  change: 'action', improvement: 'action', measure: 'action', fix: 'action', step: 'action', recommendation: 'action',
  owner: 'owner', owners: 'owner', assignee: 'owner', 'assigned to': 'owner', who: 'owner', dri: 'owner', responsible: 'owner', poc: 'owner', lead: 'owner', team: 'owner',
  due: 'due', 'due date': 'due', deadline: 'due', eta: 'due', date: 'due', 'target date': 'due', when: 'due', by: 'due', target: 'due',
  ticket: 'tracking', issue: 'tracking', tracking: 'tracking', link: 'tracking', jira: 'tracking', bug: 'tracking', pr: 'tracking', tracker: 'tracking', url: 'tracking',
  priority: 'priority', prio: 'priority', p: 'priority',
  type: 'type', category: 'type', kind: 'type',
  status: 'status', state: 'status', done: 'status',
};
const EMPTY_CELL = /^(?:[-–—?]*|n\/?a|none)$/i;
const DONE_STATUS = /\b(?:done|complete|completed|closed|fixed|resolved|shipped|yes)\b|✅|✔/i;

/** The cell's content offsets: inside its pipes, without the padding (an empty cell: all of its padding). */
function cellContent(parsed: ParsedMarkdown, cell: TableCell): { start: number; end: number } {
  const text = parsed.source.text;
  let start = startOffset(parsed, cell);
  let end = endOffset(parsed, cell);
  if (text[start] === '|') start++;
  if (end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--;
  const content = text.slice(start, end);
  const trimmedStart = start + (content.length - content.trimStart().length);
  const trimmedEnd = end - (content.length - content.trimEnd().length);
  // An empty cell is its padding, so a value written into it replaces the spaces between the pipes.
  return trimmedEnd > trimmedStart ? { start: trimmedStart, end: trimmedEnd } : { start, end };
}

function columnsOf(table: Table): Array<Column | undefined> {
  const header = table.children[0]?.children ?? [];
  const columns = header.map((cell) => COLUMNS[plainText(cell).trim().toLowerCase().replace(/[*_:]/g, '').replace(/\s+/g, ' ')]);
  if (!columns.includes('action')) {
    const free = columns.findIndex((column) => column === undefined);
    if (free >= 0) columns[free] = 'action';
  }
  return columns;
}

function itemsOfTable(context: Context, group: Group | undefined, table: Table): ActionItem[] {
  const { parsed } = context;
  const text = parsed.source.text;
  const columns = columnsOf(table);
  const actionColumn = columns.indexOf('action');
  return table.children.slice(1).flatMap((row): ActionItem[] => {
    const contents = row.children.map((cell) => cellContent(parsed, cell));
    const value = (column: Column) => {
      const at = columns.indexOf(column);
      const content = contents[at];
      return content && !EMPTY_CELL.test(text.slice(content.start, content.end).trim()) ? { ...content, text: text.slice(content.start, content.end) } : undefined;
    };
    const action = contents[actionColumn] ?? contents[0];
    if (!action) return [];
    const whole = (found: { start: number; end: number; text: string }): FieldSpan => ({ ...found, clauseStart: found.start, clauseEnd: found.end });
    const owner = value('owner');
    const due = value('due');
    const dueRead = due && readDue(plainOf(due.text), context.reference);
    const tracking = value('tracking');
    const priority = value('priority');
    const level = priority && priorityLevel(plainOf(priority.text));
    const type = value('type');
    const typeRead = type && explicitType(plainOf(type.text));
    const fromColumns: FoundFields = {
      owner: owner && whole(owner),
      due: due && dueRead ? { ...whole(due), ...dueRead } : undefined,
      tracking: tracking && whole(tracking),
      priority: priority && level ? { ...whole(priority), level } : undefined,
      type: type && typeRead ? { ...whole(type), type: typeRead } : undefined,
    };
    const task = /^\[([ xX])\]\s*/.exec(text.slice(action.start, action.end));
    const actionStart = action.start + (task?.[0].length ?? 0);
    const status = value('status');
    const cells: ActionItem['cells'] = {};
    if (columns.includes('owner') && contents[columns.indexOf('owner')]) cells.owner = { startOffset: contents[columns.indexOf('owner')].start, endOffset: contents[columns.indexOf('owner')].end };
    if (columns.includes('due') && contents[columns.indexOf('due')]) cells.due = { startOffset: contents[columns.indexOf('due')].start, endOffset: contents[columns.indexOf('due')].end };
    const item = itemOf(context, status && DONE_STATUS.test(status.text) ? { ...group, done: true } : group, {
      text: plainOf(text.slice(actionStart, action.end)),
      start: startOffset(parsed, row),
      end: endOffset(parsed, row),
      textStart: actionStart,
      kind: 'table-row',
      checked: task ? task[1] !== ' ' : undefined,
      appendOffset: action.end,
      fields: merge(fromColumns, findFields(text, actionStart, action.end, context.reference)),
      cells,
    });
    return [item];
  });
}

/** The items of lines meant as a list (see meantLines.ts); a label line among them opens a group. Returns the group open after them. */
function itemsOfLines(context: Context, outer: ActionSection, block: MisrenderedBlock, group: Group, base: Group): Group {
  const text = context.parsed.source.text;
  for (const line of block.lines) {
    if (line.role === 'label') group = groupOf(context, plainOf(text.slice(line.textStart, line.end)).replace(/:$/, ''), line.textStart, line.end, base);
    if (line.role !== 'item') continue;
    outer.items.push(itemOf(context, group, {
      text: plainOf(text.slice(line.textStart, line.end)),
      start: line.lineStart,
      end: line.end,
      textStart: line.textStart,
      kind: 'line',
      appendOffset: line.end,
      fields: findFields(text, line.textStart, line.end, context.reference),
    }));
  }
  return group;
}

function isHtmlItems(node: Nodes): boolean {
  return node.type === 'html' && /<(?:li|tr|p)\b/i.test(node.value);
}

/** An HTML list item, or a paragraph that opens with a bullet ("<p>&emsp;:small_orange_diamond:Add ...</p>"). */
const HTML_ITEM = /<li\b[^>]*>([^<]*(?:<(?!\/?(?:li|ol|ul)\b)[^<]*)*)|<p\b[^>]*>((?:\s|&[a-z]+;|&#\d+;)*(?::[a-z0-9_+-]+:|[●•▪◦‣⁃○■□◆◇►▶➢➤]|\p{Extended_Pictographic})[^<]*)/giu;
/** What a reader does not see of an item's text: entities and emoji shortcodes used as bullets. */
const HTML_BULLET = /^(?:\s|&[a-z]+;|&#\d+;|:[a-z0-9_+-]+:|[●•▪◦‣⁃○■□◆◇►▶➢➤]|\p{Extended_Pictographic}|\uFE0F)*/u;

/** The items of an HTML block between `from` and `to` (the part of the block that belongs to one section). */
function itemsOfHtml(context: Context, group: Group, from: number, to: number): ActionItem[] {
  const text = context.parsed.source.text;
  const items: ActionItem[] = [];
  for (const match of text.slice(from, to).matchAll(HTML_ITEM)) {
    const content = match[1] ?? match[2];
    const start = from + match.index;
    const bullet = HTML_BULLET.exec(content)?.[0].length ?? 0;
    const textStart = start + match[0].length - content.length + bullet;
    const end = textStart - bullet + content.trimEnd().length;
    const words = plainOf(text.slice(textStart, end));
    if (!words) continue;
    items.push(itemOf(context, group, { text: words, start, end, textStart, kind: 'list-item', appendOffset: end, fields: findFields(text, textStart, end, context.reference) }));
  }
  return items;
}

/** The items and prose of one action-items section and its sub-sections. */
function readSection(context: Context, outer: ActionSection, section: Section, parent: Group | undefined): void {
  const { parsed } = context;
  let group = groupOf(context, section.title, section.startOffset, section.headingEndOffset, parent);
  // The section's own title is not a group: items directly under "## Action Items" have none.
  if (section === context.section) delete group.title;
  const base = group;
  for (const node of section.nodes) {
    if (node.type === 'list') outer.items.push(...itemsOfList(context, group, node));
    else if (node.type === 'table') outer.items.push(...itemsOfTable(context, group, node));
    else if (isHtmlItems(node)) {
      outer.hasHtmlItems = true;
      // A block may hold several sections' titles: only the part under this section's own title is its.
      const own = section.children[0]?.startOffset ?? section.endOffset;
      outer.items.push(...itemsOfHtml(context, group, Math.max(startOffset(parsed, node), section.headingEndOffset), Math.min(endOffset(parsed, node), own)));
    }
    const block = misrenderedBlock(parsed, node);
    if (block) group = itemsOfLines(context, outer, block, group, base);
    if (node.type === 'paragraph') {
      const start = startOffset(parsed, node);
      const end = endOffset(parsed, node);
      // A paragraph cut at a title written as a plain line ("Corrective Measures") may carry no inline children.
      const text = node.children.length ? plainText(node).trim() : parsed.source.text.slice(start, end).trim();
      outer.paragraphs.push({ node, text, range: parsed.source.rangeOf(start, end), startOffset: start, endOffset: end });
      if (!block && isLabelParagraph(node)) group = groupOf(context, plainText(node).trim().replace(/:$/, ''), start, end, base);
    }
  }
  for (const child of section.children) readSection(context, outer, child, base);
}

function movedField<F extends ActionField>(found: F, by: Shift): F {
  return {
    ...found,
    range: shiftRange(found.range, by),
    startOffset: found.startOffset + by.offset,
    endOffset: found.endOffset + by.offset,
    clauseStartOffset: found.clauseStartOffset + by.offset,
    clauseEndOffset: found.clauseEndOffset + by.offset,
  };
}

function movedCells(cells: NonNullable<ActionItem['cells']>, by: Shift): NonNullable<ActionItem['cells']> {
  const moved: NonNullable<ActionItem['cells']> = {};
  for (const [column, cell] of Object.entries(cells) as Array<[keyof typeof cells, { startOffset: number; endOffset: number }]>) {
    moved[column] = { startOffset: cell.startOffset + by.offset, endOffset: cell.endOffset + by.offset };
  }
  return moved;
}

/** An item as stored for reuse: without its section, which belongs to the analysis that read it. */
type DetachedItem = Omit<ActionItem, 'section'>;

/** A section's reading as stored for reuse: without objects of the analysis that read it. */
interface DetachedReading {
  items: DetachedItem[];
  paragraphs: Array<Omit<ActionSection['paragraphs'][number], 'node'>>;
  hasHtmlItems: boolean;
}

function movedItem(item: DetachedItem, by: Shift, section: Section): ActionItem {
  // Fields are never modified once read: unmoved ones are shared.
  if (by.offset === 0 && by.line === 0) return { ...item, section };
  const moved: ActionItem = { ...item, range: shiftRange(item.range, by), startOffset: item.startOffset + by.offset, endOffset: item.endOffset + by.offset, appendOffset: item.appendOffset + by.offset, section };
  if (item.cells) moved.cells = movedCells(item.cells, by);
  if (item.owner) moved.owner = movedField(item.owner, by);
  if (item.due) moved.due = movedField(item.due, by);
  if (item.tracking) moved.tracking = movedField(item.tracking, by);
  if (item.priorityField) moved.priorityField = movedField(item.priorityField, by);
  if (item.typeField) moved.typeField = movedField(item.typeField, by);
  return moved;
}

/** The paragraphs of a section and its sub-sections in the order `readSection` meets them. */
function paragraphNodes(section: Section): Paragraph[] {
  return [...section.nodes.filter((node): node is Paragraph => node.type === 'paragraph'), ...section.children.flatMap(paragraphNodes)];
}

/** A section's reading placed where its nodes are now and attached to the current section and nodes. */
function placed(reading: DetachedReading, by: Shift, section: Section): ActionSection {
  // Paragraphs cut at a title are made anew by each analysis: take this analysis's.
  const nodes = paragraphNodes(section);
  return {
    section,
    items: reading.items.map((item) => movedItem(item, by, section)),
    paragraphs: reading.paragraphs.map((paragraph, index) => ({
      ...paragraph,
      node: nodes[index],
      range: shiftRange(paragraph.range, by),
      startOffset: paragraph.startOffset + by.offset,
      endOffset: paragraph.endOffset + by.offset,
    })),
    hasHtmlItems: reading.hasHtmlItems,
  };
}

function detached(read: ActionSection): DetachedReading {
  return {
    items: read.items.map(({ section: _section, ...item }) => item),
    paragraphs: read.paragraphs.map(({ node: _node, ...paragraph }) => paragraph),
    hasHtmlItems: read.hasHtmlItems,
  };
}

/**
 * Sections read at earlier versions of a document: a keystroke elsewhere leaves a section's nodes as they were,
 * and its items are moved instead of read again (see util/spanReuse.ts).
 */
const readBefore = new SpanReuse<DetachedReading>();

/** Every action-items section (the outermost ones), with its items and its prose, in document order. */
export function buildActionSections(parsed: ParsedMarkdown, sections: Section[], reference: DueReference): ActionSection[] {
  return sectionsOfKind(sections, 'action-items').map((section) => {
    const nodes = nodesBetween(parsed, section.startOffset, section.endOffset);
    const base = nodes.length ? startOffset(parsed, nodes[0]) : 0;
    // Only nodes a parse cache hands out again are looked up by key.
    const key = parsed.nodesRecur ? `${reference()?.toISOString() ?? ''}|${sectionShape(parsed, section, base)}` : '';
    const reading = readBefore.get(parsed, nodes, key, () => {
      const outer: ActionSection = { section, items: [], paragraphs: [], hasHtmlItems: false };
      readSection({ parsed, section, reference }, outer, section, undefined);
      return detached(outer);
    });
    return placed(reading.value, reading.moved, section);
  });
}

/** "Action point: ...", "**Action item:** ...", "[Action Item] ...", "Follow-up: ...": an item written where it came up. */
const INLINE_ACTION = /(?:^[ \t>]*|(?<=[.!?][ \t]+))(?:\*\*|__)?\[?[ \t]*(?:action[ \t]+(?:points?|items?)|follow[- ]?ups?)[ \t]*(?:\]|:)(?:\*\*|__)?[ \t]*:?[ \t]*(?=\S)/gim;
/** The words every marker holds: a paragraph without them is not searched with the pattern above, which tries every position. */
const INLINE_ACTION_WORD = /action|follow/i;
const INLINE_ACTION_WORDS = new RegExp(INLINE_ACTION_WORD.source, 'gi');

/**
 * Action items written inside other sections (a timeline entry's "Action point: ..."): each runs from its marker to the
 * next marker or the end of its paragraph.
 */
export function buildInlineActionItems(parsed: ParsedMarkdown, sections: Section[], reference: DueReference): ActionItem[] {
  const text = parsed.source.text;
  const items: ActionItem[] = [];
  const wordLines = linesWithMatch(parsed.source, INLINE_ACTION_WORDS);
  for (const section of sections) {
    if (section.kinds.includes('action-items') || hasActionAncestor(section)) continue;
    for (const node of nodesOnLines(section.nodes, wordLines)) {
      walk(node, (inner) => {
        if (inner.type !== 'paragraph') return;
        const start = startOffset(parsed, inner);
        const end = endOffset(parsed, inner);
        const source = text.slice(start, end);
        if (!INLINE_ACTION_WORD.test(source)) return false;
        const markers = [...source.matchAll(INLINE_ACTION)];
        markers.forEach((marker, index) => {
          const textStart = start + marker.index + marker[0].length;
          const itemEnd = start + (index + 1 < markers.length ? markers[index + 1].index : source.length);
          const appendOffset = textStart + text.slice(textStart, itemEnd).trimEnd().length;
          const context = { parsed, section, reference };
          items.push(itemOf(context, undefined, { text: plainOf(text.slice(textStart, appendOffset)), start: start + marker.index, end: appendOffset, textStart, kind: 'line', appendOffset, fields: findFields(text, textStart, appendOffset, reference) }));
        });
        return false;
      });
    }
  }
  return items;
}

function hasActionAncestor(section: Section): boolean {
  for (let parent = section.parent; parent; parent = parent.parent) if (parent.kinds.includes('action-items')) return true;
  return false;
}
