/**
 * Small conversions between what a timeline writes (dates, clock readings, zone mentions) and instants. The
 * calendar arithmetic and daylight saving come from luxon through `time/instants.ts`.
 */
import { offsetAt, resolveInstant, type ZoneSpec } from '../time/instants';
import type { LocalDate, LocalTime } from '../time/timestamps';
import type { ZoneRef } from '../time/zones';
import type { CalendarDate } from './timelineTypes';

/**
 * How to resolve a zone mention. An ambiguous abbreviation (IST, CST) is read in its most common meaning: the
 * order of events stays right in the usual case, and `timeline-timezone-ambiguous` asks the writer to say.
 */
export function zoneSpec(ref: ZoneRef): ZoneSpec {
  const meaning = ref.meanings?.[0];
  if (meaning) return { offsetMinutes: meaning.offsetMinutes, iana: meaning.iana };
  return { offsetMinutes: ref.offsetMinutes, iana: ref.iana };
}

/**
 * How to resolve a zone mention on a day nobody named: by the letter of the abbreviation ("EDT" is UTC-4), since
 * a stand-in day would otherwise decide daylight saving for it.
 */
export function letterSpec(ref: ZoneRef): ZoneSpec {
  const spec = zoneSpec(ref);
  return spec.offsetMinutes === undefined ? spec : { offsetMinutes: spec.offsetMinutes };
}

/** The spec a time was read with: by region on a known day, by the letter on a stand-in one. */
export function readingSpec(ref: ZoneRef, onKnownDay: boolean): ZoneSpec {
  return onKnownDay ? zoneSpec(ref) : letterSpec(ref);
}

/** The offset from UTC in minutes a zone has at an instant (daylight saving included). */
export function offsetIn(spec: ZoneSpec, instant: number): number {
  if (spec.iana) return offsetAt(spec.iana, instant) ?? spec.offsetMinutes ?? 0;
  return spec.offsetMinutes ?? 0;
}

/** Whether a zone mention can be resolved at all (a long name such as "Pacific Time" has only an IANA zone). */
export function isResolvable(ref: ZoneRef): boolean {
  const spec = zoneSpec(ref);
  return spec.offsetMinutes !== undefined || spec.iana !== undefined;
}

/** The earliest and latest of some instants (a loop: a long timeline would overflow `Math.min(...)`). */
export function extent(instants: readonly number[]): { min: number; max: number } | undefined {
  if (!instants.length) return undefined;
  let min = instants[0];
  let max = instants[0];
  for (const instant of instants) {
    if (instant < min) min = instant;
    if (instant > max) max = instant;
  }
  return { min, max };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

export function sameDay(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** A written date with its year, or the year of `context` when the date has none ("Oct 30th" in a 2021 timeline). */
export function calendarDate(local: LocalDate, context: CalendarDate | undefined): CalendarDate | undefined {
  const year = local.year ?? context?.year;
  return year === undefined ? undefined : { year, month: local.month, day: local.day };
}

/** Epoch milliseconds of a reading; a date alone stands at the start of its day. Undefined for impossible dates. */
export function instantOf(date: CalendarDate, time: Pick<LocalTime, 'hour' | 'minute' | 'second'> | undefined, spec: ZoneSpec): number | undefined {
  const ms = resolveInstant(date, time ?? { hour: 0, minute: 0 }, spec);
  return Number.isFinite(ms) ? ms : undefined;
}

const DAY_MINUTES = 24 * 60;

/** A morning reading this far behind the entry before is taken as the afternoon; closer, it is an entry out of order. */
const FLIP_MINUTES = 3 * 60;

/**
 * The hour a clock reading stands for. A 12-hour time without AM/PM ("9:00", "1:15") is read, in a timeline that
 * does not use the 24-hour clock throughout, as written unless that puts it more than three hours before the entry
 * before it while the other reading comes soon after: "12:15" then "1:00" is 13:00, "11:08" then "11:07" stays
 * 11:07 (out of order, and reported as such).
 */
export function clockHour(time: LocalTime, previous: number | undefined, writtenAs24Hour: boolean): number {
  if (!time.twelveHour || time.meridiem || writtenAs24Hour || previous === undefined) return time.hour;
  const am = time.hour % 12;
  const wrap = (minutes: number) => ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  const forward = (hour: number) => wrap(hour * 60 + time.minute - previous);
  const behind = wrap(previous - (am * 60 + time.minute));
  return forward(am + 12) < forward(am) && behind > FLIP_MINUTES ? am + 12 : am;
}

// The clock reading as written inside a timestamp: "9:00 PM", "13:55 PM", "2100hrs", "3:AM", "08:30:15".
const CLOCK_RE = /(?<![\d:.])(\d{1,2})(?:(\s*[:.：]\s*|h(?=[0-5]\d(?!\w)))(\d{2})(?:[:：]\d{2})?(?:\.\d+)?|\d{2}\s?h(?:ou)?r?s?\b)?(?:\s*[:-]?\s*(a\.\s?m\.?|p\.\s?m\.?|am|pm)(?![a-z]))?/gi;

/** Where the clock reading of a timestamp is written (offsets in the timestamp's text), without its date or zone. */
export function clockSpan(text: string, time: LocalTime): { start: number; end: number } | undefined {
  let found: { start: number; end: number } | undefined;
  CLOCK_RE.lastIndex = 0;
  for (let match = CLOCK_RE.exec(text); match; match = CLOCK_RE.exec(text)) {
    if (!match[0]) {
      CLOCK_RE.lastIndex++;
      continue;
    }
    const hasMinutes = match[0].length > match[1].length && !/^\d{1,2}\s*(?:a\.\s?m\.?|p\.\s?m\.?|am|pm)$/i.test(match[0]);
    if (!hasMinutes && !match[4]) continue;
    if (Number(match[1]) % 12 !== time.hour % 12) continue;
    // The last such shape is the time: a date comes first ("2023-09-10 14:30").
    found = { start: match.index, end: match.index + match[0].length };
  }
  return found;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "21:05", "09:00:30". */
export function format24(hour: number, minute: number, second?: number): string {
  return `${pad(hour)}:${pad(minute)}${second ? `:${pad(second)}` : ''}`;
}

/** "9:05 PM", "09:05 PM" when the writer pads hours. */
export function format12(hour: number, minute: number, padded: boolean, second?: number): string {
  const h = hour % 12 || 12;
  return `${padded ? pad(h) : h}:${pad(minute)}${second ? `:${pad(second)}` : ''} ${hour < 12 ? 'AM' : 'PM'}`;
}
