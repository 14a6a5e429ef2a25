import { daysBetween, isOverdue } from '../../features/followUps';
import { docsUrl, type Rule } from '../types';
import { itemRange, openItems, quote } from './itemText';

export const actionItemOverdue: Rule = {
  meta: {
    id: 'action-item-overdue',
    description: 'An open action item whose due date has passed.',
    defaultSeverity: 'info',
    fixable: false,
    docs: docsUrl('action-item-overdue'),
  },
  check({ document, config, report }) {
    const today = config.today;
    if (!today) return;
    for (const item of openItems(document)) {
      const due = item.due?.date ?? null;
      if (!due || !isOverdue({ done: item.done, due }, today)) continue;
      const days = daysBetween(due, today);
      // A date the item inherits from its heading is shown on the item, where the reader looks for it.
      const range = item.due && !item.due.inherited ? item.due.range : itemRange(document, item);
      report({
        range,
        message: `"${quote(item.action || item.text)}" was due on ${due}, ${days} ${days === 1 ? 'day' : 'days'} ago, and is still open. Mark it done, or agree a new date with its owner.`,
      });
    }
  },
};
