import { sortMovesRun, sortTimelineEdits } from '../../features/timelineEdits';
import type { TimelineEntry } from '../../model';
import { isoDate, zoneKey } from '../../model/timeline';
import { readingSpec } from '../../model/timelineClock';
import { docsUrl, type Rule } from '../types';
import { clockIn, gap, timelinesOf, written } from './timelineText';

const DAY = 86_400_000;

function dayNumber(entry: TimelineEntry): number {
  return Date.UTC(entry.date!.year, entry.date!.month - 1, entry.date!.day) / DAY;
}

/** How much earlier `entry` is than `previous`, in words; undefined when it is not earlier. */
function earlierBy(entry: TimelineEntry, previous: TimelineEntry): string | undefined {
  if (entry.precision === 'day' || previous.precision === 'day') {
    const days = dayNumber(previous) - dayNumber(entry);
    return days > 0 ? `${days} day${days === 1 ? '' : 's'}` : undefined;
  }
  return entry.instant! < previous.instant! ? gap(previous.instant! - entry.instant!) : undefined;
}

/**
 * An entry earlier than the entry before it, once dates, zones and day changes are resolved (a time-only entry
 * far before the one above it is a day change, reported by `timeline-date-missing` instead). The fix sorts the
 * timeline when both entries are in the same list, table or run of lines.
 */
export const timelineOutOfOrder: Rule = {
  meta: {
    id: 'timeline-out-of-order',
    description: 'A timeline entry is earlier than the entry before it.',
    defaultSeverity: 'warning',
    fixable: true,
    docs: docsUrl('timeline-out-of-order'),
  },
  check({ document, report }) {
    for (const { entries } of timelinesOf(document)) {
      let previous: TimelineEntry | undefined;
      for (const entry of entries) {
        if (entry.instant === undefined) continue;
        const by = previous && earlierBy(entry, previous);
        if (previous && by) {
          // "23:00 AM MST (22:00 PST)": in the zone of the entry it is compared with, when the zones differ.
          const converted =
            entry.zone && previous.zone && entry.precision === 'minute' && zoneKey(entry.zone.ref) !== zoneKey(previous.zone.ref)
              ? ` (${clockIn(entry.instant, readingSpec(previous.zone.ref, !previous.assumed?.date), previous.zone.ref.text)})`
              : '';
          const sameDay = entry.date && previous.date && isoDate(entry.date) === isoDate(previous.date);
          const day = !sameDay && entry.precision === 'minute' && !entry.timestamp?.date && entry.date && !entry.assumed?.date ? `, read on ${isoDate(entry.date)}` : '';
          const sortable = previous.run === entry.run && sortMovesRun(document, entry.run);
          report({
            range: entry.timestampRange!,
            message: `"${written(entry)}"${converted}${day} comes after "${written(previous)}" (line ${previous.lineRange.start.line + 1}) but is ${by} earlier. Move the entry up or correct its time${sortable ? '; the fix sorts the timeline' : ''}.`,
            fixes: sortable ? [{ title: 'Sort the timeline by time', edits: sortTimelineEdits(document) }] : [],
          });
        }
        previous = entry;
      }
    }
  },
};
