/** What the timeline rules share: the timelines of a document, how times and zones are named in messages, and the heading edit. */
import type { PostmortemDocument, Section, TimelineEntry, TimelineSectionInfo, TimelineZone } from '../../model';
import type { ZoneRef } from '../../time/zones';
import { formatInZone, type ZoneSpec } from '../../time/instants';
import type { TextEdit } from '../../types';

export interface Timeline {
  info: TimelineSectionInfo;
  entries: TimelineEntry[];
}

export function timelinesOf(document: PostmortemDocument): Timeline[] {
  return document.timelineInfo.timelines.map((info) => ({ info, entries: document.timeline.slice(info.entries.start, info.entries.end) }));
}

/** An entry's timestamp as written, for messages: "09:15 AM", "May 10, 2024, 08:30 UTC". */
export function written(entry: TimelineEntry): string {
  return entry.timestamp?.text.trim() ?? '';
}

/** The start of an entry's text, for an entry with no time: "Further investigation revealed that an…". */
export function excerpt(text: string, words = 6): string {
  const parts = text.replace(/\s+/g, ' ').trim().split(' ');
  return parts.length > words ? `${parts.slice(0, words).join(' ')}…` : parts.join(' ');
}

/** "East Africa Time", "UTC-05:00", "PST (Pacific Standard Time)". */
export function zoneName(ref: ZoneRef): string {
  if (!ref.label || ref.label === ref.text) return ref.text;
  if (ref.kind === 'abbreviation') return `${ref.text} (${ref.label})`;
  return ref.label;
}

const DECLARED_WHERE: Record<TimelineZone['source'], string> = {
  entry: 'on the entry',
  'declared-heading': 'in the heading',
  'declared-line': 'at the top of the timeline',
  'table-header': 'in the table header',
  summary: 'in the summary',
  'first-entry': 'on the first entry',
  'front-matter': 'in the front matter',
  setting: 'in the settings',
};

/** "in the heading", "in the summary": where a zone was declared, for messages. */
export function declaredWhere(zone: TimelineZone): string {
  return DECLARED_WHERE[zone.source];
}

/** "22:00 PST" for an instant in a zone, without the date when the reader does not need it. */
export function clockIn(instant: number, spec: ZoneSpec, label: string): string {
  const [, clock] = formatInZone(instant, spec).split(' ');
  return `${clock} ${label}`;
}

/** A timeline heading's name for messages: "Timeline" for "Timeline (all times PST ) Saturday Oct 30th 2021 - ...". */
export function sectionName(section: Section): string {
  const name = section.title.split(/\s*[(:]|\s+[-–—]\s+/)[0].trim() || section.title;
  return name.length > 40 ? `${name.slice(0, 39)}…` : name;
}

/** The heading with a zone declared: "Timeline" → "Timeline (all times UTC)", "Timeline:" → "Timeline (all times UTC):". */
function withDeclaration(word: string, zoneText: string): string {
  const colon = /:$/.exec(word) ? ':' : '';
  return `${word.slice(0, word.length - colon.length)} (all times ${zoneText})${colon}`;
}

/** How the heading reads once the zone is declared, for messages. */
export function declaredTitle(section: Section, zoneText: string): string {
  return withDeclaration(section.title, zoneText);
}

/**
 * Declares a zone in the timeline heading: "## Timeline" → "## Timeline (all times UTC)", "**Timeline:**" →
 * "**Timeline (all times UTC):**". Undefined when the title cannot be found as written in the heading.
 */
export function declareInHeadingEdit(document: PostmortemDocument, section: Section, zoneText: string): TextEdit | undefined {
  const heading = document.text.slice(section.startOffset, section.headingEndOffset);
  const at = heading.lastIndexOf(section.title);
  if (at < 0 || !section.title) return undefined;
  let offset = section.startOffset + at + section.title.length;
  // "**Timeline:**" has the title "Timeline" and its colon after it, inside the bold.
  if (document.text[offset] === ':') offset++;
  // Replacing the title's last word, not inserting: two findings offering the same edit must not insert twice.
  const word = /\S+$/.exec(document.text.slice(section.startOffset, offset))![0];
  return { range: document.source.rangeOf(offset - word.length, offset), newText: withDeclaration(word, zoneText) };
}

/** "1 minute", "2h 30m", "3 hours", "12 days": a gap between two entries, for messages. */
export function gap(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  if (minutes >= 2 * 1440) return `${Math.round(minutes / 1440)} days`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (!rest) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${hours}h ${rest}m`;
}
