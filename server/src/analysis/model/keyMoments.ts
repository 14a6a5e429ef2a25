/**
 * The incident's key moments (started, detected, acknowledged, mitigated, resolved) and the times between them,
 * read from the timeline's resolved instants. The author's word wins and is never second-guessed: a front-matter
 * field (`detected: 2024-06-15T14:00:00Z`, `detected: 14:05 UTC`), then a marker on an entry (`{detected}`).
 * Otherwise an entry's words say it (word lists, options of `key-moment-missing`), and the summary's incident
 * window gives the start and, failing words, the end.
 */
import { BoundedCache } from '../util/boundedCache';
import type { ParsedMarkdown } from '../parsing/parse';
import { findTimestamp } from '../time/timestamps';
import type { Range } from '../types';
import { findWords, wordList, type WordList } from './wordList';
import { findStatedLength } from './incidentWindow';
import { fieldsIn } from './summary';
import { linesWithMatch, nodesOnLines } from './linesWithMatch';
import { calendarDate, instantOf, isResolvable, zoneSpec } from './timelineClock';
import type { TimelineEntry, TimelineInfo } from './timelineTypes';
import type { FrontMatter } from './types';
import { KEY_MOMENTS, type KeyMoment, type KeyMomentDurations, type KeyMomentMarker, type KeyMomentName, type KeyMoments, type StatedMetric } from './keyMomentTypes';

export * from './keyMomentTypes';

/** The lists an entry's words are read with. Each is an option `{ "words": [...], "allow": [...] }` of `key-moment-missing`. */
export const KEY_MOMENT_WORDS = {
  /** Impact, for the start when the summary states no window. */
  started: ['outage', 'outages', 'down', 'downtime', 'unavailable', 'unreachable', 'degraded', 'degradation', 'errors', 'error rate', 'error rates', 'failing', 'failures', 'timeouts', 'impact', 'impacted', 'affected', 'outage began', 'began failing', 'started failing'],
  detected: ['detected', 'detection', 'noticed', 'observed', 'spotted', 'alert', 'alerts', 'alerted', 'alarm', 'alarms', 'paged', 'report', 'reports', 'reported', 'became aware', 'flagged'],
  acknowledged: ['acknowledged', 'acked', 'ack', 'investigating', 'investigated', 'investigation', 'investigations', 'began investigating', 'started investigating', 'looking into', 'looked into', 'triage', 'triaged', 'triaging', 'responded', 'engaged', 'incident declared', 'declared an incident', 'joined'],
  mitigated: ['mitigated', 'mitigation', 'mitigate', 'rolled back', 'rollback', 'roll back', 'reverted', 'failover', 'failed over', 'workaround', 'work-around', 'began to recover', 'started to recover', 'beginning to recover', 'recovering', 'recovery', 'hotfix', 'deployed the fix', 'deployed a fix', 'fix deployed', 'fix was deployed', 'applied the fix', 'applied a fix', 'patched', 'restarted', 'restarting', 'rebooted', 'redirected', 'rerouted', 'drained', 'stabilized', 'stabilised'],
  resolved: ['resolved', 'restored', 'recovered', 'recovers', 'fully recovered', 'functioning normally', 'function normally', 'functions normally', 'working normally', 'operating normally', 'back to normal', 'returned to normal', 'back online', 'operational', 'incident closed', 'incident was closed', 'closed the incident', 'all clear', 'normal operation', 'normal operations'],
  /** A mitigation or resolution that did not hold: it cancels those before it. */
  setback: ['did not resolve', "didn't resolve", 'did not help', "didn't help", 'did not fix', "didn't fix", 'did not work', "didn't work", 'no improvement', 'not resolved', 'still present', 'still occurring', 'still failing', 'still down', 'persisted', 'recurred', 'reoccurred', 'resurfaced', 'reappeared', 'issue returned', 'errors returned', 'problem returned', 'unsuccessful', 'had no effect'],
  /** Words that make an entry a try, not a fact: "attempted to roll back", "seemed to be resolved". */
  tentative: ['attempted', 'attempt', 'attempting', 'tried', 'trying', 'seemed', 'appeared to', 'considered', 'proposed', 'discussed', 'suggested', 'planned', 'planning'],
  /** Words that make a resolution partial, hence a mitigation: "partially restored". */
  partial: ['partially', 'partial', 'began to', 'beginning to', 'started to', 'starting to', 'some', 'mostly'],
} as const;

