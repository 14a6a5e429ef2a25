import type { Fix } from '../../types';
import { entryClock } from '../../features/timelineEdits';
import { docsUrl, type Rule } from '../types';
import { declaredTitle, declareInHeadingEdit, sectionName, timelinesOf, written } from './timelineText';

const UNREAD_DECLARATION = /\b(?:all\s+times?|times?\s+(?:are\s+)?in|time\s*zone)\b/i;

/**
 * A time nobody gave a zone: not the entry, not the heading or a line of the timeline, not the table header,
 * the summary, the front matter or the settings, and not the first entry (a zone written once there carries).
 * When no time of the timeline has a zone it is reported once; otherwise on each time that lacks the zone
 * the others use.
 */
export const timelineTimezoneMissing: Rule = {
  meta: {
    id: 'timeline-timezone-missing',
    description: 'A timeline time has no time zone, written or declared.',
    defaultSeverity: 'warning',
    fixable: true,
    docs: docsUrl('timeline-timezone-missing'),
  },
  check({ document, report }) {
    for (const { info, entries } of timelinesOf(document)) {
      const unzoned = entries.filter((entry) => entry.timestamp?.time && !entry.zone);
      if (!unzoned.length) continue;
      // "Timeline (all times Greenwitch, United Kingdom)": a declaration whose zone is not one we know.
      const unreadable = UNREAD_DECLARATION.test(info.section.title);
      const declareUtc = unreadable ? undefined : declareInHeadingEdit(document, info.section, 'UTC');
      const declare: Fix[] = declareUtc ? [{ title: `Declare the times as UTC in the heading "${sectionName(info.section)}"`, edits: [declareUtc], placeholder: true }] : [];
      const usual = info.mostUsedZone;
      if (!usual) {
        const first = unzoned[0];
        const subject = unzoned.length === 1 ? `The time "${written(first)}"` : `None of the ${unzoned.length} times (first: "${written(first)}")`;
        const advice = unreadable
          ? `The heading "${info.section.title}" names a zone that cannot be read: write an abbreviation, offset or IANA name, e.g. "all times UTC" or "all times Europe/London".`
          : `Declare the zone once in the heading, e.g. "${declaredTitle(info.section, 'UTC')}", or write it after each time.`;
        report({
          range: first.timestampRange!,
          message: `${subject} in "${sectionName(info.section)}" ${unzoned.length === 1 ? 'has no' : 'has a'} time zone, so readers elsewhere cannot place ${unzoned.length === 1 ? 'it' : 'them'}. ${advice}`,
          fixes: declare,
        });
        continue;
      }
      for (const entry of unzoned) {
        const clock = entryClock(document, entry);
        const append: Fix[] = clock
          ? [{ title: `Write "${clock.text} ${usual.text}"`, edits: [{ range: document.source.rangeOf(clock.end, clock.end), newText: ` ${usual.text}` }], isPreferred: true }]
          : [];
        report({
          range: entry.timestampRange!,
          message: `"${written(entry)}" has no time zone, while the other times in "${sectionName(info.section)}" are in ${usual.text}. Write "${clock?.text ?? written(entry)} ${usual.text}" if that is what it means.`,
          fixes: [...append, ...declare],
        });
      }
    }
  },
};
