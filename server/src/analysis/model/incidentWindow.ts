/**
 * The incident window the summary states: "Duration: 2023-09-10 14:30 - 2023-09-10 15:45 (UTC)", separate
 * "Start Time:" and "End Time:" fields, or a sentence such as "The outage lasted from March 15, 2024, at 09:00 AM
 * to ... 01:00 PM (East Africa Time)." — with the length written beside it ("(2 hours 15 minutes)") when there is one.
 */
import type { ParsedMarkdown } from '../parsing/parse';
import { findTimestamps, type ParsedTimestamp } from '../time/timestamps';
import { findZone, findZoneDeclaration, type ZoneRef } from '../time/zones';
import type { ZoneSpec } from '../time/instants';
import { addDays, calendarDate, instantOf, letterSpec, zoneSpec } from './timelineClock';
import type { CalendarDate, IncidentWindow, StatedLength, TimelineZone, WindowEnd } from './timelineTypes';
import type { Section, SummaryFact } from './types';
import { sectionsOfKind } from './walk';

export type { StatedLength };

const WINDOW_FACT = /\bduration\b|^(?:when|time ?frame|incident window|outage window|period|time travel)$/;
const START_FACT = /^(?:(?:incident|outage) )?(?:start(?:ed)?|began|begin|beginning)(?: time| at)?$/;
const END_FACT = /^(?:(?:incident|outage) )?(?:end(?:ed)?|resolved|recovered|finish(?:ed)?)(?: time| at)?$/;

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const UNIT_MINUTES: Array<[RegExp, number]> = [
  [/^d(?:ays?)?$/i, 1440],
  [/^h(?:rs?|ours?)?$/i, 60],
  [/^m(?:ins?|inutes?)?$/i, 1],
];
// "2h", "45 mins", "2.5 hours", "an hour", "two days": a number word needs a space and a spelled-out unit ("and" is no "a" + "nd").
const PART = String.raw`(?:(\d+(?:\.\d+)?)\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m)|(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(days?|hours?|hrs?|minutes?|mins?))\b`;
const LENGTH_RE = new RegExp(String.raw`(?:(~|≈|approx(?:imately|\.)?|about|around|roughly|nearly|almost|over|under|more than|less than|just over|just under)\s*)?(?:half an hour|${PART}(?:(?:\s*,\s*|\s+and\s+|\s+)${PART})*)`, 'gi');
const PART_RE = new RegExp(PART, 'gi');
const LENGTH_CUE = /(?:\bduration\b[^.]*?|\b(?:lasted|lasting|for|took|total(?:ling)?|outage of|downtime of)\s*)$/i;

function unitMinutes(unit: string): number {
  return UNIT_MINUTES.find(([re]) => re.test(unit))?.[1] ?? 1;
}

/**
 * The first length written in `text` outside the given spans (the timestamps): "(2 hours 15 minutes)", "for 45 mins".
 * Not `cued`: any length, for a field that holds one ("Time to detection: 2 minutes").
 */
