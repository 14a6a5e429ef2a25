/**
 * The timeline engine's model: every entry of every timeline section with its timestamp resolved to an instant.
 *
 * - Zone: the entry's own, else the one declared for its place (table header, heading, intro line), else the
 *   document's (front matter, summary duration line), else the first entry's when no later entry says another,
 *   else one written on a time of the summary, else the `postmortem.defaultTimezone` setting.
 * - Date: the entry's own, else the one carried from the entry or date heading before it, else the summary's
 *   window, front matter `date:` or configuration. A time-only entry whose clock goes back across midnight is read
 *   on the next day (`rollover`), deciding with the summary's window where there is one.
 * - Clock: a 12-hour time without AM/PM is read in its context (see `clockHour`).
 *
 * Built once per document version; rules and editor features read the fields.
 */
import type { ParsedMarkdown } from '../parsing/parse';
import { inferDateOrder, type ParsedTimestamp } from '../time/timestamps';
import { parseZone, type ZoneRef } from '../time/zones';
import { firstCalendarDate } from './incidentDate';
import { buildIncidentWindow, summaryZones } from './incidentWindow';
import { extent, isResolvable, zoneSpec } from './timelineClock';
import { readTimeline } from './timelineReading';
import type { ReadingContext } from './timelineTypes';
import { extractTimeline, type ExtractedTimeline, type RawEntry } from './timelineEntries';
import type { CalendarDate, IncidentWindow, TimelineDateSource, TimelineEntry, TimelineInfo, TimelineSectionInfo, TimelineZone } from './timelineTypes';
import type { FrontMatter, Section, SummaryFact } from './types';
import { sectionsOfKind } from './walk';

export interface TimelineOptions {
  /** The configured zone (settings, rc files, front matter `timezone:`). */
  timezone?: string;
  /** The configured incident date (rc files, front matter `date:`). */
  date?: string;
}

/** A day for timelines that never say which day it was: order and elapsed times still hold. */
const STAND_IN_DATE: CalendarDate = { year: 2000, month: 1, day: 1 };

/** One key per zone: "UTC" and "GMT" are one zone, "PST" and "PDT" are Los Angeles. */
export function zoneKey(ref: ZoneRef): string {
  if (ref.meanings) return `ambiguous:${ref.text}`;
  if (ref.iana) return ref.iana;
  return ref.offsetMinutes === 0 ? 'UTC' : `offset:${ref.offsetMinutes ?? ref.text}`;
}

