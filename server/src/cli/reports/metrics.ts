/** `--report metrics`: one row per report with its key moments and times to detect, acknowledge, mitigate and resolve. */
import type { KeyMoment, KeyMomentName } from '../../analysis/model';
import { formatDuration, toIsoUtc } from '../../analysis/time/instants';
import type { ReportDefinition, ReportFile } from './index';
import type { Column } from './tables';

export interface MetricsRow {
  [key: string]: string | number | null;
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

const MINUTE_KEYS = ['minutesToDetect', 'minutesToAcknowledge', 'minutesToMitigate', 'minutesToResolve'] as const;

/** ISO 8601 in UTC; null when the report does not say, or says the time but never the day. */
function instant(moment: KeyMoment | undefined): string | null {
  return moment?.dated ? toIsoUtc(moment.instant) : null;
}

export function metricsRow({ file, document }: ReportFile): MetricsRow {
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

export function median(values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const duration = (value: unknown) => (typeof value === 'number' ? formatDuration(value * 60_000) : '—');

const COLUMNS: Column[] = [
  { key: 'file', title: 'File' },
  { key: 'title', title: 'Title' },
  { key: 'started', title: 'Started (UTC)' },
  { key: 'detected', title: 'Detected (UTC)' },
  { key: 'acknowledged', title: 'Acknowledged (UTC)' },
  { key: 'mitigated', title: 'Mitigated (UTC)' },
  { key: 'resolved', title: 'Resolved (UTC)' },
  { key: 'minutesToDetect', title: 'TTD', markdown: duration },
  { key: 'minutesToAcknowledge', title: 'TTA', markdown: duration },
  { key: 'minutesToMitigate', title: 'TTM', markdown: duration },
  { key: 'minutesToResolve', title: 'TTR', markdown: duration },
];

export const metrics: ReportDefinition<MetricsRow> = {
  description: 'Key moments and times to detect, acknowledge, mitigate and resolve, one row per report.',
  columns: COLUMNS,
  rows: (file) => [metricsRow(file)],
  footer: (rows) => ({
    file: '**Median**',
    ...Object.fromEntries(
      MINUTE_KEYS.map((key) => {
        const value = median(rows.flatMap((row) => (row[key] === null ? [] : [row[key]])));
        return [key, value === undefined ? '—' : `**${duration(value)}**`];
      }),
    ),
  }),
};
