import type { Formatter } from './types';
import { isFixable } from './types';

/**
 * The JSON contract: one entry per checked file, `{ file, diagnostics: [{ rule, severity, message, range, fixable }] }`,
 * with 0-based LSP positions. Built field by field so nothing else leaks into the output.
 */
export const json: Formatter = (results, context) => {
  const entries = results.map((result) => ({
    file: result.file,
    diagnostics: result.findings.map((finding) => ({
      rule: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      range: {
        start: { line: finding.range.start.line, character: finding.range.start.character },
        end: { line: finding.range.end.line, character: finding.range.end.character },
      },
      fixable: isFixable(finding, context.fixPlaceholders),
    })),
  }));
  return `${JSON.stringify(entries, null, 2)}\n`;
};
