import { RULES } from '../analysis/rules';
import type { RuleInfo } from './protocol';

/** `postmortem/rules`: every rule's metadata, for "Show Rule Documentation" and other clients' pickers. */
export function ruleList(): RuleInfo[] {
  return RULES.map(({ meta: { id, description, defaultSeverity, fixable, docs } }) => ({ id, description, defaultSeverity, fixable, docs }));
}
