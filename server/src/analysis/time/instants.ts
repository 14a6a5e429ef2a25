/**
 * From wall-clock readings to instants and back, and elapsed-time labels for timelines ("T+1h 15m").
 * luxon does the IANA / DST work. Pure: no editor or protocol imports.
 */
import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';
import type { LocalDate, LocalTime } from './timestamps';
import { formatOffset } from './zones';
import { BoundedCache } from '../util/boundedCache';

/** Where a wall-clock reading is: a fixed offset, an IANA zone, or both (a ZoneRef fits). */
export interface ZoneSpec {
  offsetMinutes?: number;
  iana?: string;
}

const ianaCache = new Map<string, IANAZone | null>();

/** The luxon zone of a spec (IANA zones validated once): undefined for an unknown IANA zone with no offset. */
export function luxonZone(zone: ZoneSpec): Zone | undefined {
  if (zone.iana) {
    let cached = ianaCache.get(zone.iana);
    if (cached === undefined) {
      // create() validates the name itself (Intl is slow to build a formatter for a zone): no second check.
      const created = IANAZone.create(zone.iana);
      cached = created.isValid ? created : null;
      ianaCache.set(zone.iana, cached);
    }
    if (cached) return cached;
    if (zone.offsetMinutes === undefined) return undefined;
  }
  return FixedOffsetZone.instance(zone.offsetMinutes ?? 0);
}

/**
 * Epoch milliseconds of a wall-clock date and time in a zone.
 *
 * - `iana` wins over `offsetMinutes` when both are given, so a ZoneRef for "PST" resolves as Los Angeles local
 *   time (PDT in summer, as people mean when they write "PST" in July). Pass `{ offsetMinutes }` alone to
 *   honour the letter of the abbreviation. An empty zone means UTC.
 * - In a spring-forward gap (2024-03-10 02:30 America/New_York) luxon moves the time forward by the gap
 *   (03:30 EDT); in a fall-back overlap (2024-11-03 01:30 America/New_York) the earlier instant (EDT) is returned.
 * - NaN when the date does not exist (February 30) or the IANA zone is unknown and no offset was given.
 */
export function resolveInstant(
  date: Required<Pick<LocalDate, 'year' | 'month' | 'day'>>,
  time: Pick<LocalTime, 'hour' | 'minute' | 'second'>,
  zone: ZoneSpec,
): number {
  const key = `${date.year}-${date.month}-${date.day} ${time.hour}:${time.minute}:${time.second ?? 0} ${zone.iana ?? ''} ${zone.offsetMinutes ?? ''}`;
  return instants.get(key, () => computeInstant(date, time, zone));
}

/** luxon reads zone offsets through Intl on every call, and timelines are resolved again on every keystroke. */
const instants = new BoundedCache<string, number>(50_000);
const offsets = new BoundedCache<string, number | undefined>(50_000);

/**
 * IANA names of UTC itself, zero at every instant. luxon reads an IANA zone's offset through Intl several times per
 * reading (most of a timeline's cost) and never asks whether the zone can change; for these the fixed zero is the same.
 */
export const UTC_NAMES = new Set(['UTC', 'Etc/UTC']);

function computeInstant(
  date: Required<Pick<LocalDate, 'year' | 'month' | 'day'>>,
  time: Pick<LocalTime, 'hour' | 'minute' | 'second'>,
  zone: ZoneSpec,
): number {
  const z = zone.iana && UTC_NAMES.has(zone.iana) ? FixedOffsetZone.utcInstance : luxonZone(zone);
  if (!z) return NaN;
  const fixed = z.type === 'fixed' ? fixedInstant(date, time, z.offset(0)) : undefined;
  if (fixed !== undefined) return fixed;
  const dt = DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute, second: time.second ?? 0 },
    { zone: z },
  );
  if (!dt.isValid) return NaN;
  // A fall-back overlap has two readings; take the first, so a timeline read in order never jumps back.
  return z.isUniversal ? dt.toMillis() : Math.min(...dt.getPossibleOffsets().map((x) => x.toMillis()));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const between = (value: number, low: number, high: number) => Number.isInteger(value) && value >= low && value <= high;

