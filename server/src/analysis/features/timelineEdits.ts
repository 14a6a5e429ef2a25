/**
 * The two whole-timeline edits: "Sort timeline" and "Normalize times to UTC" (or to the declared zone). Both are
 * used by quick fixes, code lenses and the `postmortem.applySortTimeline` / `postmortem.applyNormalizeTimeline`
 * commands, so they are computed here once, from the model.
 *
 * Sorting moves whole entries: each entry takes its nested content and whatever sits between it and the next
 * entry (an image, a code block, a note) along; the blank lines and separators between entries stay where they
 * were, and nothing else changes, so the document keeps every one of its lines. The sort is stable, and an entry
 * without a time stays after the entry before it.
 */
import { DateTime, FixedOffsetZone } from 'luxon';
import { BoundedCache } from '../util/boundedCache';
import type { PostmortemDocument, TimelineEntry, TimelineZone } from '../model';
import { clockSpan, format12, format24, isResolvable, offsetIn, readingSpec, sameDay, zoneSpec } from '../model/timelineClock';
import { readTimeline } from '../model/timelineReading';
import { luxonZone, type ZoneSpec } from '../time/instants';
import type { TextEdit } from '../types';

interface Chunk {
  start: number;
  end: number;
  entry: TimelineEntry;
}

function lineStartOf(document: PostmortemDocument, offset: number): number {
  return document.source.lineStarts[document.source.positionAt(offset).line];
}

/** End of the line holding the last non-blank character before `offset`. */
function contentLineEnd(document: PostmortemDocument, offset: number): number {
  let at = offset;
  while (at > 0 && /\s/.test(document.text[at - 1])) at--;
  return document.source.lineEnd(document.source.positionAt(Math.max(at - 1, 0)).line);
}

/**
 * The run's entries as movable chunks of whole lines, or undefined when an entry does not start its line (two
 * entries on one line cannot be moved apart without rewriting the line).
 */
function chunksOf(document: PostmortemDocument, entries: TimelineEntry[]): Chunk[] | undefined {
  const starts: number[] = [];
  for (const entry of entries) {
    const start = lineStartOf(document, entry.startOffset);
    if (!/^[ \t>]*$/.test(document.text.slice(start, entry.startOffset))) return undefined;
    if (starts.length && start <= starts[starts.length - 1]) return undefined;
    starts.push(start);
  }
  return entries.map((entry, index) => ({
    start: starts[index],
    end: index + 1 < entries.length ? contentLineEnd(document, starts[index + 1]) : contentLineEnd(document, entry.endOffset),
    entry,
  }));
}

function sameDate(a: TimelineEntry, b: TimelineEntry): boolean {
  return Boolean(a.date && b.date && sameDay(a.date, b.date));
}

/**
 * Stable time order. An entry without an instant keeps its place after the entry before it, and so does a date
 * without a time ("2024-03-13 14:??") on the day of the entry before it: it happened some time that day.
 */
function sortedChunks(chunks: Chunk[]): Chunk[] {
  const units: Array<{ key: number; chunks: Chunk[] }> = [];
  for (const chunk of chunks) {
    const { entry } = chunk;
    const last = units[units.length - 1];
    const attached = entry.instant === undefined || (entry.precision === 'day' && last && sameDate(last.chunks[0].entry, entry));
    if (attached && last) last.chunks.push(chunk);
    else units.push({ key: entry.instant ?? -Infinity, chunks: [chunk] });
  }
  return units
    .map((unit, index) => ({ unit, index }))
    .sort((a, b) => a.unit.key - b.unit.key || a.index - b.index)
    .flatMap(({ unit }) => unit.chunks);
}

/** Whether sorting leaves a run as it is (the order depends on the entries alone, not on where their chunks are). */
function inOrder(run: TimelineEntry[]): boolean {
  const chunks = run.map((entry) => ({ start: 0, end: 0, entry }));
  return sortedChunks(chunks).every((chunk, index) => chunk === chunks[index]);
}

function runsOf(document: PostmortemDocument): TimelineEntry[][] {
  const runs = new Map<number, TimelineEntry[]>();
  for (const entry of document.timeline) {
    const run = runs.get(entry.run);
    if (run) run.push(entry);
    else runs.set(entry.run, [entry]);
  }
  return [...runs.values()];
}

/** The edit rewriting a run from its chunks in document order to the sorted ones. */
function sortRunEdit(document: PostmortemDocument, chunks: Chunk[], sorted: Chunk[]): TextEdit {
  // Only the span from the first to the last chunk that moves is rewritten.
  let first = 0;
  while (sorted[first] === chunks[first]) first++;
  let last = chunks.length - 1;
  while (sorted[last] === chunks[last]) last--;
  let text = '';
  for (let index = first; index <= last; index++) {
    text += document.text.slice(sorted[index].start, sorted[index].end);
    if (index < last) text += document.text.slice(chunks[index].end, chunks[index + 1].start);
  }
  return { range: document.source.rangeOf(chunks[first].start, chunks[last].end), newText: text };
}