type ListName = keyof typeof KEY_MOMENT_WORDS;
type Lists = Record<ListName, WordList>;

/** Words that deny what follows within a few words: "no alerts fired", "was not being closed". */
const NEGATION = new Set(['no', 'not', 'never', 'without', "didn't", "wasn't", "weren't", "isn't", "hasn't", "couldn't", 'cannot', "can't", 'unable']);
const NEGATION_REACH = 3;

const MINUTE = 60_000;
/** An entry says what happened in its first sentences: a pasted log after them is not read for words. */
const READ_CHARACTERS = 600;
const MARKER = /\{\s*((?:started|detected|acknowledged|mitigated|resolved)(?:\s*,\s*(?:started|detected|acknowledged|mitigated|resolved))*)\s*\}/gi;

const METRIC_FIELDS: Array<[keyof KeyMomentDurations, RegExp]> = [
  ['toDetect', /^(?:(?:mean )?time to (?:detect|detection|discover|discovery)|m?ttd)$/],
  ['toAcknowledge', /^(?:(?:mean )?time to (?:acknowledge|acknowledgement|acknowledgment|ack|respond|response)|m?tta)$/],
  ['toMitigate', /^(?:(?:mean )?time to (?:mitigate|mitigation)|m?ttm)$/],
  ['toResolve', /^(?:(?:mean )?time to (?:resolve|resolution|recover|recovery|restore|restoration|repair)|m?ttr)$/],
];

const STATED_METRIC_HINT = /\btime to \w|\bm?tt[adrm]\b/i;
/** What every line naming a metric of METRIC_FIELDS holds, in any case and after any markup. */
const METRIC_LINE = /time to |tt[adrm]/gi;

/** The times to detect, acknowledge, mitigate and resolve the report states, anywhere outside code. */
function statedMetrics(parsed: ParsedMarkdown): StatedMetric[] {
  const { source } = parsed;
  // Most reports state none: one scan of the text spares walking every paragraph on each keystroke.
  if (!STATED_METRIC_HINT.test(source.text)) return [];
  const candidates = nodesOnLines(parsed.tree.children, linesWithMatch(source, METRIC_LINE));
  return fieldsIn(parsed, candidates).flatMap((fact) => {
    const metric = METRIC_FIELDS.find(([, name]) => name.test(fact.name))?.[0];
    if (!metric) return [];
    const line = source.lineText(fact.range.start.line);
    const valueStart = line.indexOf(':') + 1;
    const found = findStatedLength(line.slice(valueStart), [], false);
    if (!found) return [];
    const { start, end, ...length } = found;
    const lineStart = source.lineStarts[fact.range.start.line] + valueStart;
    return [{ metric, label: fact.name, length, range: source.rangeOf(lineStart + start, lineStart + end) }];
  });
}

const listsCache = new BoundedCache<string, Lists>(64);

/** The word lists with the user's options applied, built once per distinct options. */
export function keyMomentLists(options: Record<string, unknown>): Lists {
  return listsCache.get(JSON.stringify(options ?? {}), (key) => {
    const parsed = JSON.parse(key) as Record<string, unknown>;
    const lists = {} as Lists;
    for (const name of Object.keys(KEY_MOMENT_WORDS) as ListName[]) {
      const own = parsed[name];
      lists[name] = wordList(KEY_MOMENT_WORDS[name], own && typeof own === 'object' && !Array.isArray(own) ? (own as Record<string, unknown>) : {});
    }
    return lists;
  });
}

/** The first phrase of a list the text says and does not deny. */
function says(list: WordList, text: string): string | undefined {
  return findWords(list, text).find((match) => !match.tokens.slice(Math.max(0, match.index - NEGATION_REACH), match.index).some((token) => NEGATION.has(token.word)))?.phrase;
}

