import type { WorkspaceEdit } from 'vscode-languageserver';
import { fixForFixAll } from '../analysis/fixes/fix';
import { fixAll, minimalEdit } from '../analysis/fixes/fixAll';
import type { Finding, TextEdit } from '../analysis/types';
import type { DocumentAnalysis } from './analyses';

export interface FixAllChoice {
  /** Only this rule's fixes. */
  ruleId?: string;
  allowPlaceholders: boolean;
}

/** Whether fix-all would change something for this finding. */
export function isFixable(finding: Finding, allowPlaceholders: boolean): boolean {
  return fixForFixAll(finding, allowPlaceholders) !== undefined;
}

/**
 * Fix-all of one document version as one minimal edit (fix passes until the text settles, see `fixAll()`),
 * computed once per version and choice: editors ask for code actions on every cursor move.
 */
export function fixAllEdit(analysis: DocumentAnalysis, choice: FixAllChoice): TextEdit | undefined {
  const key = `${choice.ruleId ?? '*'}\u0000${choice.allowPlaceholders}`;
  if (!analysis.fixAllEdits.has(key)) {
    const after = fixAll(analysis.input, { allowPlaceholders: choice.allowPlaceholders, ruleId: choice.ruleId }, analysis.result.findings, analysis.parseCache).text;
    analysis.fixAllEdits.set(key, minimalEdit(analysis.input.text, after));
  }
  return analysis.fixAllEdits.get(key);
}

/**
 * Edits to one document as a workspace edit. With versioned `documentChanges` the editor refuses the
 * edit if the document changed since this analysis instead of applying it at shifted positions.
 */
export function documentEdit(analysis: Pick<DocumentAnalysis, 'uri' | 'version'>, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  if (!versioned) return { changes: { [analysis.uri]: edits } };
  return { documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits }] };
}
