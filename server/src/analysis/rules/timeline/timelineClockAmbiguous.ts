import { entryClock } from '../../features/timelineEdits';
import type { PostmortemDocument, TimelineEntry } from '../../model';
import { clockHour, format24 } from '../../model/timelineClock';
import type { LocalTime } from '../../time/timestamps';
import type { Fix, TextEdit } from '../../types';
import { docsUrl, type Rule } from '../types';
import { timelinesOf } from './timelineText';

type Clock = '12-hour' | '24-hour' | 'bare' | 'contradictory';

/**
 * How a time is written: with AM/PM ("9:00 PM"), on the 24-hour clock ("09:00", "21:00"), as a bare 12-hour
 * reading that could be either ("9:00"), or with AM/PM on a 24-hour hour ("13:55 PM", a typo that is still plain).
 */
function clockOf(time: LocalTime): Clock {
  if (time.meridiem) return time.twelveHour ? '12-hour' : 'contradictory';
  return time.twelveHour ? 'bare' : '24-hour';
}

/** The entry's clock rewritten on the 24-hour clock for the reading `hour`. */
function to24(document: PostmortemDocument, entry: TimelineEntry, hour: number): TextEdit | undefined {
  const clock = entryClock(document, entry);
  const time = entry.timestamp!.time!;
  if (!clock) return undefined;
  return { range: document.source.rangeOf(clock.start, clock.end), newText: format24(hour, time.minute, time.second) };
}

/** The entry's clock with AM or PM added for the reading `hour` ("9:00" → "9:00 PM", "08:20" → "8:20 PM"). */
function withMeridiem(document: PostmortemDocument, entry: TimelineEntry, hour: number): TextEdit | undefined {
  const clock = entryClock(document, entry);
  if (!clock) return undefined;
  const time = entry.timestamp!.time!;
  const text = time.twelveHour ? clock.text : `${hour % 12 || 12}:${String(time.minute).padStart(2, '0')}`;
  return { range: document.source.rangeOf(clock.start, clock.end), newText: `${text} ${hour < 12 ? 'AM' : 'PM'}` };
}

/**
 * Clock readings a reader has to guess, in one timeline: a 12-hour time without AM/PM among AM/PM times, or read
 * as the afternoon only because of the time before it; a zero-padded time among AM/PM times that follows the entry
 * before only as PM ("08:15 PM" then "08:20"); a range end that, on the 24-hour clock the timeline uses, comes before
 * its start ("14:20-2:00"). A mix whose meaning is plain ("08:15am" then "08:20") and a stray PM on a 24-hour hour
 * ("13:20PM") are not reported. The fixes write the time in the clock most of the timeline uses.
 */
export const timelineClockAmbiguous: Rule = {
  meta: {
    id: 'timeline-clock-ambiguous',
    description: 'A timeline time can be read on the 12- or the 24-hour clock, and its context does not settle which.',
    defaultSeverity: 'warning',
    fixable: true,
    docs: docsUrl('timeline-clock-ambiguous'),
  },
  check({ document, report }) {
    for (const { entries } of timelinesOf(document)) {
      const timed = entries.filter((entry) => entry.timestamp?.time && entry.hour !== undefined);
      const twelve = timed.filter((entry) => clockOf(entry.timestamp!.time!) === '12-hour');
      const twentyFour = timed.filter((entry) => clockOf(entry.timestamp!.time!) === '24-hour');
      // The clock most entries use; the fixes write odd times in it.
      const usesTwelve = twelve.length > 0 && twelve.length >= twentyFour.length;
      const example = twelve[0] && `"${twelve[0].timestamp!.text}"`;
      let previous: TimelineEntry | undefined;
      for (const entry of timed) {
        const time = entry.timestamp!.time!;
        const clock = clockOf(time);
        const text = entryClock(document, entry)?.text ?? entry.timestamp!.text;
        const after = previous ? ` after "${previous.timestamp!.text}"` : '';
        const fixesFor = (hours: number[]): Fix[] =>
          hours.flatMap((hour) => {
            const edit = usesTwelve ? withMeridiem(document, entry, hour) : to24(document, entry, hour);
            return edit ? [{ title: `Write ${edit.newText}`, edits: [edit] }] : [];
          });
        if (clock === 'bare' && (usesTwelve || entry.hour !== time.hour)) {
          const other = entry.hour === time.hour ? (time.hour + 12) % 24 : time.hour;
          const reading = entry.hour! < 12 ? 'AM' : 'PM';
          const context = twelve.length ? `while other times here have AM or PM (e.g. ${example})` : `and other times here use neither AM/PM nor the 24-hour clock`;
          report({
            range: entry.timestampRange!,
            message: `"${text}" has no AM or PM, ${context}. It is read as ${reading} (${format24(entry.hour!, time.minute)})${after}; write "${format24(entry.hour!, time.minute)}" or "${text} ${reading}" so nobody has to guess.`,
            // The reading chosen comes first.
            fixes: fixesFor([entry.hour!, other]),
          });
        } else if (clock === '24-hour' && twelve.length && previous?.hour !== undefined && time.hour >= 1 && time.hour < 12) {
          // "08:15 PM" then "08:20": on the 24-hour clock it goes back twelve hours; as PM it follows.
          const afternoon = clockHour({ ...time, twelveHour: true }, previous.hour * 60 + previous.timestamp!.time!.minute, false);
          if (afternoon !== time.hour) {
            report({
              range: entry.timestampRange!,
              message: `"${text}" has no AM or PM among times that have them (e.g. ${example}). On the 24-hour clock it is ${format24(time.hour, time.minute)}, long before "${previous.timestamp!.text}", while ${format24(afternoon, time.minute)} would follow it; write the time with AM or PM so nobody has to guess.`,
              fixes: fixesFor([afternoon, time.hour]),
            });
          }
        }
        const end = entry.timestamp!.until;
        if (end && !usesTwelve && clockOf(end.time) === 'bare' && end.time.hour * 60 + end.time.minute < entry.hour! * 60 + time.minute) {
          report({
            range: entry.timestampRange!,
            message: `The range "${text}-${end.text}" ends at "${end.text}", which has no AM or PM and, on the 24-hour clock this timeline uses, comes before its start. Write the end on the 24-hour clock, or say how long it lasted.`,
          });
        }
        previous = entry;
      }
    }
  },
};
