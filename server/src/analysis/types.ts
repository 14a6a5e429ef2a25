/**
 * Shared shapes of the analysis core. Positions follow LSP: 0-based lines, UTF-16 code units,
 * so the server passes them through unchanged and the CLI prints them as they are.
 */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix writes invented content (e.g. `@TBD`): `postmortem-lint --fix` skips it unless `--fix-placeholders`. */
  placeholder?: boolean;
  /** Only preferred fixes are applied by fix-all when a finding offers several. */
  isPreferred?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}
