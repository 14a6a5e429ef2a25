/**
 * Reading a timeline's entries in order: each entry's date (its own, else carried from the entry or date heading
 * before it, else the summary's or configured day), the hour of a clock without AM/PM, a day change when a time-only
 * entry goes back across midnight, and the instant that follows. The order matters, so this is a function of the
 * sequence: the model reads the document's order, and the sort replays a new order to check it settles.
 */
import type { ZoneSpec } from '../time/instants';
import type { ParsedTimestamp } from '../time/timestamps';
import { addDays, calendarDate, clockHour, instantOf, isResolvable, readingSpec } from './timelineClock';
import type { CalendarDate, IncidentWindow, ReadingContext, TimelineDateSource, TimelineEntry, TimelineZone } from './timelineTypes';

const HOUR = 3_600_000;
/** A time-only entry this far before the one above it, with no window to say otherwise, is on the next day. */
const ROLLOVER_GAP = 6 * HOUR;
/** How far outside the stated window a reading may fall and still count as inside it, when deciding a day change. */
const WINDOW_SLACK = HOUR;

export interface ReadingInput {
  offset: number;
  timestamp?: ParsedTimestamp;
  zone?: TimelineZone;
}

export type Reading = Pick<TimelineEntry, 'date' | 'dateSource' | 'rollover' | 'hour' | 'instant' | 'precision' | 'assumed'>;

/** Which of two readings of a time-only entry the summary's window allows, when it allows one only. */
function windowReading(window: IncidentWindow | undefined, sameDay: number, nextDay: number): 'same' | 'next' | undefined {
  if (!window?.start || !window.end) return undefined;
  const inside = (instant: number) => instant >= window.start!.instant - WINDOW_SLACK && instant <= window.end!.instant + WINDOW_SLACK;
  if (inside(nextDay) && !inside(sameDay)) return 'next';
  if (inside(sameDay) && !inside(nextDay)) return 'same';
  return undefined;
}

/** Whether a time-only entry earlier than the one before it is on the next day rather than out of order. */
function isDayChange(previous: number, sameDay: number, nextDay: number, window: IncidentWindow | undefined): boolean {
  const reading = windowReading(window, sameDay, nextDay);
  return reading ? reading === 'next' : previous - sameDay >= ROLLOVER_GAP;
}

/** Reads entries given in document order (by `offset`); undefined for an entry without a timestamp. */
export function readTimeline(inputs: ReadingInput[], context: ReadingContext): Array<Reading | undefined> {
  const { window, base, markers, writtenAs24Hour, usualZone } = context;
  const fallback = (onKnownDay: boolean): ZoneSpec => (usualZone ? readingSpec(usualZone, onKnownDay) : { iana: 'UTC' });
  let cursor: { date: CalendarDate; source: TimelineDateSource } = base;
  let previous: { instant: number; minuteOfDay: number } | undefined;
  let marker = 0;
  return inputs.map(({ offset, timestamp, zone }) => {
    for (; marker < markers.length && markers[marker].offset <= offset; marker++) {
      const date = calendarDate(markers[marker].date, cursor.date);
      if (date) cursor = { date, source: 'heading' };
    }
    if (!timestamp) return undefined;
    const out: Reading = {};
    const assumed: NonNullable<Reading['assumed']> = {};
    if (!zone || zone.ref.meanings || !isResolvable(zone.ref)) assumed.zone = true;
    let date = timestamp.date ? calendarDate(timestamp.date, cursor.date) : undefined;
    let dateSource: TimelineDateSource = 'entry';
    if (!date) {
      date = cursor.date;
      dateSource = cursor.source;
    }
    if (dateSource === 'unknown') assumed.date = true;
    const spec = zone && isResolvable(zone.ref) ? readingSpec(zone.ref, !assumed.date) : fallback(!assumed.date);

    if (timestamp.time) {
      const hour = clockHour(timestamp.time, previous?.minuteOfDay, writtenAs24Hour);
      const clock = { hour, minute: timestamp.time.minute, second: timestamp.time.second };
      let instant = instantOf(date, clock, spec);
      const nextDay = addDays(date, 1);
      const later = timestamp.date ? undefined : instantOf(nextDay, clock, spec);
      if (instant !== undefined && later !== undefined) {
        // "Duration: 22:00 to 04:00" and a first entry at 01:00: the window's second day.
        const firstOfWindow = !previous && dateSource === 'summary' && windowReading(window, instant, later) === 'next';
        const backAcrossMidnight = previous && instant < previous.instant && isDayChange(previous.instant, instant, later, window);
        if (firstOfWindow || backAcrossMidnight) {
          date = nextDay;
          instant = later;
          if (backAcrossMidnight) out.rollover = true;
        }
      }
      out.hour = hour;
      out.precision = 'minute';
      if (instant !== undefined) {
        out.instant = instant;
        previous = { instant, minuteOfDay: hour * 60 + timestamp.time.minute };
      }
    } else {
      out.precision = 'day';
      const instant = instantOf(date, undefined, spec);
      if (instant !== undefined) out.instant = instant;
    }
    out.date = date;
    out.dateSource = dateSource;
    if (assumed.zone || assumed.date) out.assumed = assumed;
    cursor = { date, source: dateSource === 'unknown' ? 'unknown' : 'previous' };
    return out;
  });
}
