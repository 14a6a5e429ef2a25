import type { Rule } from '../types';

/** Rules on the action items. */
export const actionItemRules: Rule[] = [];
