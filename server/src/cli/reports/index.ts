/** `postmortem-lint --report NAME`: each report by name. A report reads the analysed postmortems and prints a table. */
import { followUpsReport } from './followUps';
import { metricsReport } from './metrics';
import type { CliReport } from './types';

export type { CliReport, ReportFlags, ReportInput } from './types';

export const REPORTS: ReadonlyMap<string, CliReport> = new Map([
  ['follow-ups', followUpsReport],
  ['metrics', metricsReport],
]);
