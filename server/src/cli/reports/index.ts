/** `postmortem-lint --report NAME`: each report by name. A report reads the analysed postmortems and prints a table. */
import type { AnalysisResult } from '../../analysis/analyze';
import type { ReportOptions } from '../args';
import { followUpsReport } from './followUps';

/** One postmortem found, analysed. */
export interface ReportInput {
  /** As the CLI names files: relative to the current folder, with `/`. */
  file: string;
  result: AnalysisResult;
}

export interface CliReport {
  /** One sentence for `--help`. */
  description: string;
  /** The `--format` values it prints; the first is the default. */
  formats: readonly string[];
  run(inputs: readonly ReportInput[], options: ReportOptions): { output: string; exitCode: number };
}

export const REPORTS: ReadonlyMap<string, CliReport> = new Map([['follow-ups', followUpsReport]]);
