import { actionItemRules } from './actions';
import { structureRules } from './structure';
import { timelineRules } from './timeline';
import type { Rule } from './types';

export type { Rule, RuleMeta, RuleContext, Report } from './types';

/** Every rule, in the order their findings are listed for one line. */
export const RULES: readonly Rule[] = [...structureRules, ...timelineRules, ...actionItemRules];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
