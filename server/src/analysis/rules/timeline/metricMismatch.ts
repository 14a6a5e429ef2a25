import type { KeyMoment, KeyMomentName, PostmortemDocument } from '../../model';
import { formatLength, lengthAgrees } from '../../model/incidentWindow';
import type { KeyMomentDurations } from '../../model/keyMoments';
import { docsUrl, type Rule } from '../types';

/** Each time is counted between two key moments. */
const SPANS: Record<keyof KeyMomentDurations, [KeyMomentName, KeyMomentName]> = {
  toDetect: ['started', 'detected'],
  toAcknowledge: ['detected', 'acknowledged'],
  toMitigate: ['started', 'mitigated'],
  toResolve: ['started', 'resolved'],
};

/** Where a moment was read, for the message: `detected at "14:05 UTC"`, `started at the summary's start`. */
function where(document: PostmortemDocument, moment: KeyMoment): string {
  const entry = moment.entry === undefined ? undefined : document.timeline[moment.entry];
  if (moment.source === 'front-matter') return `${moment.name} in the front matter`;
  if (moment.source === 'summary') return `${moment.name} at the summary's ${moment.name === 'started' ? 'start' : 'end'}`;
  return `${moment.name} at "${entry?.timestamp?.text ?? entry?.text.slice(0, 30)}"`;
}

/**
 * A time to detect, acknowledge, mitigate or resolve the report states ("Time to detection: 2 minutes") that
 * the timeline's key moments do not give. The fix writes the timeline's figure.
 */
export const metricMismatch: Rule = {
  meta: {
    id: 'metric-mismatch',
    description: 'A stated time to detect, acknowledge, mitigate or resolve disagrees with the timeline.',
    defaultSeverity: 'warning',
    fixable: true,
    docs: docsUrl('metric-mismatch'),
  },
  check({ document, report }) {
    const { moments, durations, stated } = document.keyMoments;
    for (const { metric, label, length, range } of stated) {
      const minutes = durations[metric];
      if (minutes === undefined || minutes < 0 || lengthAgrees(length, minutes)) continue;
      const [from, to] = SPANS[metric].map((name) => moments[name]!);
      // A start borrowed from the detection is no measurement of the start.
      if (from.source === 'detection') continue;
      const measured = formatLength(minutes, length.minutesOnly);
      report({
        range,
        message: `"${label}" says ${length.text}, but the timeline gives ${measured} (${where(document, from)}, ${where(document, to)}). Correct the figure, or mark the key moments on the timeline ({${to.name}}).`,
        fixes: [{ title: `Write "${measured}"`, edits: [{ range, newText: measured }] }],
      });
    }
  },
};
