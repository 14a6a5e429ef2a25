/** Tables for `--report`: the same columns and rows as CSV (RFC 4180) or as a Markdown table. */

export type Cell = string | number | null;

export interface Column {
  /** The row's field: the CSV header and JSON key. */
  key: string;
  /** The Markdown header. */
  title: string;
  /** How a Markdown cell shows the value (default: as written, `—` for null). */
  markdown?: (value: Cell) => string;
}

function csvCell(value: Cell): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header of the column keys, then one line per row; null is an empty cell. */
export function csvTable<Row extends Record<string, Cell>>(columns: readonly Column[], rows: readonly Row[]): string {
  const lines = [columns.map((column) => csvCell(column.key)), ...rows.map((row) => columns.map((column) => csvCell(row[column.key])))];
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}

function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A GitHub-flavoured Markdown table; `footer` is a last row already formatted (totals, medians). */
export function markdownTable<Row extends Record<string, Cell>>(columns: readonly Column[], rows: readonly Row[], footer?: Record<string, string>): string {
  const show = (column: Column, value: Cell) => (column.markdown ? column.markdown(value) : value === null ? '—' : String(value));
  const line = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |\n`;
  return [
    line(columns.map((column) => column.title)),
    line(columns.map(() => '---')),
    ...rows.map((row) => line(columns.map((column) => show(column, row[column.key])))),
    ...(footer ? [line(columns.map((column) => footer[column.key] ?? ''))] : []),
  ].join('');
}
