import type { TimelineEntry } from '../../model';
import { isoDate } from '../../model/timeline';
import type { Fix } from '../../types';
import { docsUrl, type Rule } from '../types';
import { timelinesOf, written } from './timelineText';

const DAY = 86_400_000;

/**
 * The clock goes back across midnight with no date written (the model reads the entry on the next day), or the
 * summary's window lasts more than a day while no entry says which day it is on. The fix writes the date before
 * the first time of the new day, when the day is known.
 */
export const timelineDateMissing: Rule = {
  meta: {
    id: 'timeline-date-missing',
    description: 'Timeline times cross midnight, or span several days, without a date.',
    defaultSeverity: 'warning',
    fixable: true,
    docs: docsUrl('timeline-date-missing'),
  },
  check({ document, report }) {
    const { window } = document.timelineInfo;
    for (const { entries } of timelinesOf(document)) {
      let previous: TimelineEntry | undefined;
      let rolled = false;
      for (const entry of entries) {
        if (entry.rollover && previous && entry.date) {
          rolled = true;
          const known = !entry.assumed?.date;
          const fixes: Fix[] = known ? [{ title: `Write the date ${isoDate(entry.date)}`, edits: [{ range: document.source.rangeOf(entry.timestamp!.start, entry.timestamp!.start), newText: `${isoDate(entry.date)} ` }] }] : [];
          report({
            range: entry.timestampRange!,
            message: `"${written(entry)}" comes after "${written(previous)}" with no date, so it is read as the next day${known ? ` (${isoDate(entry.date)})` : ''}. Write the date before the first time of each new day so the order is plain.`,
            fixes,
          });
        }
        if (entry.timestamp?.time) previous = entry;
      }
      // A window over several days, and a timeline that never says which day.
      // More than a day: an overnight window may well fit a timeline that stops before midnight.
      const spansDays = window?.start && window.end && window.start.dateFrom === 'written' && window.end.instant - window.start.instant > DAY;
      const dated = entries.some((entry) => entry.timestamp?.date || entry.dateSource === 'heading');
      const first = entries.find((entry) => entry.timestamp?.time);
      if (spansDays && !dated && !rolled && first) {
        report({
          range: first.timestampRange!,
          message: `The summary's duration runs from ${isoDate(window.start!.date)} to ${isoDate(window.end!.date)}, but no time in the timeline says which day it is on. Write the date on the first entry of each day, or correct the summary if it all happened on one day.`,
        });
      }
    }
  },
};