interface RunSort {
  chunks: Chunk[];
  sorted: Chunk[];
}

/**
 * Whether the timeline, read again in the sorted order, is in order: a time without a date takes its day from the
 * entry before it, so moving entries can change the day of others. Runs that would not settle are returned.
 */
function unsettled(document: PostmortemDocument, sorts: Map<number, RunSort>): number[] {
  const failed: number[] = [];
  // Only the timelines holding a run to sort are read again (an entry's `timeline` indexes timelineInfo.timelines).
  const byTimeline = new Map<number, Map<number, TimelineEntry[]>>();
  for (const [run, { sorted }] of sorts) {
    const timeline = sorted[0].entry.timeline;
    if (!byTimeline.has(timeline)) byTimeline.set(timeline, new Map());
    byTimeline.get(timeline)!.set(run, sorted.map((chunk) => chunk.entry));
  }
  [...byTimeline.keys()].sort((a, b) => a - b).forEach((timeline) => {
    const info = document.timelineInfo.timelines[timeline];
    const entries = document.timeline.slice(info.entries.start, info.entries.end);
    const reordered = byTimeline.get(timeline)!;
    const taken = new Map<number, number>();
    const order = entries.map((entry) => {
      const moved = reordered.get(entry.run);
      if (!moved) return entry;
      const at = taken.get(entry.run) ?? 0;
      taken.set(entry.run, at + 1);
      return moved[at];
    });
    // Each entry is read in the place it moves to.
    const readings = readTimeline(order.map((entry, index) => ({ offset: entries[index].startOffset, timestamp: entry.timestamp, zone: entry.zone })), info.reading);
    const replayed = new Map(order.map((entry, index) => [entry, readings[index] ? { ...entry, rollover: undefined, ...readings[index] } : entry]));
    for (const [run, moved] of reordered) {
      const chunks = moved.map((entry, index) => ({ start: index, end: index, entry: replayed.get(entry)! }));
      if (sortedChunks(chunks).some((chunk, index) => chunk !== chunks[index])) failed.push(run);
    }
  });
  return failed;
}

interface SortPlan {
  edits: TextEdit[];
  /** Runs whose entries the sort moves. */
  moved: Set<number>;
}

const sortPlans = new WeakMap<PostmortemDocument, SortPlan>();

/** The sort of every run, computed once per document version: rules ask for it once per finding. */
function sortPlan(document: PostmortemDocument): SortPlan {
  let plan = sortPlans.get(document);
  if (plan) return plan;
  const sorts = new Map<number, RunSort>();
  for (const run of runsOf(document)) {
    if (run.length < 2 || inOrder(run)) continue;
    const chunks = chunksOf(document, run);
    if (chunks) sorts.set(run[0].run, { chunks, sorted: sortedChunks(chunks) });
  }
  // A run that would not settle is left as it is (its entries are reported without a fix); the others are checked again.
  for (let failed = unsettled(document, sorts); failed.length; failed = unsettled(document, sorts)) for (const run of failed) sorts.delete(run);
  plan = { edits: [...sorts.values()].map(({ chunks, sorted }) => sortRunEdit(document, chunks, sorted)), moved: new Set(sorts.keys()) };
  sortPlans.set(document, plan);
  return plan;
}

/** Edits that sort every timeline of the document (one per run that is out of order). */
export function sortTimelineEdits(document: PostmortemDocument): TextEdit[] {
  return sortPlan(document).edits;
}

/** Whether the sort moves entries of the run this entry belongs to. */
export function sortMovesRun(document: PostmortemDocument, run: number): boolean {
  return sortPlan(document).moved.has(run);
}

// ---------------------------------------------------------------------------------------------------------
// Normalizing

/** The zone every time is rewritten in: UTC, or the timeline's declared zone. */
export interface NormalizeTarget {
  /** As written in the rewritten times ("UTC", "PST"). */
  text: string;
  spec: ZoneSpec;
  /** Declarations of another zone (heading, intro line, table header) are rewritten to this one. */
  rewriteDeclarations: boolean;
}

export const UTC_TARGET: NormalizeTarget = { text: 'UTC', spec: { iana: 'UTC' }, rewriteDeclarations: true };

/** The timeline's declared zone as a target, when it names one zone (not an ambiguous abbreviation). */
export function declaredTarget(zone: TimelineZone | undefined): NormalizeTarget | undefined {
  if (!zone || zone.ref.meanings || !isResolvable(zone.ref)) return undefined;
  return { text: zone.ref.text, spec: zoneSpec(zone.ref), rewriteDeclarations: false };
}

/** Whether an entry's time already reads the same in the target zone. */
export function inTargetZone(entry: TimelineEntry, spec: ZoneSpec): boolean {
  if (!entry.zone || entry.instant === undefined) return true;
  return offsetIn(readingSpec(entry.zone.ref, !entry.assumed?.date), entry.instant) === offsetIn(spec, entry.instant);
}

function targetZone(spec: ZoneSpec) {
  return luxonZone(spec) ?? FixedOffsetZone.instance(spec.offsetMinutes ?? 0);
}

