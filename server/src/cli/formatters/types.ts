import { fixForFixAll } from '../../analysis/fixes/fix';
import type { Finding } from '../../analysis/types';
import type { FileResult } from '../run';

export interface FormatContext {
  /** The folder paths are relative to. */
  cwd: string;
  color: boolean;
  /** `--fix-placeholders`: placeholder fixes count as fixable. */
  fixPlaceholders: boolean;
  /** `--quiet`: only errors were kept. */
  quiet: boolean;
  /** False when a file or config file could not be read or a rule crashed (exit code 2). */
  executionSuccessful: boolean;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

/** Whether `postmortem-lint --fix` (with the same flags) fixes this finding. */
export function isFixable(finding: Finding, fixPlaceholders: boolean): boolean {
  return fixForFixAll(finding, fixPlaceholders) !== undefined;
}