/** Every marker written on a timeline entry's first line. */
function findMarkers(parsed: ParsedMarkdown, timeline: TimelineEntry[]): KeyMomentMarker[] {
  const { source } = parsed;
  return timeline.flatMap((entry, index) => {
    const lineEnd = source.offsetAt(entry.lineRange.end);
    const text = source.text.slice(entry.startOffset, lineEnd);
    return [...text.matchAll(MARKER)].map((match) => ({
      names: match[1].split(',').map((name) => name.trim().toLowerCase() as KeyMomentName),
      range: source.rangeOf(entry.startOffset + match.index, entry.startOffset + match.index + match[0].length),
      entry: index,
    }));
  });
}

/** A front-matter value as an instant: ISO 8601 with a zone, or a time read like a timeline's, on its day and in its zone. */
function frontMatterInstant(value: unknown, timeline: TimelineEntry[], info: TimelineInfo): { instant: number; dated: boolean } | undefined {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? { instant: value.getTime(), dated: true } : undefined;
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) {
    const ms = Date.parse(value.trim());
    return Number.isFinite(ms) ? { instant: ms, dated: true } : undefined;
  }
  const timestamp = findTimestamp(value, { dateOrder: info.dateOrder });
  if (!timestamp?.time) return undefined;
  const first = timeline.find((entry) => entry.date);
  const context = info.window?.start?.date ?? first?.date;
  const date = timestamp.date ? calendarDate(timestamp.date, context) : context;
  if (!date) return undefined;
  const declared = info.timelines.find((timeline) => timeline.declaredZone)?.declaredZone?.ref ?? first?.zone?.ref;
  const zone = timestamp.zone ?? declared;
  const instant = instantOf(date, timestamp.time, zone && isResolvable(zone) ? zoneSpec(zone) : { iana: 'UTC' });
  const dated = Boolean(timestamp.date?.year) || (first ? !first.assumed?.date : false) || Boolean(info.window?.start && info.window.start.dateFrom !== 'stand-in');
  return instant === undefined ? undefined : { instant, dated };
}

function frontMatterLine(parsed: ParsedMarkdown, frontMatter: FrontMatter, name: string): Range {
  const { source } = parsed;
  for (let line = frontMatter.range.start.line; line <= frontMatter.range.end.line; line++) {
    if (new RegExp(`^\\s*${name}\\s*:`).test(source.lineText(line))) return source.rangeOf(source.lineStarts[line], source.lineEnd(line));
  }
  return frontMatter.range;
}

interface Candidate {
  index: number;
  entry: TimelineEntry;
  instant: number;
  /** The entry's text without markers. */
  text: string;
}

