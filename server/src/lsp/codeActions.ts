import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../analysis/types';
import type { DocumentAnalysis } from './analyses';
import { findingOf } from './diagnostics';
import { canDisableForFile, disableFileEdit, disableLineEdit } from './disableComments';
import { documentEdit, fixAllEdit, isFixable, type FixAllChoice } from './fixAll';
import { FIX_ALL_KIND } from './protocol';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.Source];

/** What the client can do with code actions. */
export interface CodeActionSupport {
  /** The client asks `codeAction/resolve` for a missing `edit`: fix-all edits are computed only when chosen. */
  resolveEdit: boolean;
  /** The client accepts versioned `documentChanges`. */
  versionedEdits: boolean;
}

/** `data` of a fix-all action whose edit is computed on `codeAction/resolve`. */
export interface FixAllActionData extends FixAllChoice {
  uri: string;
}

export function isFixAllActionData(data: unknown): data is FixAllActionData {
  const value = data as Partial<FixAllActionData> | undefined;
  return typeof value?.uri === 'string' && typeof value.allowPlaceholders === 'boolean' && (value.ruleId === undefined || typeof value.ruleId === 'string');
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

function fixAllAction(analysis: DocumentAnalysis, title: string, kind: string, choice: FixAllChoice, support: CodeActionSupport): CodeAction | undefined {
  if (support.resolveEdit) return { title, kind, data: { uri: analysis.uri, ...choice } satisfies FixAllActionData };
  const edit = fixAllEdit(analysis, choice);
  return edit && { title, kind, edit: documentEdit(analysis, [edit], support.versionedEdits) };
}

/** `codeAction/resolve`: the fix-all edit of the document's current analysis. */
export function resolveFixAll(action: CodeAction, data: FixAllActionData, analysis: DocumentAnalysis, support: CodeActionSupport): CodeAction {
  const edit = fixAllEdit(analysis, data);
  return edit ? { ...action, edit: documentEdit(analysis, [edit], support.versionedEdits) } : action;
}

/** The quick fixes of each diagnostic, then "fix all of this rule", then the two ways to switch the rule off. */
function quickFixes(analysis: DocumentAnalysis, diagnostics: Diagnostic[], support: CodeActionSupport): CodeAction[] {
  const document = analysis.result.document;
  if (!document) return [];
  const fixes: CodeAction[] = [];
  const ruleFixAlls = new Map<string, CodeAction | undefined>();
  const lineDisables = new Map<string, CodeAction>();
  const fileDisables = new Map<string, CodeAction>();
  const edit = (edits: Finding['fixes'][number]['edits']) => documentEdit(analysis, edits, support.versionedEdits);

  for (const diagnostic of diagnostics) {
    const finding = findingOf(diagnostic, analysis);
    if (!finding) continue;
    const { ruleId } = finding;
    for (const fix of finding.fixes) {
      fixes.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], ...(fix.isPreferred ? { isPreferred: true } : {}), edit: edit(fix.edits) });
    }
    if (!ruleFixAlls.has(ruleId)) {
      const fixable = analysis.result.findings.filter((other) => other.ruleId === ruleId && isFixable(other, true)).length;
      ruleFixAlls.set(ruleId, fixable >= 2 ? fixAllAction(analysis, `Fix all ${ruleId} problems in this file`, CodeActionKind.QuickFix, { ruleId, allowPlaceholders: true }, support) : undefined);
    }
    const line = finding.range.start.line;
    const lineEdit = disableLineEdit(document, ruleId, line);
    if (lineEdit && !lineDisables.has(`${ruleId}:${line}`)) {
      lineDisables.set(`${ruleId}:${line}`, { title: `Disable ${ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([lineEdit]) });
    }
    if (canDisableForFile(document, line) && !fileDisables.has(ruleId)) {
      fileDisables.set(ruleId, { title: `Disable ${ruleId} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([disableFileEdit(document, ruleId)]) });
    }
  }
  const ruleActions = [...ruleFixAlls.values()].filter((action): action is CodeAction => action !== undefined);
  // Line disables before file disables, as ESLint lists them.
  return [...fixes, ...ruleActions, ...lineDisables.values(), ...fileDisables.values()];
}

/** `textDocument/codeAction` for one analysed document version. */
export function codeActions(analysis: DocumentAnalysis, params: CodeActionParams, support: CodeActionSupport): CodeAction[] {
  const { result } = analysis;
  if (!result.isPostmortem) return [];
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) actions.push(...quickFixes(analysis, params.context.diagnostics ?? [], support));
  if (wants(only, FIX_ALL_KIND) && result.findings.some((finding) => isFixable(finding, true))) {
    const action = fixAllAction(analysis, 'Fix all postmortem problems', FIX_ALL_KIND, { allowPlaceholders: true }, support);
    if (action) actions.push(action);
  }
  return actions;
}
