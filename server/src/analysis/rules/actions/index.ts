import type { Rule } from '../types';
import { actionItemDue } from './actionItemDue';
import { actionItemOverdue } from './actionItemOverdue';
import { actionItemOwner } from './actionItemOwner';
import { actionItemsMissing } from './actionItemsMissing';
import { actionItemVague } from './actionItemVague';
import { actionPlanBalance } from './actionPlanBalance';

/** Rules on the action items. */
export const actionItemRules: Rule[] = [actionItemsMissing, actionItemOwner, actionItemDue, actionItemOverdue, actionItemVague, actionPlanBalance];
