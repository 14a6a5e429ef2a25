/** `textDocument/inlayHint`: the time since the incident started after each timeline time (`postmortem.inlayHints.elapsed`). */
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import { elapsedHints } from '../analysis/features/timelineLenses';
import type { DocumentAnalysis } from './analyses';

function inside(range: Range, line: number): boolean {
  return line >= range.start.line && line <= range.end.line;
}

export function inlayHints(analysis: DocumentAnalysis, range: Range): InlayHint[] {
  const { document, isPostmortem } = analysis.result;
  if (!document || !isPostmortem || analysis.settings.inlayHints?.elapsed === false) return [];
  return elapsedHints(document)
    .filter((hint) => inside(range, hint.position.line))
    .map((hint) => ({ position: hint.position, label: hint.label, tooltip: hint.tooltip, kind: InlayHintKind.Parameter, paddingLeft: true }));
}
