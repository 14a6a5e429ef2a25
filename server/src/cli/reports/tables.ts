/** The tables reports print: CSV (RFC 4180, as the action-item export writes it) and Markdown, with a header row. */
import { cell, tableText } from '../../analysis/features/actionItemsTable';
import { csvField } from '../../analysis/features/exportActionItems';

export type TableValue = string | number | boolean | null;

export function csvTable(header: readonly string[], rows: readonly TableValue[][]): string {
  return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Null shows as an empty cell, true and false as "yes" and nothing. */
export function markdownTable(header: readonly string[], rows: readonly TableValue[][]): string {
  const text = (value: TableValue) => (value === null || value === false ? '' : value === true ? 'yes' : cell(String(value)));
  return `${tableText(rows.map((row) => row.map(text)), '\n', header)}\n`;
}
