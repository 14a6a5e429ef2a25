import { entryClock } from '../../features/timelineEdits';
import type { PostmortemDocument, TimelineEntry } from '../../model';
import { format24 } from '../../model/timelineClock';
import type { Fix, TextEdit } from '../../types';
import { docsUrl, type Rule } from '../types';
import { timelinesOf } from './timelineText';

type Clock = '12-hour' | '24-hour' | 'bare' | 'contradictory';

/**
 * How a time is written: with AM/PM ("9:00 PM"), on the 24-hour clock ("09:00", "21:00"), as a bare 12-hour
 * reading that could be either ("9:00"), or with AM/PM on a 24-hour hour ("13:55 PM").
 */
function clockOf(entry: TimelineEntry): Clock | undefined {
  const time = entry.timestamp?.time;
  if (!time) return undefined;
  if (time.meridiem) return time.twelveHour ? '12-hour' : 'contradictory';
  return time.twelveHour ? 'bare' : '24-hour';
}

/** The entry's clock rewritten on the 24-hour clock (an edit), in the reading the model chose unless `hour` is given. */
function to24(document: PostmortemDocument, entry: TimelineEntry, hour = entry.hour!): TextEdit | undefined {
  const clock = entryClock(document, entry);
  const time = entry.timestamp!.time!;
  if (!clock) return undefined;
  return { range: document.source.rangeOf(clock.start, clock.end), newText: format24(hour, time.minute, time.second) };
}

/** The entry's bare 12-hour clock with AM or PM added, for the reading `hour`. */
function withMeridiem(document: PostmortemDocument, entry: TimelineEntry, hour: number): TextEdit | undefined {
  const clock = entryClock(document, entry);
  if (!clock) return undefined;
  return { range: document.source.rangeOf(clock.start, clock.end), newText: `${clock.text} ${hour < 12 ? 'AM' : 'PM'}` };
}

/**
 * Clock problems of one timeline: a time with AM/PM on a 24-hour hour; a 12-hour time without AM/PM where that is
 * unclear (among times that have AM/PM, or read as PM only because of the time before it); and 12- and 24-hour
 * times mixed. The fixes write the 24-hour clock, or add AM/PM to a bare time among AM/PM times.
 */
export const timelineClockAmbiguous: Rule = {
  meta: {
    id: 'timeline-clock-ambiguous',
    description: 'A timeline time can be read on the 12- or the 24-hour clock, or the timeline mixes both.',
    defaultSeverity: 'warning',
    fixable: true,
    docs: docsUrl('timeline-clock-ambiguous'),
  },
  check({ document, report }) {
    for (const { entries } of timelinesOf(document)) {
      const clocks = entries.map((entry) => ({ entry, clock: clockOf(entry) }));
      const twelve = clocks.filter((item) => item.clock === '12-hour');
      const twentyFour = clocks.filter((item) => item.clock === '24-hour');
      let previous: TimelineEntry | undefined;
      for (const { entry, clock } of clocks) {
        if (!clock) continue;
        const time = entry.timestamp!.time!;
        const text = entryClock(document, entry)?.text ?? entry.timestamp!.text;
        if (clock === 'contradictory') {
          const edit = to24(document, entry);
          report({
            range: entry.timestampRange!,
            message: `"${text}" puts ${time.meridiem!.toUpperCase()} after a 24-hour hour (${time.hour}). Write "${format24(time.hour, time.minute, time.second)}" without ${time.meridiem!.toUpperCase()}.`,
            fixes: edit ? [{ title: `Write ${edit.newText}`, edits: [edit], isPreferred: true }] : [],
          });
        } else if (clock === 'bare' && (twelve.length || (!twentyFour.length && entry.hour !== time.hour))) {
          const other = entry.hour === time.hour ? (time.hour + 12) % 24 : time.hour;
          const reading = entry.hour! < 12 ? 'AM' : 'PM';
          const context = twelve.length ? `while other times here have AM or PM (e.g. "${twelve[0].entry.timestamp!.text}")` : `and other times here use neither AM/PM nor the 24-hour clock`;
          const after = previous ? ` after "${previous.timestamp!.text}"` : '';
          // Among AM/PM times the fix adds AM or PM; elsewhere it writes the 24-hour clock. The reading chosen comes first.
          const fixes: Fix[] = [entry.hour!, other].flatMap((hour) => {
            const edit = twelve.length ? withMeridiem(document, entry, hour) : to24(document, entry, hour);
            return edit ? [{ title: `Write ${edit.newText}`, edits: [edit] }] : [];
          });
          report({
            range: entry.timestampRange!,
            message: `"${text}" has no AM or PM, ${context}. It is read as ${reading} (${format24(entry.hour!, time.minute)})${after}; write "${format24(entry.hour!, time.minute)}" or "${text} ${reading}" so nobody has to guess.`,
            fixes,
          });
        }
        previous = entry;
      }
      if (twelve.length && twentyFour.length) {
        // Reported on the first time of the less used clock; the fix writes every AM/PM time on the 24-hour clock.
        const minority = twelve.length < twentyFour.length ? twelve : twentyFour;
        const edits = twelve.flatMap(({ entry }) => to24(document, entry) ?? []);
        const first = minority[0].entry;
        report({
          range: first.timestampRange!,
          message: `This timeline mixes the 12-hour clock (${twelve.length} time${twelve.length === 1 ? '' : 's'}, e.g. "${twelve[0].entry.timestamp!.text}") and the 24-hour clock (${twentyFour.length}, e.g. "${twentyFour[0].entry.timestamp!.text}"). Write every time on one clock; the fix writes them all on the 24-hour clock.`,
          fixes: edits.length ? [{ title: 'Write every time on the 24-hour clock', edits, isPreferred: true }] : [],
        });
      }
    }
  },
};
