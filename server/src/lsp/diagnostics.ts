import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { RcError } from '../analysis/config/files';
import { RULES_BY_ID } from '../analysis/rules';
import type { Finding, Severity } from '../analysis/types';
import type { DocumentAnalysis } from './analyses';
import { DIAGNOSTIC_SOURCE } from './protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What a diagnostic carries to find its finding again when the client asks for code actions: its index among the
 * findings, checked against the finding's rule, severity, message and range (a client may send diagnostics of an
 * older version).
 */
export interface DiagnosticData {
  index: number;
}

/** A diagnostic is frozen: the same finding at the same index gives the same one again (see `toDiagnostics`). */
export function toDiagnostic(finding: Finding, data: DiagnosticData): Diagnostic {
  const docs = RULES_BY_ID.get(finding.ruleId)?.meta.docs;
  return Object.freeze({
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(docs ? { codeDescription: { href: docs } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  });
}

/**
 * The analysis's findings as diagnostics; where `previous` (the document's diagnostics published last) holds the
 * same finding at the same index, that very diagnostic. A keystroke changes a few of a long report's findings: the
 * others are not made again, and the connection writes the JSON it wrote for them before (lsp/asciiJson.ts keeps the
 * JSON of frozen objects).
 */
export function toDiagnostics(analysis: DocumentAnalysis, previous: readonly Diagnostic[] = []): Diagnostic[] {
  return analysis.result.findings.map((finding, index) => {
    const before = previous[index];
    return before && describes(before, finding) ? before : toDiagnostic(finding, { index });
  });
}

function describes(diagnostic: Diagnostic, finding: Finding): boolean {
  return diagnostic.code === finding.ruleId && diagnostic.severity === SEVERITY[finding.severity] && diagnostic.message === finding.message && sameRange(finding.range, diagnostic.range);
}

function sameRange(a: Finding['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * The finding a diagnostic was made from: by index when the finding there has its rule, severity, message and range,
 * else the first that has its rule, message and range (a client may send diagnostics of an older version); undefined
 * when it no longer exists.
 */
export function findingOf(diagnostic: Diagnostic, analysis: DocumentAnalysis): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const { findings } = analysis.result;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (typeof data?.index === 'number') {
    const indexed = findings[data.index];
    if (indexed && describes(diagnostic, indexed)) return indexed;
  }
  return findings.find((finding) => finding.ruleId === diagnostic.code && finding.message === diagnostic.message && sameRange(finding.range, diagnostic.range));
}

/** A `.postmortemrc.json` that cannot be used, shown in the rc file itself. */
export function rcDiagnostic(error: RcError): Diagnostic {
  return { range: error.range, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: error.message };
}
