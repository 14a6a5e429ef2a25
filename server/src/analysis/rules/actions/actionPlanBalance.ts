import type { ActionType } from '../../model';
import { docsUrl, type Rule } from '../types';
import { numberOption, openItems } from './itemText';

/** What a plan of only one kind of item leaves out, in the reviewer's words. */
const MISSING: Record<ActionType, string> = {
  process: 'none prevents a recurrence or detects one sooner',
  detect: 'none prevents a recurrence: the next incident will be found sooner, not avoided',
  prevent: 'none detects a recurrence sooner or limits its impact',
  repair: 'none prevents a recurrence or detects one sooner',
  mitigate: 'none prevents a recurrence or detects one sooner',
};
const ADD: Record<ActionType, string> = {
  process: 'Add an alert when pool usage > 80% for 5 min',
  detect: 'Add a load test at 2× peak traffic that blocks the release',
  prevent: 'Add an alert when pool usage > 80% for 5 min',
  repair: 'Add a load test at 2× peak traffic that blocks the release',
  mitigate: 'Add a load test at 2× peak traffic that blocks the release',
};

export const actionPlanBalance: Rule = {
  meta: {
    id: 'action-plan-balance',
    description: 'Every action item is of the same type, or every one has the same priority.',
    defaultSeverity: 'info',
    fixable: false,
    docs: docsUrl('action-plan-balance'),
    optionsSchema: { type: 'object', properties: { minItems: { type: 'number', minimum: 1, description: 'Fewest open items before the balance is judged (default 3).' } }, additionalProperties: false },
  },
  check({ document, options, report }) {
    const minItems = numberOption(options, 'minItems', 3);
    const items = openItems(document);
    const anchor = document.actionSections[0]?.section.headingRange;
    if (!anchor || items.length < minItems) return;
    const types = new Set(items.map((item) => item.type));
    const [type] = types;
    if (types.size === 1 && type) {
      const explicit = items.every((item) => item.typeSource === 'explicit');
      report({
        range: anchor,
        message: `All ${items.length} action items are "${type}" items${explicit ? '' : ' (read from their wording)'}: ${MISSING[type]}. Add at least one that does, e.g. "${ADD[type]}".`,
      });
    }
    const priorities = new Set(items.map((item) => item.priority));
    const [priority] = priorities;
    if (priorities.size === 1 && priority) {
      report({
        range: anchor,
        message: `All ${items.length} action items are ${priority}: when everything has the same priority, nothing comes first. Rank them (P0 to P3) so the team knows what to do first.`,
      });
    }
  },
};
