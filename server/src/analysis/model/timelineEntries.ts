/**
 * Which parts of a timeline section are entries, and the timestamp each one is written with.
 *
 * Entries are list and task items, table rows, lines that open with a time (`**14:05 UTC** -`, `At 12:05 AM:`)
 * and headings that carry a time (`### 16:59 PST`, whose section is the entry's text). A heading or a line that
 * is only a date (`#### August 15, 2024`, `01-10-2024`) is no entry: it dates the entries after it. Nested
 * content belongs to its entry; code, HTML and quotes are never entries.
 *
 * A list or table counts as timeline entries when one of its items has a timestamp, so that "**Root causes:**"
 * bullets under a dated sub-heading stay out; when nothing in the timeline has a timestamp every list counts,
 * and the timeline is reported as having no times at all.
 */
import type { Code, List, ListItem, Nodes, Paragraph, Table } from 'mdast';
import { endOffset, plainText, startOffset, type ParsedMarkdown } from '../parsing/parse';
import { findTimestamps, type ParsedTimestamp } from '../time/timestamps';
import { findZone, findZoneDeclaration } from '../time/zones';
import { nodesBetween, shiftRange, SpanReuse, type Shift } from '../util/spanReuse';
import { sectionShape, sectionTree } from './sectionShape';
import { clockSpan } from './timelineClock';
import type { TimelineZone } from './timelineTypes';
import type { Section } from './types';

export interface RawEntry {
  kind: 'list-item' | 'line' | 'table-row' | 'heading';
  text: string;
  start: number;
  end: number;
  /** End of the entry's first line, for its diagnostics. */
  lineEnd: number;
  section: Section;
  timestamp?: ParsedTimestamp;
  /** The zone declared for this entry's place: a table header or a heading above it. */
  scopeZone?: TimelineZone;
  run: number;
  timeline: number;
}

/** A heading or line that is only a date: the entries after it (in its section) are on that day. */
export interface DateMarker {
  offset: number;
  timestamp: ParsedTimestamp;
}

export interface ExtractedTimeline {
  section: Section;
  /** What it was placed from: the same object at each analysis while the section's nodes are unchanged. */
  stored: object;
  entries: RawEntry[];
  markers: DateMarker[];
  /** Declared in the timeline heading or a line of the section body (not a sub-heading). */
  declaredZone?: TimelineZone;
}