export function findStatedLength(text: string, skip: Array<{ start: number; end: number }> = [], cued = true): StatedLength | undefined {
  LENGTH_RE.lastIndex = 0;
  for (let match = LENGTH_RE.exec(text); match; match = LENGTH_RE.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (/[\p{L}\p{N}]/u.test(text[start - 1] ?? ' ')) continue;
    if (skip.some((span) => start < span.end && span.start < end)) continue;
    // A length of the incident, not any length ("delays of up to 2 days", "5 minutes after the update"): in brackets,
    // or after "Duration:", "lasted", "for".
    const before = text.slice(Math.max(0, start - 30), start);
    if (cued && !/\(\s*$/.test(before) && !LENGTH_CUE.test(before)) continue;
    // The qualifier ("approximately") is kept apart: a fix rewrites the length only.
    let lead = match[1] ? match[0].indexOf(match[1]) + match[1].length : 0;
    while (/\s/.test(match[0][lead] ?? '')) lead++;
    const body = match[0].slice(lead);
    let minutes = 0;
    let granularity = Infinity;
    let largest = 0;
    if (/^\s*half an hour/i.test(body)) {
      minutes = 30;
      granularity = 30;
      largest = 60;
    } else {
      PART_RE.lastIndex = 0;
      for (let part = PART_RE.exec(body); part; part = PART_RE.exec(body)) {
        const count = part[1] === undefined ? NUMBER_WORDS[part[3].toLowerCase()] : Number(part[1]);
        const unit = unitMinutes(part[2] ?? part[4]);
        minutes += count * unit;
        largest = Math.max(largest, unit);
        const fraction = count % 1;
        granularity = Math.min(granularity, fraction ? Math.max(1, unit * (fraction === 0.5 ? 0.5 : 0.25)) : unit);
      }
    }
    if (!minutes || !Number.isFinite(granularity)) continue;
    return { text: body, start: start + lead, end, minutes, approximate: Boolean(match[1]), granularity, minutesOnly: largest === 1 };
  }
  return undefined;
}

/** Whether a stated length fits a measured one: "2 hours" covers 1h 50m to 2h 10m, "about 2 hours" 1h 30m to 2h 30m, "103 minutes" a minute either way. */
export function lengthAgrees(stated: Pick<StatedLength, 'minutes' | 'approximate' | 'granularity'>, minutes: number): boolean {
  const tolerance = stated.approximate ? Math.max(stated.granularity / 2, stated.minutes * 0.15) : Math.max(1, Math.min(stated.granularity / 2, stated.minutes * 0.1));
  return Math.abs(minutes - stated.minutes) <= tolerance;
}

/** "2 hours 30 minutes", "45 minutes", "1 day 3 hours"; only minutes when the writer counted in minutes. */
export function formatLength(minutes: number, minutesOnly = false): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  const total = Math.round(minutes);
  if (minutesOnly) return plural(total, 'minute');
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  const parts = [days ? plural(days, 'day') : '', hours ? plural(hours, 'hour') : '', rest || (!days && !hours) ? plural(rest, 'minute') : ''];
  return parts.filter(Boolean).join(' ');
}

interface WindowLine {
  range: { start: number; end: number };
  /** Timestamps with a time, in document offsets. */
  times: ParsedTimestamp[];
  /** All timestamps of the line (for skipping them when reading a length). */
  all: ParsedTimestamp[];
  text: string;
  lineStart: number;
}

function readLine(parsed: ParsedMarkdown, line: number, dateOrder: 'mdy' | 'dmy'): WindowLine {
  const { source } = parsed;
  const text = source.lineText(line);
  const lineStart = source.lineStarts[line];
  const all = findTimestamps(text, { dateOrder });
  // "from 10:00 AM to 12:00 PM UTC on June 7, 2024": a trailing date belongs to the times before it.
  return { range: { start: lineStart, end: source.lineEnd(line) }, times: all.filter((t) => t.time), all, text, lineStart };
}

/** The summary's lines (its sections, headings included), else the lines before the first section. */
function summaryLines(parsed: ParsedMarkdown, sections: Section[]): number[] {
  const { source } = parsed;
  const summaries = sectionsOfKind(sections, 'summary');
  const spans = summaries.length ? summaries.map((section) => [section.startOffset, section.endOffset]) : [[0, sections[0]?.startOffset ?? source.text.length]];
  return spans.flatMap(([start, end]) => {
    const first = source.positionAt(start).line;
    const last = source.positionAt(end).line;
    return Array.from({ length: last - first + 1 }, (_, index) => first + index);
  });
}

/** "Start:" / "**<span>End time:</span>**" at the start of a line, markup and HTML tags aside. */
function labelled(text: string, label: RegExp): boolean {
  const plain = text.replace(/<[^>]+>/g, '').replace(/\*\*|__/g, '');
  const match = /^[\s>*+-]*([A-Za-z][A-Za-z ]{1,30}?)\s*:/.exec(plain);
  return Boolean(match && label.test(match[1].trim().toLowerCase()));
}

