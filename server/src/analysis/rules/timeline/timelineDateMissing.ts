import type { TimelineEntry } from '../../model';
import { isoDate } from '../../model/timeline';
import { sameDay } from '../../model/timelineClock';
import type { IncidentWindow } from '../../model/timelineTypes';
import type { Fix } from '../../types';
import { docsUrl, type Rule } from '../types';
import { timelinesOf, written } from './timelineText';

const DAY = 86_400_000;
/** "11:30 PM" then "1:15 AM" plainly crossed midnight; "10:00 PM" then "8:45 AM" may be any later morning. */
const PLAIN_NIGHT = 4 * 3_600_000;

/** Minutes since midnight of a timed entry as read. */
const clockMinutes = (entry: TimelineEntry) => entry.hour! * 60 + entry.timestamp!.time!.minute;

/**
 * Whether the reader can tell the day without a date: "11:30 PM" then "12:15 AM" says it crossed midnight (a short
 * night; "10:00 PM" then "8:45 AM" could be any later morning), and so does
 * a summary window whose dates are written on both ends ("May 10, 3:00 PM to May 11, 1:00 AM") when the entry falls
 * on its last day.
 */
function dayChangeIsPlain(entry: TimelineEntry, previous: TimelineEntry, window: IncidentWindow | undefined): boolean {
  const meridiems = previous.timestamp?.time?.meridiem === 'pm' && entry.timestamp?.time?.meridiem === 'am';
  if (meridiems && entry.instant !== undefined && previous.instant !== undefined && entry.instant - previous.instant <= PLAIN_NIGHT) return true;
  return Boolean(window?.start?.dateWritten && window.end?.dateWritten && entry.date && sameDay(entry.date, window.end.date) && !sameDay(window.start.date, window.end.date));
}

/** The timeline's times fit on one day between the window's start and end clocks: its extra days are the summary's to explain. */
function fitsOneDay(entries: TimelineEntry[], window: IncidentWindow): boolean {
  const timed = entries.filter((entry) => entry.timestamp?.time && entry.hour !== undefined);
  const start = window.start!.timestamp.time!;
  const end = window.end!.timestamp.time!;
  const from = start.hour * 60 + start.minute;
  const to = end.hour * 60 + end.minute;
  return from < to && timed.every((entry) => clockMinutes(entry) >= from && clockMinutes(entry) <= to);
}

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
        if (entry.rollover) rolled = true;
        if (entry.rollover && previous && entry.date && !dayChangeIsPlain(entry, previous, window)) {
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
      if (spansDays && !dated && !rolled && first && !fitsOneDay(entries, window!)) {
        report({
          range: first.timestampRange!,
          message: `The summary's duration runs from ${isoDate(window.start!.date)} to ${isoDate(window.end!.date)}, but no time in the timeline says which day it is on. Write the date on the first entry of each day, or correct the summary if it all happened on one day.`,
        });
      }
    }
  },
};
