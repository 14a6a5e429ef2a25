import { docsUrl, type Rule } from '../types';
import { excerpt, sectionName, timelinesOf, written } from './timelineText';

/**
 * A timeline entry with no time nor date. When no entry of the timeline has one, the timeline is reported once,
 * on its heading: one problem, not one per line.
 */
export const timelineMissingTime: Rule = {
  meta: {
    id: 'timeline-missing-time',
    description: 'A timeline entry says what happened but not when.',
    defaultSeverity: 'warning',
    fixable: false,
    docs: docsUrl('timeline-missing-time'),
  },
  check({ document, report }) {
    for (const { info, entries } of timelinesOf(document)) {
      if (!entries.length) continue;
      if (entries.every((entry) => !entry.timestamp)) {
        report({
          range: info.section.headingRange,
          message: `${entries.length === 1 ? `The only entry under "${sectionName(info.section)}" has no time` : `None of the ${entries.length} entries under "${sectionName(info.section)}" has a time`}. Start each entry with when it happened (e.g. "14:05 UTC - Alert fired") so readers can follow the order of events.`,
        });
        continue;
      }
      let before: string | undefined;
      for (const entry of entries) {
        if (entry.timestamp) {
          before = written(entry);
          continue;
        }
        const after = before ? `, while the entry before it says "${before}"` : '';
        report({
          range: entry.lineRange,
          message: `The timeline entry "${excerpt(entry.text)}" has no time${after}. Start it with when it happened so it can be placed in order.`,
        });
      }
    }
  },
};
