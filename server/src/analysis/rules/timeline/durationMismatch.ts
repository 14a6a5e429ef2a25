import type { TimelineEntry } from '../../model';
import { formatLength, lengthAgrees } from '../../model/incidentWindow';
import { isoDate } from '../../model/timeline';
import { extent } from '../../model/timelineClock';
import { docsUrl, type Rule } from '../types';
import { gap, timelinesOf, written } from './timelineText';

const MINUTE = 60_000;
/** Default for the `margin` option: how far outside the stated window a timeline entry may fall, in minutes. */
export const DEFAULT_MARGIN_MINUTES = 60;

function marginOption(options: Record<string, unknown>): number {
  const margin = options.margin;
  return typeof margin === 'number' && Number.isFinite(margin) && margin >= 0 ? margin : DEFAULT_MARGIN_MINUTES;
}

/**
 * The summary's incident window against itself and the timeline: a stated length that its start and end do not
 * give, an end before the start, and timeline entries that fall outside it by more than `margin` minutes (the
 * earliest before, the latest after). A timeline that starts with the trigger a little before the impact, or ends
 * with the follow-up a little after, stays quiet.
 */
export const durationMismatch: Rule = {
  meta: {
    id: 'duration-mismatch',
    description: "The summary's stated duration disagrees with its start and end, or with the timeline.",
    defaultSeverity: 'warning',
    fixable: true,
    docs: docsUrl('duration-mismatch'),
    optionsSchema: {
      type: 'object',
      properties: { margin: { type: 'number', minimum: 0, description: `Minutes a timeline entry may fall before the stated start or after the stated end (default ${DEFAULT_MARGIN_MINUTES}).` } },
      additionalProperties: false,
    },
  },
  check({ document, options, report }) {
    const { window } = document.timelineInfo;
    if (!window?.start || !window.end) return;
    const { start, end, stated } = window;
    const computed = (end.instant - start.instant) / MINUTE;
    if (computed < 0) {
      report({
        range: end.range,
        message: `The summary's duration ends ("${end.timestamp.text}"${end.dateWritten ? '' : `, ${isoDate(end.date)}`}) before it starts ("${start.timestamp.text}"). Check the end's date and time.`,
      });
      return;
    }
    // Both on real days, or both on the stand-in day of a document that never says its date; a window dated only
    // by borrowing the timeline's first date proves nothing about the timeline.
    const realDays = start.dateFrom === 'written' || start.dateFrom === 'configured';
    const comparable = (entry: TimelineEntry) =>
      entry.precision === 'minute' && entry.instant !== undefined && !entry.assumed?.zone && (realDays ? !entry.assumed?.date : start.dateFrom === 'stand-in' && Boolean(entry.assumed?.date));
    if (stated) {
      if (!lengthAgrees(stated, computed)) {
        const length = formatLength(computed, stated.minutesOnly);
        // When the timeline spans what the summary states, the start or end is the likelier mistake.
        const timed = timelinesOf(document).flatMap(({ entries }) => entries.filter(comparable));
        const range = timed.length > 1 ? extent(timed.map((entry) => entry.instant!)) : undefined;
        const span = range && (range.max - range.min) / MINUTE;
        const timelineAgrees = span !== undefined && lengthAgrees(stated, span);
        const advice = timelineAgrees
          ? `The timeline spans ${formatLength(span, stated.minutesOnly)}, as stated, so check the start and end; or write "${length}".`
          : `Write "${length}", or correct the start or end.`;
        report({
          range: stated.range,
          message: `The summary says "${stated.text}", but its start and end ("${start.timestamp.text}" to "${end.timestamp.text}") are ${length} apart. ${advice}`,
          fixes: [{ title: `Write "${length}"`, edits: [{ range: stated.range, newText: length }], isPreferred: !timelineAgrees }],
        });
      }
    }
    const margin = marginOption(options) * MINUTE;
    for (const { entries } of timelinesOf(document)) {
      const timed = entries.filter(comparable);
      const before = timed.filter((entry) => entry.instant! < start.instant - margin).sort((a, b) => a.instant! - b.instant!)[0];
      const after = timed.filter((entry) => entry.instant! > end.instant + margin).sort((a, b) => b.instant! - a.instant!)[0];
      if (before) {
        report({
          range: before.timestampRange!,
          message: `"${written(before)}" is ${gap(start.instant - before.instant!)} before the incident's start in the summary ("${start.timestamp.text}"). If the incident started earlier, correct the summary's duration.`,
        });
      }
      if (after) {
        report({
          range: after.timestampRange!,
          message: `"${written(after)}" is ${gap(after.instant! - end.instant)} after the incident's end in the summary ("${end.timestamp.text}"). If the incident lasted longer, correct the summary's duration.`,
        });
      }
    }
  },
};