// Markup before an entry's text on its line: quote and list markers, a task box, heading hashes, bold, HTML tags;
// also bullet glyphs typed as text ("● 10:00 AM", "•14:05") and markers without their space ("-10:00 AM"), which
// Markdown leaves in a paragraph.
const LINE_PREFIX = /^[ \t>]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|[●•◦▪‣·][ \t]*|[-*+](?=\d))?(?:#{1,6}[ \t]*)?(?:(?:<[a-z][^>]*>|\*\*|__|[*_~`])[ \t]*)*/i;
// Words that may stand between that markup and the time: "At 12:05 AM", "On May 21, 2020", "~14:00".
const LEAD_WORDS = /^(?:(?:at|on|by|from|around|about|approx\.?|approximately|circa|since|@|~|≈)[ \t]*)*[([]?[ \t]*$/i;
// After a date with nothing else on the line: closing markup and punctuation.
const DATE_ONLY_TAIL = /^[\s*_~`:.,)\]–—-]*(?:<\/[a-z]+>[\s*_:]*)*$/i;
/** "**Detection:**", "Actions Taken:": an item that only names the part below it. */
const LABEL = /^[^.!?]{1,60}:$/;
/** "- **Note:** ...": a remark between entries, not an event. */
const NOTE = /^(?:notes?|nb|n\.b\.|p\.?s\.?)\s*[:–—-]/i;
const TIME_COLUMN = /\b(?:time|date|when|timestamp|hour)s?\b/i;

interface Context {
  parsed: ParsedMarkdown;
  dateOrder: 'mdy' | 'dmy';
  timeline: number;
  nextRun: () => number;
}

function lineOf(parsed: ParsedMarkdown, offset: number): { text: string; start: number } {
  const line = parsed.source.positionAt(offset).line;
  return { text: parsed.source.lineText(line), start: parsed.source.lineStarts[line] };
}

function shiftTimestamp(t: ParsedTimestamp, by: number): ParsedTimestamp {
  const out: ParsedTimestamp = { ...t, start: t.start + by, end: t.end + by };
  if (t.zone) out.zone = { ...t.zone, start: t.zone.start + by, end: t.zone.end + by };
  return out;
}

/**
 * "22:30 UTC (Oct 29)": a time, then its date in brackets or after a comma, read as one timestamp.
 * The time library merges "14:30 UTC, March 9" itself; brackets it leaves apart.
 */
function withTrailingDate(line: string, found: ParsedTimestamp[], index: number): ParsedTimestamp {
  const first = found[index];
  const next = found[index + 1];
  if (!first.time || first.date || !next || next.time || !next.date) return first;
  const gap = line.slice(first.end, next.start);
  if (!/^[\s,([]*$/.test(gap)) return first;
  const close = /^\s*[)\]]/.exec(line.slice(next.end));
  const end = next.end + (close && /[([]/.test(gap) ? close[0].length : 0);
  return { ...first, end, text: line.slice(first.start, end), date: next.date };
}

const RANGE_GAP = /^\s*(?:-|–|—|to|until|till|through)\s*$/i;

/**
 * "14:20-2:00": the time that ends a range opened by `found[index]`, kept on the timestamp. A zone written once
 * after the range ("10:00-11:00 UTC") is the start's too.
 */
function withRangeEnd(line: string, found: ParsedTimestamp[], index: number, timestamp: ParsedTimestamp): ParsedTimestamp {
  const next = found[index + 1];
  if (!next?.time || next.date || !RANGE_GAP.test(line.slice(found[index].end, next.start))) return timestamp;
  const span = clockSpan(next.text, next.time);
  const out: ParsedTimestamp = { ...timestamp, until: { text: span ? next.text.slice(span.start, span.end) : next.text, time: next.time } };
  if (!out.zone && next.zone) out.zone = next.zone;
  return out;
}

/** The timestamp a line opens with (after markup and words such as "At"), offsets in the document. */
function leadingTimestamp(line: string, lineStart: number, dateOrder: 'mdy' | 'dmy'): ParsedTimestamp | undefined {
  const found = findTimestamps(line, { dateOrder });
  if (!found.length) return undefined;
  const prefix = LINE_PREFIX.exec(line)?.[0].length ?? 0;
  if (found[0].start < prefix || !LEAD_WORDS.test(line.slice(prefix, found[0].start))) return undefined;
  return shiftTimestamp(withRangeEnd(line, found, 0, withTrailingDate(line, found, 0)), lineStart);
}

// Before a time inside a sentence: "started at 09:30 AM", "restored by 01:00 PM", "on March 15, 2024, at 09:00 AM";
// or a label: "**Issue Detection Time**: 2023-09-10 14:30".
const TIME_PREPOSITION = /\b(?:at|by|around|about|approximately|approx\.?|from|on|until|till|since|before|after|~)\s*$|^[^:]{1,40}:\s*(?:\*\*|__)?\s*$/i;

/**
 * The first timestamp with a time inside a sentence ("Initial investigations started at 09:30 AM"), after a
 * preposition: a time pasted into a log line ("... test failed 12:14pm EAT: ...") is not when the entry happened.
 */
function firstTimeIn(text: string, offset: number, dateOrder: 'mdy' | 'dmy'): ParsedTimestamp | undefined {
  // Line by line, so that a timestamp and its trailing date are read from the same line.
  const lineBreak = /\r\n|\r|\n|$/g;
  let lineStart = 0;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    const line = text.slice(lineStart, match.index);
    const found = findTimestamps(line, { dateOrder });
    const index = found.findIndex((t) => t.time && TIME_PREPOSITION.test(line.slice(0, t.start).replace(/\*\*|__/g, '')));
    if (index >= 0) return shiftTimestamp(withTrailingDate(line, found, index), offset + lineStart);
    if (match.index >= text.length) break;
    lineStart = match.index + match[0].length;
  }
  return undefined;
}

function anyTimeIn(sentence: string, offset: number, dateOrder: 'mdy' | 'dmy'): ParsedTimestamp | undefined {
  const found = findTimestamps(sentence, { dateOrder }).find((t) => t.time);
  return found && shiftTimestamp(found, offset);
}

/** True when nothing but markup follows the timestamp on its line: the line is a date marker. */
function isDateOnlyLine(parsed: ParsedMarkdown, timestamp: ParsedTimestamp): boolean {
  if (timestamp.time || !timestamp.date) return false;
  const { text, start } = lineOf(parsed, timestamp.start);
  return DATE_ONLY_TAIL.test(text.slice(timestamp.end - start));
}

function ownText(item: ListItem): string {
  const first = item.children[0];
  return first && first.type !== 'list' ? plainText(first).trim() : '';
}

function itemTimestamp(ctx: Context, item: ListItem): ParsedTimestamp | undefined {
  const { parsed, dateOrder } = ctx;
  const start = startOffset(parsed, item);
  const line = lineOf(parsed, start);
  const leading = leadingTimestamp(line.text, line.start, dateOrder);
  if (leading) return leading;
  const first = item.children[0];
  if (first && first.type === 'paragraph') {
    const from = startOffset(parsed, first);
    const inText = firstTimeIn(parsed.source.text.slice(from, endOffset(parsed, first)), from, dateOrder);
    if (inText) return inText;
  }
  // "- **Detection:**" with the time on the first nested line ("  - November 10, 2023, 15:30 UTC").
  const nested = item.children.find((child): child is List => child.type === 'list');
  if (LABEL.test(ownText(item)) && nested?.children[0]) {
    const nestedLine = lineOf(parsed, startOffset(parsed, nested.children[0]));
    return leadingTimestamp(nestedLine.text, nestedLine.start, dateOrder);
  }
  return undefined;
}

interface Candidate {
  entries: RawEntry[];
  /** Whether any entry has a timestamp: containers without one are entries only in a timeline with no times. */
  timed: boolean;
}

function entry(ctx: Context, section: Section, kind: RawEntry['kind'], text: string, start: number, end: number, timestamp: ParsedTimestamp | undefined, run: number): RawEntry {
  const { source } = ctx.parsed;
  const lineEnd = Math.min(source.lineEnd(source.positionAt(start).line), end);
  return { kind, text, start, end, lineEnd, section, ...(timestamp ? { timestamp } : {}), run, timeline: ctx.timeline };
}

function listCandidate(ctx: Context, section: Section, list: List, run: number, scopeZone: TimelineZone | undefined): Candidate {
  const entries: RawEntry[] = [];
  for (const item of list.children) {
    const text = ownText(item);
    if (NOTE.test(text)) continue;
    const raw = entry(ctx, section, 'list-item', text, startOffset(ctx.parsed, item), endOffset(ctx.parsed, item), itemTimestamp(ctx, item), run);
    if (scopeZone) raw.scopeZone = scopeZone;
    entries.push(raw);
  }
  return { entries, timed: entries.some((e) => e.timestamp) };
}

function tableCandidate(ctx: Context, section: Section, table: Table, scopeZone: TimelineZone | undefined): Candidate {
  const { parsed, dateOrder } = ctx;
  const [header, ...rows] = table.children;
  const cellText = (index: number, row = header) => (row?.children[index] ? plainText(row.children[index]).trim() : '');
  const cellTimestamp = (row: (typeof rows)[number], index: number) => {
    const cell = row.children[index];
    if (!cell) return undefined;
    const from = startOffset(parsed, cell);
    const found = findTimestamps(parsed.source.text.slice(from, endOffset(parsed, cell)), { dateOrder });
    return found[0] && shiftTimestamp(found[0], from);
  };
  const width = header?.children.length ?? 0;
  let column = Array.from({ length: width }, (_, index) => index).find((index) => TIME_COLUMN.test(cellText(index)));
  column ??= Array.from({ length: width }, (_, index) => index).find((index) => rows.some((row) => cellTimestamp(row, index)));
  const run = ctx.nextRun();
  let zone = scopeZone;
  if (column !== undefined && header?.children[column]) {
    const cell = header.children[column];
    const from = startOffset(parsed, cell);
    const declared = findZoneDeclaration(parsed.source.text.slice(from, endOffset(parsed, cell)));
    if (declared) {
      const ref = { ...declared, start: declared.start + from, end: declared.end + from };
      zone = { ref, source: 'table-header', range: parsed.source.rangeOf(ref.start, ref.end) };
    }
  }
  const entries = rows.map((row) => {
    const text = row.children.map((cell) => plainText(cell).trim()).filter(Boolean).join(' | ');
    const raw = entry(ctx, section, 'table-row', text, startOffset(parsed, row), endOffset(parsed, row), column === undefined ? undefined : cellTimestamp(row, column), run);
    if (zone) raw.scopeZone = zone;
    return raw;
  });
  return { entries, timed: entries.some((e) => e.timestamp) };
}

/** The run being filled: consecutive containers of one kind in one section are sorted together. */
interface RunState {
  kind?: 'list' | 'line';
  id?: number;
}

function runId(ctx: Context, state: RunState, kind: 'list' | 'line'): number {
  if (state.kind !== kind || state.id === undefined) {
    state.kind = kind;
    state.id = ctx.nextRun();
  }
  return state.id;
}

/**
 * Lines of a paragraph that open with a timestamp each open an entry; the lines after one belong to it. A line
 * that is only a date is a marker: it ends the entry before it, and the entries after it start a new run.
 */
function paragraphEntries(ctx: Context, section: Section, paragraph: Paragraph | Code, state: RunState, scopeZone: TimelineZone | undefined, markers: DateMarker[]): RawEntry[] {
  const { parsed } = ctx;
  const { source } = parsed;
  const start = startOffset(parsed, paragraph);
  const end = endOffset(parsed, paragraph);
  const first = source.positionAt(start).line;
  const last = source.positionAt(end).line;
  const opens: Array<{ line: number; timestamp?: ParsedTimestamp }> = [];
  for (let line = first; line <= last; line++) {
    const timestamp = leadingTimestamp(source.lineText(line), source.lineStarts[line], ctx.dateOrder);
    // In indented text, a time to the second opens a pasted log line, not an entry.
    if (!timestamp || (paragraph.type === 'code' && timestamp.time?.second !== undefined)) continue;
    if (isDateOnlyLine(parsed, timestamp)) {
      markers.push({ offset: source.lineStarts[line], timestamp });
      opens.push({ line });
    } else {
      opens.push({ line, timestamp });
    }
  }
  const entries: RawEntry[] = [];
  opens.forEach(({ line, timestamp }, index) => {
    if (!timestamp) {
      state.id = undefined;
      return;
    }
    const lineStart = Math.max(start, source.lineStarts[line]);
    const entryEnd = index + 1 < opens.length ? source.lineEnd(opens[index + 1].line - 1) : end;
    const text = source.text.slice(lineStart, source.lineEnd(line)).replace(/[*_`]/g, '').trim();
    const raw = entry(ctx, section, 'line', text, lineStart, Math.max(entryEnd, source.lineEnd(line)), timestamp, runId(ctx, state, 'line'));
    if (scopeZone) raw.scopeZone = scopeZone;
    entries.push(raw);
  });
  return entries;
}

