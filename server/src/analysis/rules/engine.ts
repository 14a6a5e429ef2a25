import type { ResolvedConfig } from '../config/config';
import type { InlineDirective, PostmortemDocument } from '../model';
import type { Finding } from '../types';
import type { Rule } from './types';

function appliesTo(directive: InlineDirective, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}

/** Whether inline comments switch the rule off on a line. */
export function isDisabledByComment(directives: InlineDirective[], ruleId: string, line: number): boolean {
  let disabled = false;
  for (const directive of directives) {
    if (!appliesTo(directive, ruleId)) continue;
    if (directive.kind === 'disable-next-line' && directive.line + 1 === line) return true;
    if (directive.kind === 'disable-line' && directive.line === line) return true;
    if (directive.line > line) continue;
    if (directive.kind === 'disable') disabled = true;
    if (directive.kind === 'enable') disabled = false;
  }
  return disabled;
}

export interface RuleFailure {
  ruleId: string;
  error: string;
}

/** Runs every enabled rule over the model; a rule that throws is reported, never fatal. */
export function runRules(rules: readonly Rule[], document: PostmortemDocument, config: ResolvedConfig): { findings: Finding[]; failures: RuleFailure[] } {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  for (const rule of rules) {
    const setting = config.rules.get(rule.meta.id);
    const level = setting?.level ?? rule.meta.defaultSeverity;
    if (level === 'off') continue;
    try {
      rule.check({
        document,
        config,
        options: setting?.options ?? {},
        report: ({ range, message, fixes }) => {
          if (isDisabledByComment(document.directives, rule.meta.id, range.start.line)) return;
          findings.push({ ruleId: rule.meta.id, severity: level, message, range, fixes: fixes ?? [] });
        },
      });
    } catch (error) {
      failures.push({ ruleId: rule.meta.id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { findings, failures };
}
