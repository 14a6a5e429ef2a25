/**
 * `postmortem-lint --report NAME`: reports over many postmortems (one module each), printed as JSON, CSV or a
 * Markdown table. A report turns each analysed file into rows; the tables are shared.
 */
import type { PostmortemDocument } from '../../analysis/model';
import { metrics } from './metrics';
import { csvTable, markdownTable, type Cell, type Column } from './tables';

export const REPORT_FORMATS = ['markdown', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One analysed postmortem, as a report receives it. */
export interface ReportFile {
  /** As the JSON output names it: relative to the current folder, with `/`. */
  file: string;
  document: PostmortemDocument;
}

export interface ReportDefinition<Row extends Record<string, Cell>> {
  description: string;
  columns: Column[];
  rows(file: ReportFile): Row[];
  /** A last row of the Markdown table, formatted (medians, totals). */
  footer?(rows: Row[]): Record<string, string>;
}

export const REPORTS: Record<string, ReportDefinition<Record<string, Cell>>> = { metrics };

/** The report over the files, in a format: JSON is the array of rows. */
export function renderReport(name: string, format: ReportFormat, files: readonly ReportFile[]): string {
  const report = REPORTS[name];
  const rows = files.flatMap((file) => report.rows(file));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  if (format === 'csv') return csvTable(report.columns, rows);
  return markdownTable(report.columns, rows, report.footer?.(rows));
}