/** Nodes that may sit between two entries of one run and move with the entry before them: images, code, HTML, rules. */
function isAttachment(node: Nodes): boolean {
  if (node.type === 'code' || node.type === 'html' || node.type === 'thematicBreak') return true;
  return node.type === 'paragraph' && node.children.every((child) => child.type === 'image' || child.type === 'html' || (child.type === 'text' && !child.value.trim()) || child.type === 'break' || (child.type === 'link' && child.children.every((inner) => inner.type === 'image')));
}

/**
 * Text indented four spaces renders as a code block, but in a timeline it is the writer's lines, not a program's
 * output: read it as text. Fenced code stays code (pasted logs).
 */
function isIndentedText(parsed: ParsedMarkdown, node: Nodes): node is Code {
  return node.type === 'code' && !/^[ \t>]*(?:```|~~~)/.test(lineOf(parsed, startOffset(parsed, node)).text);
}

/** An entry that opens like a sentence ("At 9:35 the alert fired"), not like an entry line ("14:05 - ..."). */
const PROSE_OPENING = /^[\s>●•]*(?:at|on|by|around|about|approximately|from|since)\s/i;

// A sentence: up to a full stop, "!" or "?" followed by a space or the end ("9.35" and "a.m." stay inside).
const SENTENCE = /(?:[^.!?]|[.!?](?=\S))+[.!?]*/g;

/**
 * A timeline written as prose ("At 9:35 the alert fired. We rolled back at 9:50."): each sentence that opens with
 * a time or has one after a preposition is an entry. Read where nothing else in the timeline has a time, or where
 * a paragraph holds several timed sentences; each sentence is its own run, so that sorting never moves text
 * inside a paragraph. With `anyTime` (a timeline with no other time) a sentence's first clock time counts
 * wherever it stands ("The issue was detected the 02/02/2022 at 5 PM").
 */
function proseEntries(ctx: Context, section: Section, node: Paragraph | Code, scopeZone: TimelineZone | undefined, anyTime = false): RawEntry[] {
  const { parsed } = ctx;
  const from = startOffset(parsed, node);
  const text = parsed.source.text.slice(from, endOffset(parsed, node));
  const entries: RawEntry[] = [];
  SENTENCE.lastIndex = 0;
  for (let match = SENTENCE.exec(text); match; match = SENTENCE.exec(text)) {
    const sentence = match[0].trim();
    if (!sentence) continue;
    const start = from + match.index + match[0].indexOf(sentence);
    const timestamp = leadingTimestamp(sentence, start, ctx.dateOrder) ?? firstTimeIn(sentence, start, ctx.dateOrder) ?? (anyTime ? anyTimeIn(sentence, start, ctx.dateOrder) : undefined);
    if (!timestamp || (node.type === 'code' && timestamp.time?.second !== undefined)) continue;
    const raw = entry(ctx, section, 'line', sentence.replace(/\s+/g, ' ').replace(/[*_`]/g, ''), start, start + sentence.length, timestamp, ctx.nextRun());
    if (scopeZone) raw.scopeZone = scopeZone;
    entries.push(raw);
  }
  return entries;
}

