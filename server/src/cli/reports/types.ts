import type { AnalysisResult } from '../../analysis/analyze';

/** One postmortem found, analysed. */
export interface ReportInput {
  /** As the CLI names files: relative to the current folder, with `/`. */
  file: string;
  result: AnalysisResult;
}

/** What a report reads of the command line (`ReportOptions` of args.ts holds these and the checking options). */
export interface ReportFlags {
  format: string;
  /** Follow-ups: only items not done (`--open`), only overdue ones (`--overdue`), exit 1 when any is overdue. */
  open: boolean;
  overdue: boolean;
  failOnOverdue: boolean;
}

export interface CliReport {
  /** One sentence for `--help`. */
  description: string;
  /** The `--format` values it prints; the first is the default. */
  formats: readonly string[];
  run(inputs: readonly ReportInput[], options: ReportFlags): { output: string; exitCode: number };
}
