/** `--report metrics`: one row per report with its key moments and times to detect, acknowledge, mitigate and resolve. */
import type { KeyMoment, KeyMomentName, PostmortemDocument } from '../../analysis/model';
import { formatDuration, toIsoUtc } from '../../analysis/time/instants';
import { csvTable, markdownTable } from './tables';
import type { CliReport } from './types';

/** A row of the JSON output, in this key order: instants as ISO 8601 UTC, durations in minutes. */
export interface MetricsRow {
  file: string;
  title: string | null;
  started: string | null;
  detected: string | null;
  acknowledged: string | null;
  mitigated: string | null;
  resolved: string | null;
  minutesToDetect: number | null;
  minutesToAcknowledge: number | null;
  minutesToMitigate: number | null;
  minutesToResolve: number | null;
}

const COLUMNS = [
  'file', 'title', 'started', 'detected', 'acknowledged', 'mitigated', 'resolved',
  'minutesToDetect', 'minutesToAcknowledge', 'minutesToMitigate', 'minutesToResolve',
] as const satisfies ReadonlyArray<keyof MetricsRow>;
const MARKDOWN_HEADER = ['File', 'Title', 'Started (UTC)', 'Detected (UTC)', 'Acknowledged (UTC)', 'Mitigated (UTC)', 'Resolved (UTC)', 'TTD', 'TTA', 'TTM', 'TTR'];
const MINUTE_COLUMNS = ['minutesToDetect', 'minutesToAcknowledge', 'minutesToMitigate', 'minutesToResolve'] as const;

/** ISO 8601 in UTC; null when the report does not say, or says the time but never the day. */
function instant(moment: KeyMoment | undefined): string | null {
  return moment?.dated ? toIsoUtc(moment.instant) : null;
}

function metricsRow(file: string, document: PostmortemDocument): MetricsRow {
  const { moments, durations } = document.keyMoments;
  const at = (name: KeyMomentName) => instant(moments[name]);
  return {
    file,
    title: document.title?.text ?? null,
    started: at('started'),
    detected: at('detected'),
    acknowledged: at('acknowledged'),
    mitigated: at('mitigated'),
    resolved: at('resolved'),
    minutesToDetect: durations.toDetect ?? null,
    minutesToAcknowledge: durations.toAcknowledge ?? null,
    minutesToMitigate: durations.toMitigate ?? null,
    minutesToResolve: durations.toResolve ?? null,
  };
}

function median(values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A Markdown cell: a duration as `1h 5m`, anything the report does not say as a dash. */
function shown(column: (typeof COLUMNS)[number], value: string | number | null): string {
  if (value === null) return '—';
  return (MINUTE_COLUMNS as readonly string[]).includes(column) ? formatDuration(Number(value) * 60_000) : String(value);
}

/** The Markdown table's last row: the median of each duration over the reports that give it. */
function mediansRow(rows: readonly MetricsRow[]): string[] {
  return COLUMNS.map((column) => {
    if (column === 'file') return '**Median**';
    if (!(MINUTE_COLUMNS as readonly string[]).includes(column)) return '';
    const value = median(rows.flatMap((row) => (row[column] === null ? [] : [row[column] as number])));
    return value === undefined ? '—' : `**${formatDuration(value * 60_000)}**`;
  });
}

export const metricsReport: CliReport = {
  description: 'Key moments and times to detect, acknowledge, mitigate and resolve, one row per report.',
  formats: ['markdown', 'json', 'csv'],
  run(inputs, options) {
    const rows = inputs.flatMap(({ file, result }) => (result.document ? [metricsRow(file, result.document)] : []));
    switch (options.format) {
      case 'json':
        return { output: `${JSON.stringify(rows, null, 2)}\n`, exitCode: 0 };
      case 'csv':
        return { output: csvTable(COLUMNS, rows.map((row) => COLUMNS.map((column) => row[column]))), exitCode: 0 };
      default:
        return {
          output: markdownTable(MARKDOWN_HEADER, [...rows.map((row) => COLUMNS.map((column) => shown(column, row[column]))), mediansRow(rows)]),
          exitCode: 0,
        };
    }
  },
};
