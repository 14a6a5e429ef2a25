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
  /**
   * The fix writes this field into an action item ("(owner: @TBD)"). Fix-all writes the fields of several findings
   * that append at the same place in one pass, as the later fixes would write them on the text after the first.
   */
  appendsField?: ItemField;
}

/** A field of an action item as a fix writes it: `owner: @TBD`. */
export interface ItemField {
  key: string;
  value: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}
