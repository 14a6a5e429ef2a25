import { KEY_MOMENT_WORDS } from '../../model/keyMoments';
import { docsUrl, type Rule } from '../types';

export const KEY_MOMENT_MISSING = 'key-moment-missing';

const wordListSchema = (what: string) => ({
  type: 'object',
  description: what,
  properties: {
    words: { type: 'array', items: { type: 'string' }, description: 'Words and phrases to add to the built-in list.' },
    allow: { type: 'array', items: { type: 'string' }, description: 'Built-in words and phrases to take out of the list.' },
  },
  additionalProperties: false,
});

const LIST_DESCRIPTIONS: Record<keyof typeof KEY_MOMENT_WORDS, string> = {
  started: 'Words of an entry that describes impact: the start, when the summary states no incident window.',
  detected: 'Words of the entry where the problem was noticed (an alert, a customer report).',
  acknowledged: 'Words of the entry where a responder took the incident.',
  mitigated: 'Words of the entry where impact stopped or was reduced (rollback, failover, workaround).',
  resolved: 'Words of the entry of full recovery.',
  setback: 'Words saying a mitigation or resolution did not hold ("did not help", "still present").',
  tentative: 'Words making an entry a try, not a fact ("attempted", "seemed").',
  partial: 'Words making a resolution partial, hence a mitigation ("partially restored").',
};

/**
 * The report never says when the problem was detected, or when it was resolved: the first questions of a review.
 * The key moments are read once in the model (see model/keyMoments.ts); this rule's options are the word lists.
 */
export const keyMomentMissing: Rule = {
  meta: {
    id: KEY_MOMENT_MISSING,
    description: 'The report never says when the problem was detected or when it was resolved.',
    defaultSeverity: 'info',
    fixable: false,
    docs: docsUrl(KEY_MOMENT_MISSING),
    optionsSchema: {
      type: 'object',
      properties: Object.fromEntries(Object.entries(LIST_DESCRIPTIONS).map(([name, what]) => [name, wordListSchema(what)])),
      additionalProperties: false,
    },
  },
  check({ document, report }) {
    const timeline = document.timelineInfo.timelines.find((info) => document.timeline.slice(info.entries.start, info.entries.end).some((entry) => entry.instant !== undefined));
    if (!timeline) return;
    const { detected, resolved } = document.keyMoments.moments;
    const missing = [detected ? '' : 'detected', resolved ? '' : 'resolved'].filter(Boolean);
    if (!missing.length) return;
    const what = missing.length === 2 ? 'says neither when the problem was detected nor when it was resolved' : `never says when the problem was ${missing[0]}`;
    const how =
      missing.length === 2
        ? 'Mark the entries with `{detected}` and `{resolved}` at the end of their lines, or write `detected:` and `resolved:` in the front matter.'
        : `Mark the entry with \`{${missing[0]}}\` at the end of its line, or write \`${missing[0]}:\` in the front matter.`;
    report({ range: timeline.section.headingRange, message: `The report ${what}. ${how}` });
  },
};
