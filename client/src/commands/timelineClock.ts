/** The time stamp of a new timeline entry, in the document's declared zone. No editor API here. */
import type { OutlineZone } from '../../../server/src/lsp/protocol';

function hoursMinutes(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((found) => found.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}

/** The offset of an IANA zone at an instant, as timelines write it: "UTC-04:00", "UTC". */
function offsetName(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant);
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return /^GMT(?:[+-]00:00)?$/.test(name) ? 'UTC' : name.replace(/^GMT/, 'UTC');
}

/**
 * `now` as `HH:MM ZONE` in the document's declared zone. An IANA zone follows its daylight saving; written as an
 * IANA name ("Europe/Berlin") it is named by its offset, otherwise as declared ("PST"). No zone, or one the server
 * could not resolve (an ambiguous "IST"), gives UTC.
 */
export function clockNow(now: Date, zone: OutlineZone | undefined): string {
  if (zone?.iana) return `${hoursMinutes(now, zone.iana)} ${zone.name.includes('/') ? offsetName(now, zone.iana) : zone.name}`;
  if (zone?.offsetMinutes !== undefined) return `${hoursMinutes(new Date(now.getTime() + zone.offsetMinutes * 60_000), 'UTC')} ${zone.name}`;
  return `${hoursMinutes(now, 'UTC')} UTC`;
}
