import type { ResolvedConfig } from '../config/config';
import type { PostmortemDocument } from '../model';
import type { Fix, Range, Severity } from '../types';

export const DOCS_BASE = 'https://github.com/postmortem-writer/postmortem-writer/blob/main/docs/rules/';

export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  /** The rule's documentation page. */
  docs: string;
  /** JSON Schema of the rule's options object, for completion and validation in `.postmortemrc.json` and settings. */
  optionsSchema?: Record<string, unknown>;
}

export interface Report {
  range: Range;
  message: string;
  fixes?: Fix[];
}

export interface RuleContext {
  document: PostmortemDocument;
  config: ResolvedConfig;
  /** The rule's options from settings, rc file or front matter. */
  options: Record<string, unknown>;
  report(report: Report): void;
}

/** One rule: its metadata beside its check, as in ESLint's `meta` + `create`. */
export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
