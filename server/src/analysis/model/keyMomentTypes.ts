/** The key moments of an incident as the model reads them: their shapes, apart from the reading (keyMoments.ts). */
import type { Range } from '../types';
import type { StatedLength } from './timelineTypes';

export const KEY_MOMENTS = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type KeyMomentName = (typeof KEY_MOMENTS)[number];

export interface KeyMoment {
  name: KeyMomentName;
  instant: number;
  /** The day is known: not a stand-in day of a timeline that never says its date. */
  dated: boolean;
  /**
   * The front matter or a marker (the author's), an entry's words, the summary's incident window, or (for the
   * start, when nothing before says impact) the detection.
   */
  source: 'front-matter' | 'marker' | 'words' | 'summary' | 'detection';
  /** Index in `PostmortemDocument.timeline` of the entry it was read from. */
  entry?: number;
  /** The phrase of the entry's words that says it ("began to recover"). */
  phrase?: string;
  /** Where the author stated it: the marker on the entry, or the front-matter line. */
  range?: Range;
}

/** A marker written on a timeline entry: `{detected}`, `{mitigated, resolved}`. */
export interface KeyMomentMarker {
  names: KeyMomentName[];
  range: Range;
  entry: number;
}

export interface KeyMomentDurations {
  /** Minutes from started to detected. */
  toDetect?: number;
  /** Minutes from detected to acknowledged. */
  toAcknowledge?: number;
  /** Minutes from started to mitigated. */
  toMitigate?: number;
  /** Minutes from started to resolved. */
  toResolve?: number;
}

/** A time to detect, acknowledge, mitigate or resolve the report states ("- Time to detection: 2 minutes"). */
export interface StatedMetric {
  metric: keyof KeyMomentDurations;
  /** "Time to detection", as written. */
  label: string;
  length: Omit<StatedLength, 'start' | 'end'>;
  /** The length's range. */
  range: Range;
}

export interface KeyMoments {
  moments: Partial<Record<KeyMomentName, KeyMoment>>;
  durations: KeyMomentDurations;
  markers: KeyMomentMarker[];
  stated: StatedMetric[];
}
