/**
 * What the editor shows beside the timeline, computed from the model: an elapsed-time hint after each entry's time
 * ("T+00:15") and the lenses above each timeline heading ("Sort timeline", "Normalize times to UTC", the incident's
 * length). The server turns these into LSP inlay hints and code lenses.
 */
import type { PostmortemDocument } from '../model';
import { formatLength } from '../model/incidentWindow';
import { KEY_MOMENTS } from '../model/keyMoments';
import { extent } from '../model/timelineClock';
import { formatElapsed, formatElapsedClock } from '../time/instants';
import type { Position, Range } from '../types';

export interface ElapsedHint {
  /** Right after the entry's time. */
  position: Position;
  label: string;
  tooltip: string;
}

/** "T+00:15" after each timed entry, counted from the incident start (the summary's, else the first entry). */
export function elapsedHints(document: PostmortemDocument): ElapsedHint[] {
  const { startSource } = document.timelineInfo;
  const from = startSource === 'summary' ? "the incident's start in the summary" : 'the first entry of the timeline';
  return document.timeline.flatMap((entry) =>
    entry.elapsed === undefined || !entry.timestampRange ? [] : [{ position: entry.timestampRange.end, label: formatElapsedClock(entry.elapsed), tooltip: `${formatElapsed(entry.elapsed)} since ${from}` }],
  );
}

export type TimelineLensAction = 'sort' | 'normalize';

export interface TimelineLens {
  range: Range;
  title: string;
  /** Undefined for a lens that only informs (the incident's length). */
  action?: TimelineLensAction;
}

const MINUTE = 60_000;

/** The incident's length: the summary's start to end, else the first to the last time of the timeline. */
export function incidentLength(document: PostmortemDocument, timeline: number): { minutes: number; from: 'summary' | 'timeline' } | undefined {
  const { window, timelines } = document.timelineInfo;
  if (window?.start && window.end && window.end.instant >= window.start.instant) return { minutes: (window.end.instant - window.start.instant) / MINUTE, from: 'summary' };
  const info = timelines[timeline];
  const instants = document.timeline
    .slice(info.entries.start, info.entries.end)
    .flatMap((entry) => (entry.precision === 'minute' && entry.instant !== undefined ? [entry.instant] : []));
  const span = instants.length > 1 ? extent(instants) : undefined;
  return span && { minutes: (span.max - span.min) / MINUTE, from: 'timeline' };
}

/** "Detected +8m · Mitigated +48m · Resolved +1h 23m": the key moments after the start, in time order. */
export function keyMomentsLensTitle(document: PostmortemDocument): string | undefined {
  const { started, ...after } = document.keyMoments.moments;
  if (!started) return undefined;
  const parts = Object.values(after)
    .sort((a, b) => a.instant - b.instant || KEY_MOMENTS.indexOf(a.name) - KEY_MOMENTS.indexOf(b.name))
    .map((moment) => `${moment.name[0].toUpperCase()}${moment.name.slice(1)} ${formatElapsed(moment.instant - started.instant).slice(1)}`);
  return parts.length ? parts.join(' · ') : undefined;
}

/** The lenses above each timeline heading that has timed entries. */
export function timelineLenses(document: PostmortemDocument): TimelineLens[] {
  return document.timelineInfo.timelines.flatMap((info, index) => {
    const timed = document.timeline.slice(info.entries.start, info.entries.end).some((entry) => entry.instant !== undefined);
    if (!timed) return [];
    const range = info.section.headingRange;
    const lenses: TimelineLens[] = [
      { range, title: 'Sort timeline', action: 'sort' },
      { range, title: 'Normalize times to UTC', action: 'normalize' },
    ];
    const length = incidentLength(document, index);
    if (length) lenses.push({ range, title: length.from === 'summary' ? `Incident length: ${formatLength(length.minutes)}` : `Timeline spans ${formatLength(length.minutes)}` });
    const moments = index === 0 ? keyMomentsLensTitle(document) : undefined;
    if (moments) lenses.push({ range, title: moments });
    return lenses;
  });
}