function declarationIn(parsed: ParsedMarkdown, from: number, to: number, source: TimelineZone['source'], find = findZoneDeclaration): TimelineZone | undefined {
  const declared = find(parsed.source.text.slice(from, to));
  if (!declared) return undefined;
  const ref = { ...declared, start: declared.start + from, end: declared.end + from };
  return { ref, source, range: parsed.source.rangeOf(ref.start, ref.end) };
}

function headingDeclaration(parsed: ParsedMarkdown, section: Section): TimelineZone | undefined {
  return declarationIn(parsed, section.startOffset, section.headingEndOffset, 'declared-heading');
}

/** The timeline's own heading names its zone in any words: "Timeline - Central Africa Time (GMT+2)", "Timeline, Nairobi time". */
function timelineHeadingZone(parsed: ParsedMarkdown, section: Section): TimelineZone | undefined {
  return headingDeclaration(parsed, section) ?? declarationIn(parsed, section.startOffset, section.headingEndOffset, 'declared-heading', (text) => findZone(text));
}

/** A line of the section's own text that declares the zone ("All times in UTC.", "> (all times in Pacific Time)"). */
function lineDeclaration(parsed: ParsedMarkdown, section: Section): TimelineZone | undefined {
  for (const node of section.nodes) {
    if (node.type !== 'paragraph' && node.type !== 'blockquote' && node.type !== 'html') continue;
    const found = declarationIn(parsed, startOffset(parsed, node), endOffset(parsed, node), 'declared-line');
    if (found) return found;
  }
  return undefined;
}