/** Reads the key moments of a document from its resolved timeline, its summary window and its front matter. */
export function readKeyMoments(parsed: ParsedMarkdown, frontMatter: FrontMatter | undefined, timeline: TimelineEntry[], info: TimelineInfo, options: Record<string, unknown> = {}): KeyMoments {
  const lists = keyMomentLists(options);
  const markers = findMarkers(parsed, timeline);
  const moments: KeyMoments['moments'] = {};
  const dated = (entry: TimelineEntry) => !entry.assumed?.date;

  for (const name of KEY_MOMENTS) {
    const stated = frontMatter && frontMatterInstant(frontMatter.data[name], timeline, info);
    if (stated) {
      moments[name] = { name, ...stated, source: 'front-matter', range: frontMatterLine(parsed, frontMatter, name) };
      continue;
    }
    const marker = markers.find((candidate) => candidate.names.includes(name) && timeline[candidate.entry].instant !== undefined);
    if (marker) {
      const entry = timeline[marker.entry];
      moments[name] = { name, instant: entry.instant!, dated: dated(entry), source: 'marker', entry: marker.entry, range: marker.range };
    }
  }

  // Entries on a minute, in time order (the document's order among equals).
  const candidates: Candidate[] = timeline
    .map((entry, index) => ({ index, entry, instant: entry.instant!, text: entry.text.slice(0, READ_CHARACTERS).replace(MARKER, ' ') }))
    .filter(({ entry }) => entry.instant !== undefined && entry.precision === 'minute')
    .sort((a, b) => a.instant - b.instant || a.index - b.index);
  const fromWords = (name: KeyMomentName, candidate: Candidate, phrase: string): KeyMoment => ({ name, instant: candidate.instant, dated: dated(candidate.entry), source: 'words', entry: candidate.index, phrase });
  const firstSaying = (name: KeyMomentName, list: WordList, from: number | undefined, until = Infinity, accept: (candidate: Candidate) => boolean = () => true) => {
    for (const candidate of candidates) {
      if ((from !== undefined && candidate.instant < from) || candidate.instant > until || !accept(candidate)) continue;
      const phrase = says(list, candidate.text);
      if (phrase) return fromWords(name, candidate, phrase);
    }
    return undefined;
  };
  const { window } = info;
  const windowMoment = (name: KeyMomentName, end: NonNullable<typeof window>['start']): KeyMoment | undefined =>
    end && { name, instant: end.instant, dated: end.dateFrom !== 'stand-in', source: 'summary', range: end.range };

  // What the author did not state, in order: each moment is looked for after the ones before it.
  const settle = (name: KeyMomentName, read: () => KeyMoment | undefined) => {
    const moment = moments[name] ?? read();
    if (moment) moments[name] = moment;
  };
  settle('started', () => windowMoment('started', window?.start));
  settle('detected', () => firstSaying('detected', lists.detected, moments.started?.instant));
  // No stated start: the first entry describing impact, and a detection is one ("alert fired" with nothing before).
  settle('started', () => firstSaying('started', lists.started, undefined, moments.detected?.instant) ?? (moments.detected && { ...moments.detected, name: 'started', source: 'detection', phrase: undefined, range: undefined }));
  const afterDetection = moments.detected?.instant ?? moments.started?.instant;
  settle('acknowledged', () => moments.detected && firstSaying('acknowledged', lists.acknowledged, moments.detected.instant));

  // A mitigation or resolution holds unless a later entry says it did not, and it is neither a try nor denied.
  const setbacks = candidates.filter((candidate) => says(lists.setback, candidate.text)).map((candidate) => candidate.instant);
  const holds = (candidate: Candidate) => !setbacks.some((instant) => instant >= candidate.instant) && !says(lists.tentative, candidate.text);
  const partial = (candidate: Candidate) => Boolean(says(lists.partial, candidate.text));
  settle('resolved', () => firstSaying('resolved', lists.resolved, afterDetection, Infinity, (candidate) => holds(candidate) && !partial(candidate)) ?? windowMoment('resolved', window?.end));
  const until = moments.resolved?.instant ?? Infinity;
  settle(
    'mitigated',
    () =>
      firstSaying('mitigated', lists.mitigated, afterDetection, until, holds) ??
      // "Service partially restored": a resolution's words with a partial one.
      firstSaying('mitigated', lists.resolved, afterDetection, until, (candidate) => holds(candidate) && partial(candidate)),
  );

  return { moments, durations: durationsOf(moments), markers, stated: statedMetrics(parsed) };
}

function minutesBetween(from: KeyMoment | undefined, to: KeyMoment | undefined): number | undefined {
  return from && to ? (to.instant - from.instant) / MINUTE : undefined;
}

/** Time to detect, mitigate and resolve count from the start; time to acknowledge from detection. */
function durationsOf(moments: KeyMoments['moments']): KeyMomentDurations {
  const { started, detected, acknowledged, mitigated, resolved } = moments;
  const durations: KeyMomentDurations = {};
  const set = (key: keyof KeyMomentDurations, value: number | undefined) => {
    if (value !== undefined) durations[key] = value;
  };
  set('toDetect', minutesBetween(started, detected));
  set('toAcknowledge', minutesBetween(detected, acknowledged));
  set('toMitigate', minutesBetween(started, mitigated));
  set('toResolve', minutesBetween(started, resolved));
  return durations;
}
