/**
 * Action items out of the postmortem and into where work is tracked: a Markdown table, CSV, JSON, or one
 * issue body per item. Open and done items alike; each carries what the report says about it.
 */
import type { ActionItem, PostmortemDocument } from '../model';
import { cell, tableText } from './actionItemsTable';

export const EXPORT_FORMATS = ['markdown', 'csv', 'json', 'issues'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Where the postmortem lives (a URI or path), for the link back from each issue. */
  source?: string;
}

export interface ExportedItem {
  action: string;
  type?: string;
  typeSource?: 'explicit' | 'inferred';
  owner?: string;
  priority?: string;
  due?: string;
  dueDate?: string;
  dueRelative?: boolean;
  tracking?: string;
  done: boolean;
  group?: string;
  section: string;
  /** 1-based, as editors show it. */
  line: number;
}

export function exportedItem(item: ActionItem): ExportedItem {
  return {
    action: item.action || item.text,
    ...(item.type ? { type: item.type, typeSource: item.typeSource } : {}),
    ...(item.owner ? { owner: item.owner.text } : {}),
    ...(item.priority ? { priority: item.priority } : {}),
    ...(item.due ? { due: item.due.text, ...(item.due.date ? { dueDate: item.due.date } : {}), dueRelative: item.due.relative } : {}),
    ...(item.tracking ? { tracking: item.tracking.text } : {}),
    done: item.done,
    ...(item.group ? { group: item.group } : {}),
    section: item.section.title,
    line: item.range.start.line + 1,
  };
}

/** RFC 4180: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | boolean | number | null | undefined): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CSV_COLUMNS: Array<keyof ExportedItem> = ['action', 'type', 'typeSource', 'owner', 'priority', 'due', 'dueDate', 'dueRelative', 'tracking', 'done', 'group', 'section', 'line'];

function issueTitle(action: string): string {
  const firstSentence = action.split(/(?<=[.!?])\s+/)[0].replace(/[.!?]$/, '');
  return firstSentence.length > 80 ? `${firstSentence.slice(0, 79).trimEnd()}…` : firstSentence;
}

/** One item as the body of an issue in a tracker, with a link back to the report. */
export function issueBody(item: ExportedItem, incident: string, options: ExportOptions): string {
  const where = options.source ? `[${incident}](${options.source}), line ${item.line}` : `${incident}, line ${item.line}`;
  const facts = [
    `- **Postmortem:** ${where}`,
    `- **Section:** ${item.group ? `${item.section} › ${item.group}` : item.section}`,
    `- **Owner:** ${item.owner ?? 'not named yet'}`,
    `- **Due:** ${item.due ? `${item.due}${item.dueDate && item.dueDate !== item.due ? ` (${item.dueDate})` : ''}` : 'no date yet'}`,
    ...(item.priority ? [`- **Priority:** ${item.priority}`] : []),
    ...(item.type ? [`- **Type:** ${item.type}${item.typeSource === 'inferred' ? ' (read from the wording)' : ''}`] : []),
    ...(item.tracking ? [`- **Tracking:** ${item.tracking}`] : []),
    ...(item.done ? ['- **Status:** done'] : []),
  ];
  return [`## ${issueTitle(item.action)}`, '', item.action, '', ...facts].join('\n');
}

/** The document's action items in `format`. */
export function exportActionItems(document: PostmortemDocument, format: ExportFormat, options: ExportOptions = {}): string {
  const items = document.actionItems.map(exportedItem);
  const incident = document.title?.text ?? 'Postmortem';
  switch (format) {
    case 'markdown':
      return `${tableText(items.map((item) => [
        `${item.done ? '[x] ' : ''}${cell(item.action)}`,
        cell(item.type ?? ''),
        cell(item.owner ?? ''),
        cell(item.priority ?? ''),
        cell(item.due ?? ''),
        cell(item.tracking ?? ''),
      ]), '\n')}\n`;
    case 'csv':
      return `${[CSV_COLUMNS.join(','), ...items.map((item) => CSV_COLUMNS.map((column) => csvField(item[column])).join(','))].join('\r\n')}\r\n`;
    case 'json':
      return `${JSON.stringify({ incident, ...(options.source ? { source: options.source } : {}), items }, null, 2)}\n`;
    case 'issues':
      return `${items.map((item) => issueBody(item, incident, options)).join('\n\n---\n\n')}\n`;
  }
}

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}