interface Walk {
  ctx: Context;
  candidates: Candidate[];
  markers: DateMarker[];
  /** Second pass over a timeline in which nothing had a time: read its sentences (see proseEntries). */
  prose?: boolean;
}

/** The entries of a section's body and its sub-sections, in document order. */
function visitSection(walk: Walk, section: Section, scopeZone: TimelineZone | undefined): void {
  const { ctx } = walk;
  const { parsed } = ctx;
  const state: RunState = {};
  for (const node of section.nodes) {
    if (walk.prose) {
      if ((node.type === 'paragraph' && !isAttachment(node)) || isIndentedText(parsed, node)) {
        const entries = proseEntries(ctx, section, node, scopeZone, true);
        if (entries.length) walk.candidates.push({ entries, timed: true });
      }
      continue;
    }
    if (node.type === 'list') {
      walk.candidates.push(listCandidate(ctx, section, node, runId(ctx, state, 'list'), scopeZone));
    } else if (node.type === 'table') {
      state.id = undefined;
      walk.candidates.push(tableCandidate(ctx, section, node, scopeZone));
    } else if ((node.type === 'paragraph' && !isAttachment(node)) || isIndentedText(parsed, node)) {
      let entries = paragraphEntries(ctx, section, node, state, scopeZone, walk.markers);
      // "At 9:35 the alert fired. We rolled back at 9:50.": a sentence, not an entry line ("14:05 - Alert fired."),
      // and more timed sentences after it.
      if (entries.length === 1 && PROSE_OPENING.test(entries[0].text)) {
        const sentences = proseEntries(ctx, section, node, scopeZone);
        if (sentences.length > 1) entries = sentences;
      }
      // A paragraph that is not an entry (an intro, a label) ends the run; indented text without times moves with the entry before.
      if (entries.length) walk.candidates.push({ entries, timed: true });
      else if (node.type === 'paragraph') state.id = undefined;
    } else if (!isAttachment(node)) {
      state.id = undefined;
    }
  }
  let headingRun: number | undefined;
  for (const child of section.children) {
    if (walk.prose) {
      visitSection(walk, child, headingDeclaration(parsed, child) ?? lineDeclaration(parsed, child) ?? scopeZone);
      continue;
    }
    const line = lineOf(parsed, child.startOffset);
    const timestamp = leadingTimestamp(line.text, line.start, ctx.dateOrder);
    if (timestamp?.time) {
      headingRun ??= ctx.nextRun();
      const raw = entry(ctx, child, 'heading', child.title, child.startOffset, child.endOffset, timestamp, headingRun);
      const zone = headingDeclaration(parsed, child) ?? scopeZone;
      if (zone) raw.scopeZone = zone;
      walk.candidates.push({ entries: [raw], timed: true });
      continue;
    }
    headingRun = undefined;
    // "### October 21, 2025 - Redis Overload": the entries below are on that day.
    const dated = timestamp?.date ? timestamp : findTimestamps(line.text, { dateOrder: ctx.dateOrder }).find((t) => t.date?.year !== undefined && !t.time);
    if (dated?.date) walk.markers.push({ offset: child.startOffset, timestamp: dated === timestamp ? dated : shiftTimestamp(dated, line.start) });
    visitSection(walk, child, headingDeclaration(parsed, child) ?? lineDeclaration(parsed, child) ?? scopeZone);
  }
}

