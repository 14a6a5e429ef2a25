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

/** What a diagnostic carries to find its finding again when the client asks for code actions. */
export interface DiagnosticData {
  version: number;
  index: number;
}

export function toDiagnostic(finding: Finding, data: DiagnosticData): Diagnostic {
  const docs = RULES_BY_ID.get(finding.ruleId)?.meta.docs;
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(docs ? { codeDescription: { href: docs } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
}

export function toDiagnostics(analysis: DocumentAnalysis): Diagnostic[] {
  return analysis.result.findings.map((finding, index) => toDiagnostic(finding, { version: analysis.version, index }));
}

function sameRange(a: Finding['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * The finding a diagnostic was made from: by index when it comes from this version, else by rule, range
 * and message (a client may send diagnostics of an older version); undefined when it no longer exists.
 */
export function findingOf(diagnostic: Diagnostic, analysis: DocumentAnalysis): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const { findings } = analysis.result;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (data?.version === analysis.version && typeof data.index === 'number') {
    const indexed = findings[data.index];
    if (indexed?.ruleId === diagnostic.code && indexed.message === diagnostic.message) return indexed;
  }
  return findings.find((finding) => finding.ruleId === diagnostic.code && finding.message === diagnostic.message && sameRange(finding.range, diagnostic.range));
}

/** A `.postmortemrc.json` that cannot be used, shown in the rc file itself. */
export function rcDiagnostic(error: RcError): Diagnostic {
  return { range: error.range, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: error.message };
}