/**
 * Epoch milliseconds of a reading at a fixed offset, computed as luxon does, for the readings dates are made of:
 * whole fields in range and a year of three digits or more. Undefined for anything else (luxon then judges: NaN for
 * February 30, its own arithmetic for years 0–99). A timeline reads a few hundred times per report, too few for
 * luxon's DateTime code to be compiled before the run ends.
 */
function fixedInstant(
  { year, month, day }: Required<Pick<LocalDate, 'year' | 'month' | 'day'>>,
  { hour, minute, second = 0 }: Pick<LocalTime, 'hour' | 'minute' | 'second'>,
  offsetMinutes: number,
): number | undefined {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (!Number.isInteger(year) || year < 100 || !between(month, 1, 12)) return undefined;
  if (!between(day, 1, month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return undefined;
  if (!between(hour, 0, 23) || !between(minute, 0, 59) || !between(second, 0, 59)) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60 * 1000;
}

/** The UTC offset in minutes of an IANA zone at an instant (e.g. to tell whether "PST" was right that day). */
export function offsetAt(iana: string, ms: number): number | undefined {
  return offsets.get(`${iana} ${ms}`, () => {
    const z = luxonZone({ iana });
    return z && z.type === 'iana' ? z.offset(ms) : undefined;
  });
}

function splitElapsed(ms: number): { sign: string; days: number; hours: number; minutes: number; seconds: number } {
  // Whole seconds, truncated toward zero: "T+" labels never round up into the next minute.
  let rest = Math.floor(Math.abs(ms) / 1000);
  const sign = ms < 0 && rest > 0 ? '-' : '+';
  const seconds = rest % 60;
  rest = Math.floor(rest / 60);
  const minutes = rest % 60;
  rest = Math.floor(rest / 60);
  return { sign, days: Math.floor(rest / 24), hours: rest % 24, minutes, seconds };
}

/**
 * "T+1h 15m", "T+45m", "T+2d 3h", "T+1h 2m 7s", "T-5m", "T+0m". Zero parts are left out (at least minutes
 * are shown); seconds appear only when not zero.
 */
export function formatElapsed(ms: number): string {
  const { sign, days, hours, minutes, seconds } = splitElapsed(ms);
  const parts: string[] = [];
  if (days) parts.push(`${days}d`);
  if (hours) parts.push(`${hours}h`);
  if (minutes || (!seconds && parts.length === 0)) parts.push(`${minutes}m`);
  if (seconds) parts.push(`${seconds}s`);
  return `T${sign}${parts.join(' ')}`;
}

/** "1h 5m", "2d 3h", "45m", "-5m": a length of time, as the key-moment durations are shown. */
export function formatDuration(ms: number): string {
  return formatElapsed(ms).slice(1).replace(/^\+/, '');
}

/** "T+01:15", "T+26:05" (hours do not wrap into days), "T+00:02:07" when seconds are not zero, "T-00:05". */
export function formatElapsedClock(ms: number): string {
  const { sign, days, hours, minutes, seconds } = splitElapsed(ms);
  const hh = String(days * 24 + hours).padStart(2, '0');
  const mm = String(minutes).padStart(2, '0');
  const body = seconds ? `${hh}:${mm}:${String(seconds).padStart(2, '0')}` : `${hh}:${mm}`;
  return `T${sign}${body}`;
}

/** "2024-05-10T05:30:00Z"; milliseconds only when not zero. */
export function toIsoUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/**
 * An instant as wall-clock time in a zone: "2024-05-10 08:30 UTC+03:00", "2024-03-10 03:30 UTC-04:00",
 * "2024-05-10 05:30 UTC"; seconds only when not zero. The offset shown is the one in force at that instant.
 */
export function formatInZone(ms: number, zone: ZoneSpec): string {
  const z = luxonZone(zone);
  if (!z || !Number.isFinite(ms)) return 'Invalid time';
  const dt = DateTime.fromMillis(ms, { zone: z });
  const clock = dt.second ? dt.toFormat('yyyy-MM-dd HH:mm:ss') : dt.toFormat('yyyy-MM-dd HH:mm');
  return `${clock} ${formatOffset(dt.offset)}`;
}
