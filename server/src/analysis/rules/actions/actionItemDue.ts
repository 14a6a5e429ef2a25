import { incidentDate } from '../../model/incidentDate';
import { docsUrl, type Rule } from '../types';
import { appendFieldFix, itemRange, numberOption, openItems, quote } from './itemText';

const DAY_MS = 24 * 60 * 60 * 1000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export const actionItemDue: Rule = {
  meta: {
    id: 'action-item-due',
    description: 'An open action item has neither a due date nor a tracking link.',
    defaultSeverity: 'info',
    fixable: true,
    docs: docsUrl('action-item-due'),
    optionsSchema: { type: 'object', properties: { days: { type: 'number', minimum: 0, description: 'Days after the incident for the due date the quick fix writes (default 14).' } }, additionalProperties: false },
  },
  check({ document, config, options, report }) {
    const days = numberOption(options, 'days', 14);
    // The model read the same day unless a configured date takes precedence.
    const incident = config.date === undefined ? document.incidentDate : incidentDate(document.frontMatter, document.summary, () => document.timeline, config.date);
    // No incident date, no fix: a made-up date would look real, and "YYYY-MM-DD" is no date to keep.
    const due = incident && addDays(incident.date, days);
    for (const item of openItems(document)) {
      if (item.due || item.tracking) continue;
      const example = due ? `"(due: ${due})", ${days} days after the incident,` : '"(due: YYYY-MM-DD)"';
      report({
        range: itemRange(document, item),
        message: `No due date or tracking link for "${quote(item.action || item.text)}". Add ${example} or a link to the ticket that tracks it, so it is not forgotten.`,
        fixes: due ? [appendFieldFix(document, item, { key: 'due', value: due }, `Add due date ${due} (placeholder)`)] : [],
      });
    }
  },
};