function readTimeline(parsed: ParsedMarkdown, section: Section, dateOrder: 'mdy' | 'dmy'): { extracted: Omit<ExtractedTimeline, 'stored'>; runs: number } {
  let runs = 0;
  const ctx: Context = { parsed, dateOrder, timeline: 0, nextRun: () => runs++ };
  const declaredZone = timelineHeadingZone(parsed, section) ?? lineDeclaration(parsed, section);
  const walk: Walk = { ctx, candidates: [], markers: [] };
  // The timeline heading itself may carry the dates: "Timeline (all times PST) Saturday Oct 30th 2021 - ...".
  const headingLine = lineOf(parsed, section.startOffset);
  const headingDate = findTimestamps(headingLine.text, { dateOrder }).find((t) => t.date?.year !== undefined && !t.time);
  if (headingDate) walk.markers.push({ offset: section.startOffset, timestamp: shiftTimestamp(headingDate, headingLine.start) });
  visitSection(walk, section, undefined);
  if (!walk.candidates.some((candidate) => candidate.timed)) visitSection({ ...walk, prose: true }, section, undefined);
  const anyTimed = walk.candidates.some((candidate) => candidate.timed);
  const entries = walk.candidates.filter((candidate) => candidate.timed || !anyTimed).flatMap((candidate) => candidate.entries);
  entries.sort((a, b) => a.start - b.start);
  return { extracted: { section, entries, markers: walk.markers, ...(declaredZone ? { declaredZone } : {}) }, runs };
}