// Between the two times of a window: "14:00 to 16:30", "from 9:35 PM until 10:42 AM", "began at X and was resolved by Y".
const RANGE_BETWEEN = /\b(?:to|until|till|through|and)\b|[-–—~]/i;

/**
 * The summary line(s) stating the window, as [start line, end line] (the same line for "X to Y"): a duration or
 * window field, separate start and end fields, else the first line of the summary with two times joined as a range.
 */
function windowLines(parsed: ParsedMarkdown, sections: Section[], summary: SummaryFact[], dateOrder: 'mdy' | 'dmy'): { start: WindowLine; end: WindowLine; lengthLine?: WindowLine } | undefined {
  const read = (line: number) => readLine(parsed, line, dateOrder);
  const durationFact = summary.find((fact) => fact.name.includes('duration'));
  const lengthOnly = durationFact && read(durationFact.range.start.line).times.length === 0 ? read(durationFact.range.start.line) : undefined;
  for (const fact of summary) {
    if (!WINDOW_FACT.test(fact.name) && !START_FACT.test(fact.name)) continue;
    const line = read(fact.range.start.line);
    if (line.times.length >= 2) return { start: line, end: line };
  }
  const lines = summaryLines(parsed, sections).map(read);
  const start = lines.find((line) => line.times.length && labelled(line.text, START_FACT));
  const end = lines.find((line) => line.times.length && labelled(line.text, END_FACT));
  if (start && end) return { start, end, ...(lengthOnly ? { lengthLine: lengthOnly } : {}) };
  const range = lines.find((line) => line.times.length >= 2 && RANGE_BETWEEN.test(line.text.slice(line.times[0].end, line.times[1].start)));
  return range && { start: range, end: range };
}

/**
 * The zone the summary states: on the window's line(s) ("(UTC-5)" closing it, or a zone after either time), and,
 * with no window, on a time of the summary ("At approximately 7:30 pm (CST), ..."): the latter is weaker than a
 * zone written on the timeline's first entry.
 */
const DECLARES_ZONE = /\b(?:all\s+times?|times?\s+(?:are\s+)?(?:\w+\s+)?in|time\s*zone)\b/i;

export function summaryZones(parsed: ParsedMarkdown, sections: Section[], summary: SummaryFact[], dateOrder: 'mdy' | 'dmy'): { window?: TimelineZone; mention?: TimelineZone } {
  const window = windowLines(parsed, sections, summary, dateOrder);
  const windowZone = window && zoneOn(parsed, [...new Set([window.start, window.end])]);
  if (windowZone) return { window: windowZone };
  const lines = summaryLines(parsed, sections);
  // "All times are in EAT." in the summary or the opening text declares the zone for the whole report.
  // The opening text: before the first section, or under the document's title up to its first sub-section.
  const title = sections[0]?.level === 1 ? sections[0] : undefined;
  const openingEnd = title ? (title.children[0] ?? sections[1])?.startOffset ?? title.endOffset : sections[0]?.startOffset ?? 0;
  const opening = Array.from({ length: parsed.source.positionAt(openingEnd).line }, (_, line) => line);
  const declaring = [...new Set([...opening, ...lines])].filter((line) => DECLARES_ZONE.test(parsed.source.lineText(line))).map((line) => readLine(parsed, line, dateOrder));
  const declared = zoneOn(parsed, declaring.filter((line) => findZoneDeclaration(line.text)));
  if (declared) return { mention: declared };
  if (window) return {};
  const mention = zoneOn(
    parsed,
    lines
      .map((line) => readLine(parsed, line, dateOrder))
      // A time to the second is pasted output (an HTTP "Date:" header, a log line), not the writer's zone.
      .filter((line) => line.times.some((t) => t.zone && t.time?.second === undefined)),
  );
  return mention ? { mention } : {};
}

function zoneOn(parsed: ParsedMarkdown, candidates: WindowLine[]): TimelineZone | undefined {
  for (const line of candidates) {
    const zone: ZoneRef | undefined = findZoneDeclaration(line.text) ?? line.times.find((t) => t.zone)?.zone ?? findZone(line.text);
    if (zone) {
      const ref = { ...zone, start: zone.start + line.lineStart, end: zone.end + line.lineStart };
      return { ref, source: 'summary', range: parsed.source.rangeOf(ref.start, ref.end) };
    }
  }
  return undefined;
}

