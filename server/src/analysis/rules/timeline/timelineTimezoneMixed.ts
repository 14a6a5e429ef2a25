import { declaredTarget, inTargetZone, normalizeTimelineEdits, UTC_TARGET } from '../../features/timelineEdits';
import { isResolvable, readingSpec } from '../../model/timelineClock';
import { docsUrl, type Rule } from '../types';
import { declaredWhere, sectionName, timelinesOf, written, zoneName } from './timelineText';

/**
 * Times of one timeline written in different zones (a different offset at that moment: "UTC" and "GMT" are one
 * zone, "PST" in July is Los Angeles time like "PDT"). Reported on each time whose own zone differs from the
 * declared zone, else from the zone most times use. The fix rewrites every time in the declared zone, else UTC.
 */
export const timelineTimezoneMixed: Rule = {
  meta: {
    id: 'timeline-timezone-mixed',
    description: 'The times of one timeline are written in more than one time zone.',
    defaultSeverity: 'info',
    fixable: true,
    docs: docsUrl('timeline-timezone-mixed'),
  },
  check({ document, report }) {
    timelinesOf(document).forEach(({ info, entries }, index) => {
      const declared = info.declaredZone && !info.declaredZone.ref.meanings && isResolvable(info.declaredZone.ref) ? info.declaredZone : undefined;
      const reference = declared?.ref ?? info.mostUsedZone;
      if (!reference) return;
      const target = declaredTarget(declared) ?? UTC_TARGET;
      let edits: ReturnType<typeof normalizeTimelineEdits> | undefined;
      for (const entry of entries) {
        if (entry.zone?.source !== 'entry' || entry.zone.ref.meanings || entry.instant === undefined || inTargetZone(entry, readingSpec(reference, !entry.assumed?.date))) continue;
        edits ??= normalizeTimelineEdits(document, target, index);
        const against = declared ? `"${sectionName(info.section)}" declares ${zoneName(reference)} (${declaredWhere(declared)})` : `most times in "${sectionName(info.section)}" are in ${zoneName(reference)}`;
        report({
          range: entry.zone.range!,
          message: `"${written(entry)}" is in ${zoneName(entry.zone.ref)}, but ${against}. Times in mixed zones are easy to misread: write them all in one zone.`,
          fixes: edits.length ? [{ title: `Rewrite every time of "${sectionName(info.section)}" in ${target.text}`, edits }] : [],
        });
      }
    });
  },
};