/** An instant's wall-clock reading in a zone, with its date as rewritten times write it. */
interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  isoDate: string;
}

/** The instants of a timeline stay put while its text is edited elsewhere: their readings are kept. */
const localTimes = new BoundedCache<string, LocalTime>(5000);

function localTime(instant: number, spec: ZoneSpec): LocalTime {
  return localTimes.get(`${spec.iana ?? ''}|${spec.offsetMinutes ?? ''}|${instant}`, () => {
    const local = DateTime.fromMillis(instant, { zone: targetZone(spec) });
    return { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: local.second, isoDate: local.toFormat('yyyy-MM-dd') };
  });
}

/** The entry's timestamp written in the target zone, in the entry's own style (12- or 24-hour clock, date when it had one). */
function rewrite(entry: TimelineEntry, target: NormalizeTarget, explicitZone: boolean, padded: boolean): string {
  const timestamp = entry.timestamp!;
  const time = timestamp.time!;
  const local = localTime(entry.instant!, target.spec);
  const dayChanged = entry.date && (local.year !== entry.date.year || local.month !== entry.date.month || local.day !== entry.date.day);
  const withDate = Boolean(timestamp.date) || (dayChanged && !entry.assumed?.date);
  const second = time.second ? local.second : undefined;
  const clock = time.meridiem ? format12(local.hour, local.minute, padded, second) : format24(local.hour, local.minute, second);
  return [withDate ? local.isoDate : '', clock, explicitZone ? target.text : ''].filter(Boolean).join(' ');
}

/** "All times in CET (GMT+1)": the offset in brackets after a declared zone goes with it. */
const OFFSET_NOTE = /^\s*\((?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?\)/;

/**
 * Edits rewriting every time of every timeline in the target zone. Times with no zone anywhere are left alone
 * (nobody knows what to convert them from), and so are dates without a time.
 */
export function normalizeTimelineEdits(document: PostmortemDocument, target: NormalizeTarget = UTC_TARGET, only?: number): TextEdit[] {
  const { source } = document;
  const edits: TextEdit[] = [];
  const declarations = new Map<string, TimelineZone>();
  const timelines = document.timelineInfo.timelines;
  // Asked for one timeline (once per timeline with findings): only its slice of the entries is walked.
  const onlyInfo = only === undefined ? undefined : timelines[only];
  const entries = only === undefined ? document.timeline : onlyInfo ? document.timeline.slice(onlyInfo.entries.start, onlyInfo.entries.end) : [];
  // "09:15 AM" somewhere in a timeline: its rewritten 12-hour times are padded too.
  const padded = new Set(entries.filter((entry) => entry.timestamp?.time?.zeroPadded).map((entry) => entry.timeline));
  for (const entry of entries) {
    if (only !== undefined && entry.timeline !== only) continue;
    if (!entry.timestamp?.time || entry.instant === undefined || !entry.zone || entry.assumed?.zone) continue;
    const zone = entry.zone;
    const rewritable = target.rewriteDeclarations && ['declared-heading', 'declared-line', 'table-header'].includes(zone.source);
    if (inTargetZone(entry, target.spec)) continue;
    if (rewritable) declarations.set(`${zone.ref.start}:${zone.ref.end}`, zone);
    const explicit = zone.source === 'entry' || !rewritable;
    edits.push({ range: entry.timestampRange!, newText: rewrite(entry, target, explicit, padded.has(entry.timeline)) });
  }
  // A heading or intro line still naming another zone would contradict the rewritten times.
  timelines.forEach((info, index) => {
    if (only !== undefined && index !== only) return;
    const zone = info.declaredZone;
    if (!target.rewriteDeclarations || !zone) return;
    const instant = document.timeline.slice(info.entries.start, info.entries.end).find((entry) => entry.instant !== undefined)?.instant;
    if (instant === undefined) return;
    if (!['declared-heading', 'declared-line'].includes(zone.source) || zone.ref.meanings || !isResolvable(zone.ref)) return;
    if (offsetIn(zoneSpec(zone.ref), instant) !== offsetIn(target.spec, instant)) declarations.set(`${zone.ref.start}:${zone.ref.end}`, zone);
  });
  for (const zone of declarations.values()) {
    const note = OFFSET_NOTE.exec(document.text.slice(zone.ref.end, zone.ref.end + 20));
    edits.push({ range: source.rangeOf(zone.ref.start, zone.ref.end + (note?.[0].length ?? 0)), newText: target.text });
  }
  return edits;
}

/** The clock reading of an entry, as written, with its document offsets. */
export function entryClock(document: PostmortemDocument, entry: TimelineEntry): { start: number; end: number; text: string } | undefined {
  const timestamp = entry.timestamp;
  if (!timestamp?.time) return undefined;
  const span = clockSpan(timestamp.text, timestamp.time);
  if (!span) return undefined;
  const start = timestamp.start + span.start;
  const end = timestamp.start + span.end;
  return { start, end, text: document.text.slice(start, end) };
}