export interface WindowContext {
  dateOrder: 'mdy' | 'dmy';
  /** The zone of times the window does not zone itself. */
  zone?: ZoneSpec;
  /** The date of times the window does not date, and where it comes from. */
  date: CalendarDate;
  dateFrom: Exclude<WindowEnd['dateFrom'], 'written'>;
}

interface DatedAs {
  date: CalendarDate;
  from: WindowEnd['dateFrom'];
}

function windowEnd(parsed: ParsedMarkdown, line: WindowLine, t: ParsedTimestamp, dated: DatedAs, zone: ZoneSpec | undefined): WindowEnd | undefined {
  if (!t.time) return undefined;
  const own = t.zone && (dated.from === 'stand-in' ? letterSpec(t.zone) : zoneSpec(t.zone));
  const instant = instantOf(dated.date, t.time, own ?? zone ?? {});
  if (instant === undefined) return undefined;
  const timestamp = { ...t, start: t.start + line.lineStart, end: t.end + line.lineStart };
  return { timestamp, range: parsed.source.rangeOf(timestamp.start, timestamp.end), instant, date: dated.date, dateWritten: Boolean(t.date), dateFrom: dated.from };
}

export function buildIncidentWindow(parsed: ParsedMarkdown, sections: Section[], summary: SummaryFact[], context: WindowContext): IncidentWindow | undefined {
  const lines = windowLines(parsed, sections, summary, context.dateOrder);
  if (!lines) return undefined;
  const first = lines.start.times[0];
  const last = lines.end.times[lines.end.times.length - 1];
  const zoneOf = (line: WindowLine) => {
    const zone = findZoneDeclaration(line.text) ?? line.times.find((t) => t.zone)?.zone;
    return zone && zoneSpec(zone);
  };
  const zone = zoneOf(lines.start) ?? zoneOf(lines.end) ?? context.zone;
  const configured: DatedAs = { date: context.date, from: context.dateFrom };
  // A date written on the time, else anywhere on its line ("10:00 AM to 12:00 PM UTC on June 7, 2024").
  const writtenDate = (t: ParsedTimestamp, line: WindowLine, year: CalendarDate): DatedAs | undefined => {
    const local = t.date ?? line.all.find((other) => other.date)?.date;
    const date = local && calendarDate(local, year);
    return date ? { date, from: 'written' } : undefined;
  };
  const startDate = writtenDate(first, lines.start, context.date) ?? configured;
  const start = windowEnd(parsed, lines.start, first, startDate, zone);
  let endDate = (last.date ? writtenDate(last, lines.end, startDate.date) : undefined) ?? (lines.end === lines.start ? startDate : writtenDate(last, lines.end, startDate.date) ?? startDate);
  let finish = windowEnd(parsed, lines.end, last, endDate, zone);
  // "22:00 to 02:00" with no date on the end: the next day.
  if (start && finish && !last.date && finish.instant < start.instant) {
    endDate = { ...endDate, date: addDays(endDate.date, 1) };
    finish = windowEnd(parsed, lines.end, last, endDate, zone);
  }
  const statedLine = [lines.lengthLine, lines.start, lines.end].find((line) => line && findStatedLength(line.text, line.all));
  const stated = statedLine && findStatedLength(statedLine.text, statedLine.all);
  const { source } = parsed;
  return {
    range: source.rangeOf(lines.start.range.start, lines.start.range.end),
    ...(start ? { start } : {}),
    ...(finish ? { end: finish } : {}),
    ...(stated
      ? {
          stated: {
            text: stated.text,
            range: source.rangeOf(statedLine!.lineStart + stated.start, statedLine!.lineStart + stated.end),
            minutes: stated.minutes,
            approximate: stated.approximate,
            granularity: stated.granularity,
            minutesOnly: stated.minutesOnly,
          },
        }
      : {}),
  };
}