/** "2024-05-10". */
export function isoDate(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function parseIsoDate(text: string | undefined): CalendarDate | undefined {
  const iso = text && (/^\d{4}-\d{2}-\d{2}$/.test(text) ? text : firstCalendarDate(text));
  if (!iso) return undefined;
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

/** The front matter line `timezone: ...`, as a declared zone. */
function frontMatterZone(parsed: ParsedMarkdown, frontMatter: FrontMatter | undefined): TimelineZone | undefined {
  const value = frontMatter?.data.timezone;
  if (typeof value !== 'string') return undefined;
  const ref = parseZone(value);
  if (!ref) return undefined;
  const { source } = parsed;
  for (let line = frontMatter!.range.start.line; line <= frontMatter!.range.end.line; line++) {
    const match = /^(\s*timezone\s*:\s*["']?)(.*?)["']?\s*$/.exec(source.lineText(line));
    if (!match) continue;
    const start = source.lineStarts[line] + match[1].length;
    return { ref: { ...ref, start, end: start + match[2].length }, source: 'front-matter', range: source.rangeOf(start, start + match[2].length) };
  }
  return { ref, source: 'front-matter', range: frontMatter!.range };
}

function settingZone(timezone: string | undefined): TimelineZone | undefined {
  const ref = timezone ? parseZone(timezone) : undefined;
  return ref ? { ref, source: 'setting' } : undefined;
}

/** The first timed entry's zone, when it has one and no later entry states another: the writer said it once. */
function firstEntryZone(parsed: ParsedMarkdown, entries: RawEntry[]): TimelineZone | undefined {
  const timed = entries.filter((entry) => entry.timestamp?.time);
  const ref = timed[0]?.timestamp?.zone;
  if (!ref || !isResolvable(ref)) return undefined;
  const key = zoneKey(ref);
  if (timed.some((entry) => entry.timestamp?.zone && zoneKey(entry.timestamp.zone) !== key)) return undefined;
  return { ref, source: 'first-entry', range: parsed.source.rangeOf(ref.start, ref.end) };
}

function mostUsedZone(entries: RawEntry[]): ZoneRef | undefined {
  const counts = new Map<string, { ref: ZoneRef; count: number }>();
  for (const entry of entries) {
    const ref = entry.timestamp?.time ? entry.timestamp.zone : undefined;
    if (!ref || ref.meanings || !isResolvable(ref)) continue;
    const known = counts.get(zoneKey(ref));
    if (known) known.count++;
    else counts.set(zoneKey(ref), { ref, count: 1 });
  }
  let best: { ref: ZoneRef; count: number } | undefined;
  for (const candidate of counts.values()) if (!best || candidate.count > best.count) best = candidate;
  return best?.ref;
}

interface DocumentContext {
  parsed: ParsedMarkdown;
  window?: IncidentWindow;
  /** The day time-only entries start on, and where it comes from. */
  base: ReadingContext['base'];
  zones: { frontMatter?: TimelineZone; summary: ReturnType<typeof summaryZones>; setting?: TimelineZone };
}

/**
 * Readings of timeline sections read before, by what their entries were placed from (see extractTimeline): while
 * a section is unchanged, its readings change only with what they take from the rest of the document.
 */
const readingsBefore = new WeakMap<object, { key: string; readings: ReturnType<typeof readTimeline> }>();

function readingsOf(extracted: ExtractedTimeline, entries: TimelineEntry[], reading: ReadingContext, declared: TimelineZone | undefined): ReturnType<typeof readTimeline> {
  // What reading takes from outside the section: the window's ends, the base day, the declared zone (not where it is written).
  const { window, base } = reading;
  const key = JSON.stringify([window?.start?.instant, window?.end?.instant, base, declared && { ...declared.ref, start: 0, end: 0 }]);
  const before = readingsBefore.get(extracted.stored);
  if (before?.key === key) return before.readings;
  const readings = readTimeline(entries.map((entry) => ({ offset: entry.startOffset, timestamp: entry.timestamp, zone: entry.zone })), reading);
  readingsBefore.set(extracted.stored, { key, readings });
  return readings;
}

function resolveTimeline(context: DocumentContext, extracted: ExtractedTimeline): { entries: TimelineEntry[]; info: Omit<TimelineSectionInfo, 'entries'> } {
  const { parsed, window, base, zones } = context;
  const { source } = parsed;
  const declared = extracted.declaredZone ?? zones.frontMatter ?? zones.summary.window ?? firstEntryZone(parsed, extracted.entries) ?? zones.summary.mention ?? zones.setting;
  const usual = mostUsedZone(extracted.entries);
  const times = extracted.entries.flatMap((entry) => (entry.timestamp?.time ? [entry.timestamp.time] : []));
  const reading: ReadingContext = {
    ...(window ? { window } : {}),
    base,
    markers: extracted.markers.flatMap((marker) => (marker.timestamp.date ? [{ offset: marker.offset, date: marker.timestamp.date }] : [])).sort((a, b) => a.offset - b.offset),
    writtenAs24Hour: times.some((time) => !time.twelveHour) && !times.some((time) => time.meridiem),
    ...(usual ? { usualZone: usual } : {}),
  };
  const entries = extracted.entries.map((raw): TimelineEntry => {
    // One position for both starts: a long report has thousands of entries, all made again on each keystroke.
    const start = source.positionAt(raw.start);
    const entry: TimelineEntry = {
      text: raw.text,
      kind: raw.kind,
      range: { start, end: source.positionAt(raw.end) },
      startOffset: raw.start,
      endOffset: raw.end,
      lineRange: { start, end: source.positionAt(raw.lineEnd) },
      section: raw.section,
      run: raw.run,
      timeline: raw.timeline,
    };
    const { timestamp } = raw;
    if (!timestamp) return entry;
    entry.timestamp = timestamp;
    entry.timestampRange = source.rangeOf(timestamp.start, timestamp.end);
    const zone = timestamp.zone ? { ref: timestamp.zone, source: 'entry' as const, range: source.rangeOf(timestamp.zone.start, timestamp.zone.end) } : raw.scopeZone ?? declared;
    if (zone) entry.zone = zone;
    return entry;
  });
  const readings = readingsOf(extracted, entries, reading, declared);
  entries.forEach((entry, index) => Object.assign(entry, readings[index]));
  return { entries, info: { section: extracted.section, ...(declared ? { declaredZone: declared } : {}), ...(usual ? { mostUsedZone: usual } : {}), reading } };
}

function timestampsOf(timelines: ExtractedTimeline[]): ParsedTimestamp[] {
  return timelines.flatMap((timeline) => timeline.entries.flatMap((entry) => (entry.timestamp ? [entry.timestamp] : [])));
}

/** The first full date written in the timelines, for a window written with times only. */
function firstWrittenDate(timelines: ExtractedTimeline[]): CalendarDate | undefined {
  for (const timeline of timelines) {
    for (const item of [...timeline.markers.map((marker) => marker.timestamp), ...timestampsOf([timeline])]) {
      if (item.date?.year !== undefined) return { year: item.date.year, month: item.date.month, day: item.date.day };
    }
  }
  return undefined;
}

export interface BuiltTimeline {
  timeline: TimelineEntry[];
  timelineInfo: TimelineInfo;
}

/** The timeline sections' entries as written, before their times are read in the document's context. */
export interface TimelineExtraction {
  extracted: ExtractedTimeline[];
  dateOrder: 'mdy' | 'dmy';
}

export function extractTimelines(parsed: ParsedMarkdown, sections: Section[]): TimelineExtraction {
  const timelineSections = sectionsOfKind(sections, 'timeline');
  const extract = (dateOrder: 'mdy' | 'dmy') => {
    let runs = 0;
    return timelineSections.map((section, index) => {
      const read = extractTimeline(parsed, section, index, dateOrder, runs);
      runs += read.runs;
      return read.extracted;
    });
  };
  let extracted = extract('mdy');
  // "13/10/2023" anywhere in the timeline settles how "02/03/2022" reads.
  const dateOrder = inferDateOrder(timestampsOf(extracted)) ?? 'mdy';
  if (dateOrder === 'dmy') extracted = extract('dmy');
  return { extracted, dateOrder };
}

export function buildTimeline(
  parsed: ParsedMarkdown,
  sections: Section[],
  summary: SummaryFact[],
  frontMatter: FrontMatter | undefined,
  options: TimelineOptions = {},
  { extracted, dateOrder }: TimelineExtraction = extractTimelines(parsed, sections),
): BuiltTimeline {
  const fmZone = frontMatterZone(parsed, frontMatter);
  const zones = {
    frontMatter: fmZone,
    summary: summaryZones(parsed, sections, summary, dateOrder),
    // The configured zone is the front matter's when it has one.
    setting: fmZone ? undefined : settingZone(options.timezone),
  };
  const fmDate = frontMatter?.data.date;
  const configured = parseIsoDate(fmDate instanceof Date ? fmDate.toISOString().slice(0, 10) : options.date);
  const configuredSource: TimelineDateSource = fmDate !== undefined ? 'front-matter' : 'setting';
  const windowDate = configured ?? firstWrittenDate(extracted);
  const firstDeclared = extracted.find((timeline) => timeline.declaredZone)?.declaredZone;
  const windowZoneRef = (zones.frontMatter ?? firstDeclared ?? zones.setting ?? (extracted[0] && firstEntryZone(parsed, extracted[0].entries)))?.ref;
  const window = buildIncidentWindow(parsed, sections, summary, {
    dateOrder,
    zone: windowZoneRef && isResolvable(windowZoneRef) ? zoneSpec(windowZoneRef) : undefined,
    date: windowDate ?? STAND_IN_DATE,
    dateFrom: configured ? 'configured' : windowDate ? 'timeline' : 'stand-in',
  });

  const windowStart = window?.start;
  const base: DocumentContext['base'] =
    windowStart?.dateFrom === 'written'
      ? { date: windowStart.date, source: 'summary' }
      : configured
        ? { date: configured, source: configuredSource }
        : windowStart?.dateFrom === 'timeline'
          ? { date: windowStart.date, source: 'summary' }
          : { date: STAND_IN_DATE, source: 'unknown' };
  const context: DocumentContext = { parsed, window, base, zones };

  const timeline: TimelineEntry[] = [];
  const timelines: TimelineSectionInfo[] = [];
  for (const item of extracted) {
    const { entries, info } = resolveTimeline(context, item);
    timelines.push({ ...info, entries: { start: timeline.length, end: timeline.length + entries.length } });
    timeline.push(...entries);
  }

  const timed = timeline.filter((entry) => entry.precision === 'minute' && entry.instant !== undefined);
  const start = window?.start?.instant ?? extent(timed.map((entry) => entry.instant!))?.min;
  if (start !== undefined) for (const entry of timed) entry.elapsed = entry.instant! - start;
  const timelineInfo: TimelineInfo = {
    timelines,
    ...(window ? { window } : {}),
    ...(start !== undefined ? { start, startSource: window?.start ? 'summary' : 'timeline' } : {}),
    dateOrder,
  };
  return { timeline, timelineInfo };
}