/**
 * A timeline section's entries as stored for reuse: each entry's section as an index into `sectionTree`, runs
 * counted from 0 in the section, and no objects of the analysis that read it.
 */
interface DetachedTimeline {
  entries: Array<Omit<RawEntry, 'section'> & { sectionIndex: number }>;
  markers: DateMarker[];
  declaredZone?: TimelineZone;
  runs: number;
}

function detached({ extracted, runs }: { extracted: Omit<ExtractedTimeline, 'stored'>; runs: number }): DetachedTimeline {
  const index = new Map(sectionTree(extracted.section).map((section, at) => [section, at]));
  return {
    entries: extracted.entries.map(({ section, ...entry }) => ({ ...entry, sectionIndex: index.get(section)! })),
    markers: extracted.markers,
    ...(extracted.declaredZone ? { declaredZone: extracted.declaredZone } : {}),
    runs,
  };
}

function movedZone(zone: TimelineZone, by: Shift): TimelineZone {
  return { ...zone, ref: { ...zone.ref, start: zone.ref.start + by.offset, end: zone.ref.end + by.offset }, ...(zone.range ? { range: shiftRange(zone.range, by) } : {}) };
}

/** A stored extraction placed where its nodes are now, attached to the current sections, its runs numbered from `firstRun`. */
function placed(stored: DetachedTimeline, by: Shift, section: Section, timeline: number, firstRun: number): ExtractedTimeline {
  const sections = sectionTree(section);
  // Timestamps and zones are never modified once read: unmoved ones are shared.
  const moves = by.offset !== 0 || by.line !== 0;
  const entries = stored.entries.map((entry): RawEntry => {
    // Written out rather than spread: this runs for every entry of a long timeline on every keystroke.
    const moved: RawEntry = { kind: entry.kind, text: entry.text, start: entry.start + by.offset, end: entry.end + by.offset, lineEnd: entry.lineEnd + by.offset, section: sections[entry.sectionIndex], run: entry.run + firstRun, timeline };
    if (entry.timestamp) moved.timestamp = moves ? shiftTimestamp(entry.timestamp, by.offset) : entry.timestamp;
    if (entry.scopeZone) moved.scopeZone = moves ? movedZone(entry.scopeZone, by) : entry.scopeZone;
    return moved;
  });
  if (!moves) return { section, stored, entries, markers: stored.markers, ...(stored.declaredZone ? { declaredZone: stored.declaredZone } : {}) };
  const markers = stored.markers.map((marker) => ({ offset: marker.offset + by.offset, timestamp: shiftTimestamp(marker.timestamp, by.offset) }));
  return { section, stored, entries, markers, ...(stored.declaredZone ? { declaredZone: movedZone(stored.declaredZone, by) } : {}) };
}

/** Timeline sections read at earlier versions of the document, reused while their nodes are (see util/spanReuse.ts). */
const readBefore = new SpanReuse<DetachedTimeline>();

/**
 * The entries of one outermost timeline section, the `timeline`-th of the document, its runs numbered from
 * `firstRun`; `runs` is how many it used.
 */
export function extractTimeline(parsed: ParsedMarkdown, section: Section, timeline: number, dateOrder: 'mdy' | 'dmy', firstRun: number): { extracted: ExtractedTimeline; runs: number } {
  const nodes = nodesBetween(parsed, section.startOffset, section.endOffset);
  const base = nodes.length ? startOffset(parsed, nodes[0]) : 0;
  const stored = readBefore.get(parsed, nodes, `${dateOrder}|${sectionShape(parsed, section, base)}`, () => detached(readTimeline(parsed, section, dateOrder)));
  return { extracted: placed(stored.value, stored.moved, section, timeline, firstRun), runs: stored.value.runs };
}
