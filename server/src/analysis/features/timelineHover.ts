/**
 * Hover on a timeline time: the instant in UTC (ISO 8601), the same instant in the timeline's declared zone, and
 * the time since the incident started ("T+1h 15m"), with what the reading had to assume said plainly. Also on the
 * start and end of the summary's duration.
 */
import type { KeyMoment, PostmortemDocument, TimelineEntry, TimelineSectionInfo, WindowEnd } from '../model';
import { isoDate } from '../model/timeline';
import { isResolvable, offsetIn, zoneSpec } from '../model/timelineClock';
import { formatElapsed, formatInZone, toIsoUtc } from '../time/instants';
import type { Range } from '../types';

export interface TimelineHover {
  range: Range;
  /** Markdown. */
  contents: string;
}

const SOURCE_WORDS: Record<string, string> = {
  entry: 'written on the entry',
  'declared-heading': 'declared in the heading',
  'declared-line': 'declared at the top of the timeline',
  'table-header': 'declared in the table header',
  summary: 'declared in the summary',
  'first-entry': 'written on the first entry',
  'front-matter': 'declared in the front matter',
  setting: 'from the postmortem.defaultTimezone setting',
};

const DATE_WORDS: Record<string, string> = {
  entry: 'written on the entry',
  previous: 'carried from the entry before',
  heading: 'from the date above the entry',
  summary: "from the summary's duration",
  'front-matter': 'from the front matter',
  setting: 'from the configuration',
};

function elapsedLine(document: PostmortemDocument, elapsed: number | undefined): string[] {
  const { start, startSource } = document.timelineInfo;
  if (elapsed === undefined || start === undefined) return [];
  const from = startSource === 'summary' ? "the incident's start in the summary" : 'the first entry';
  return [`**${formatElapsed(elapsed)}** since ${from}`];
}

const MOMENT_WHY: Record<KeyMoment['source'], (moment: KeyMoment) => string> = {
  marker: () => 'marked by the author',
  words: (moment) => `its words say so ("${moment.phrase}")`,
  detection: () => 'nothing before the detection describes impact',
  'front-matter': () => 'stated in the front matter',
  summary: () => "the summary's duration",
};

/** "**Key moment: detected** (its words say so ("alert"))", for each key moment read from the entry. */
function keyMomentLines(document: PostmortemDocument, index: number): string[] {
  return Object.values(document.keyMoments.moments)
    .filter((moment) => moment.entry === index)
    .map((moment) => `**Key moment: ${moment.name}** (${MOMENT_WHY[moment.source](moment)})`);
}

function entryHover(document: PostmortemDocument, entry: TimelineEntry, info: TimelineSectionInfo | undefined, index: number): string {
  const lines: string[] = [];
  const instant = entry.instant!;
  const knownDate = !entry.assumed?.date;
  const utc = formatInZone(instant, { iana: 'UTC' });
  lines.push(knownDate ? `**${toIsoUtc(instant)}** (UTC)` : `**${utc.split(' ')[1]} UTC** (no date: the day is not known)`);
  const declared = info?.declaredZone;
  // The same instant in the timeline's declared zone, unless that is UTC already.
  if (declared && !declared.ref.meanings && isResolvable(declared.ref) && offsetIn(zoneSpec(declared.ref), instant) !== 0) {
    const local = formatInZone(instant, zoneSpec(declared.ref));
    lines.push(`${knownDate ? local : local.split(' ').slice(1).join(' ')} in ${declared.ref.text}, the timeline's zone (${SOURCE_WORDS[declared.source]})`);
  }
  lines.push(...elapsedLine(document, entry.elapsed), ...keyMomentLines(document, index));
  const notes: string[] = [];
  if (entry.zone) notes.push(`Zone: ${entry.zone.ref.label && entry.zone.ref.label !== entry.zone.ref.text ? `${entry.zone.ref.text} (${entry.zone.ref.label})` : entry.zone.ref.text}, ${SOURCE_WORDS[entry.zone.source]}.`);
  if (entry.zone?.ref.meanings) notes.push(`"${entry.zone.ref.text}" has several meanings; read as ${entry.zone.ref.meanings[0].label}.`);
  if (!entry.zone) notes.push(`No time zone is written or declared: read as ${info?.mostUsedZone?.text ?? 'UTC'}.`);
  if (entry.date && knownDate && entry.dateSource !== 'entry') notes.push(`Date: ${isoDate(entry.date)}, ${entry.rollover ? 'the day after the entry before (the clock went back across midnight)' : DATE_WORDS[entry.dateSource ?? 'previous']}.`);
  const time = entry.timestamp?.time;
  if (time?.twelveHour && !time.meridiem && entry.hour !== undefined && time.hour !== entry.hour) notes.push(`No AM or PM: read as ${entry.hour < 12 ? 'AM' : 'PM'} after the entry before.`);
  return [...lines, ...(notes.length ? ['', ...notes] : [])].join('\n\n');
}

function windowHover(document: PostmortemDocument, end: WindowEnd, which: 'start' | 'end'): string {
  const lines = [end.dateFrom === 'stand-in' ? `**${formatInZone(end.instant, { iana: 'UTC' }).split(' ')[1]} UTC**` : `**${toIsoUtc(end.instant)}** (UTC)`];
  const { start } = document.timelineInfo.window!;
  if (which === 'end' && start) lines.push(`**${formatElapsed(end.instant - start.instant)}** after the start`);
  lines.push(`The incident's ${which}, from the summary.`);
  return lines.join('\n\n');
}

function contains(range: Range, line: number, character: number): boolean {
  const after = line > range.start.line || (line === range.start.line && character >= range.start.character);
  const before = line < range.end.line || (line === range.end.line && character <= range.end.character);
  return after && before;
}

/** The hover at a position, when it is on a resolved timeline time or on the summary's start or end. */
export function timelineHover(document: PostmortemDocument, line: number, character: number): TimelineHover | undefined {
  const { timelines, window } = document.timelineInfo;
  const index = document.timeline.findIndex((entry) => entry.timestampRange && entry.instant !== undefined && entry.precision === 'minute' && contains(entry.timestampRange, line, character));
  if (index >= 0) {
    const entry = document.timeline[index];
    const info = timelines.find((timeline) => index >= timeline.entries.start && index < timeline.entries.end);
    return { range: entry.timestampRange!, contents: entryHover(document, entry, info, index) };
  }
  for (const which of ['start', 'end'] as const) {
    const end = window?.[which];
    if (end && contains(end.range, line, character)) return { range: end.range, contents: windowHover(document, end, which) };
  }
  return undefined;
}
