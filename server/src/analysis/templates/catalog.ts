import type { TemplateSection } from './types';

/**
 * The canonical sections every template draws from. A section id means the same question in every
 * template ("root-cause": why did it happen?), so a document checked against one template still has its
 * sections recognised by another, and hover, completion and rules speak of the same thing.
 *
 * Names here are how real reports title the section (the corpus in ../shared/corpus and the published
 * templates of Google, PagerDuty, Atlassian, Azure, Elastic and others). They are matched after
 * normalisation (`normalizeHeading`): case, punctuation, numbering and emoji do not matter.
 */
const NAMES = {
  summary: [
    'summary', 'issue summary', 'incident summary', 'executive summary', 'overview', 'incident overview', 'tl dr', 'tldr',
    'abstract', 'summary of the incident', 'summary of incident', 'brief summary', 'synopsis',
  ],
  impact: [
    'impact', 'customer impact', 'user impact', 'end user impact', 'business impact', 'infrastructure impact', 'productivity impact',
    'summary of impact', 'impact assessment', 'impact analysis', 'affected users', 'affected customers', 'affected services',
    'who was affected', 'blast radius',
  ],
  'what-happened': ['what happened', 'incident description', 'description of the incident', 'outage description', 'details of incident', 'how did it happen', 'chain of events'],
  leadup: ['leadup', 'lead up', 'background', 'context', 'what led to the incident', 'events leading up to the incident', 'prior changes'],
  fault: ['fault', 'failure', 'what failed', 'fault description'],
  'root-cause': [
    'root cause', 'root causes', 'root cause analysis', 'rca', 'cause', 'causes', 'root cause of the issue', 'cause of the outage',
    'what caused it', 'what caused', 'why did it happen', 'why it happened', 'identified cause', 'underlying cause', 'primary cause',
    'contributing factors', 'contributing conditions',
  ],
  trigger: ['trigger', 'triggers', 'triggering event', 'what triggered it', 'proximate cause'],
  'contributing-factors': [
    'contributing factors', 'contributing factor', 'contributing conditions', 'contributing conditions analysis', 'contributing causes',
    'root cause', 'root causes', 'root cause analysis',
  ],
  'five-whys': ['five whys', '5 whys', 'five why', '5 why analysis', 'why analysis'],
  detection: ['detection', 'how it was detected', 'how was it detected', 'how was the incident detected', 'how we found out', 'discovery', 'alerting'],
  response: ['response', 'incident response', 'escalation', 'escalations', 'how we responded'],
  resolution: [
    'resolution', 'resolution and recovery', 'recovery', 'mitigation', 'fix', 'the fix', 'how it was resolved', 'how we fixed it',
    'resolution steps', 'remediation', 'solution', 'details of fix', 'service restoration', 'restoration', 'measures taken',
  ],
  timeline: [
    'timeline', 'incident timeline', 'timeline of events', 'event timeline', 'chronology', 'sequence of events', 'timeline of the incident',
    'detailed timeline', 'time line', 'timeline summary',
  ],
  'action-items': [
    'action items', 'corrective and preventative measures', 'corrective and preventive measures', 'correct and preventative measures',
    'corrective measures', 'preventative measures', 'preventive measures', 'corrective actions', 'preventive actions', 'follow ups', 'follow up',
    'follow up tasks', 'follow up actions', 'followups', 'follow up items', 'next steps', 'todos', 'to dos', 'todo', 'tasks', 'action plan', 'actions', 'improvements',
    'remediation items', 'remediation actions', 'remediation tasks', 'remediations', 'preventative actions', 'future improvements', 'improvement items',
    'open items', 'preventing recurrence', 'prevention', 'future prevention', 'recommendations', 'corrective and protective actions',
    'how are we preventing it from happening again', 'preventing it from happening again',
  ],
  lessons: [
    'lessons learned', 'lessons learnt', 'lessons', 'learnings', 'key learnings', 'key takeaways', 'takeaways', 'reflections',
    'what we learned', 'how did we do', "how'd we do",
  ],
  'went-well': ['what went well', 'went well', 'things that went well', 'what worked'],
  'went-wrong': [
    'what went wrong', 'what went badly', 'what didnt go well', 'what didnt go so well', 'what could have gone better',
    'what could have been better', 'things that went wrong', 'what could be improved',
  ],
  'got-lucky': ['where we got lucky', 'where did we get lucky', 'where we were lucky', 'lucky breaks'],
  responders: ['responders', 'people involved', 'names of people involved', 'incident responders', 'who was involved', 'participants', 'incident team'],
  'backlog-check': ['backlog check', 'backlog', 'backlog review'],
  'related-incidents': ['related incidents', 'recurrence', 'similar incidents', 'previous incidents', 'prior incidents'],
  messaging: [
    'messaging', 'communication', 'communications', 'internal email', 'external message', 'customer communication', 'status page',
    'external communication', 'internal communication',
  ],
  'supporting-information': [
    'supporting information', 'supporting documents', 'supporting materials', 'appendix', 'appendices', 'references', 'links',
    'additional information', 'attachments', 'further reading',
  ],
} satisfies Record<string, string[]>;

export type SectionId = keyof typeof NAMES;

/**
 * Key words, matched on the normalised title, that name a section whatever words surround them: the stems of
 * "Preventive steps", "Measures going forward", "Resolution and preventive methods", "How we recovered".
 * Tried only when no name above matches; a title has few words, so a sentence never gets this far.
 */
export const KEY_WORDS: ReadonlyArray<readonly [SectionId, RegExp]> = [
  ['summary', /\b(?:summar(?:y|ies|ised|ized)|summation|overview|synopsis)\b/],
  ['timeline', /\b(?:time ?line|chronolog\w*|sequence of events)\b/],
  ['root-cause', /\b(?:root cause|causes?|caused)\b/],
  ['resolution', /\b(?:resol(?:ution|ved?|ving)|recover(?:y|ed|ing)?|mitigat\w+|restor(?:ed|ing|ation)|(?:measures|steps|actions) taken)\b/],
  ['action-items', /\b(?:prevent\w*|corrective|tasks|action (?:items?|points?|plan)|going forward|next steps|follow ?ups?|what (?:are|were|will) we (?:doing|do|going to do))\b|\bmeasures\b(?! taken)/],
  ['impact', /\bimpact(?:s|ed)?\b/],
  ['detection', /\bdetect(?:ion|ed)?\b/],
];

/** Lines the summary states, shared by every template's summary prompt and by `summary-incomplete`'s fix. */
export const SUMMARY_FIELDS = {
  duration: '**Duration:** START to END (zone)',
  impact: '**Impact:** Who or what was affected, and how many?',
  rootCause: '**Root cause:** One sentence on why it happened.',
} as const;

export const SUMMARY_PROMPT = [SUMMARY_FIELDS.duration, SUMMARY_FIELDS.impact, SUMMARY_FIELDS.rootCause].join('\n');
export const TIMELINE_ENTRY_PROMPT = '- **HH:MM UTC** What happened, and who noticed?';
export const ACTION_ITEM_PROMPT = '- [ ] Concrete, verifiable task (owner: @handle, due: YYYY-MM-DD)';

/**
 * A template's section: the catalogue's names for the id, plus the template's own title, requirement
 * and prompt. `extraSynonyms` are names only this template uses.
 */
export function section(
  id: SectionId,
  own: { title: string; required: boolean; prompt: string; children?: TemplateSection[]; extraSynonyms?: string[] },
): TemplateSection {
  const synonyms = [...NAMES[id], ...(own.extraSynonyms ?? [])];
  return { id, title: own.title, synonyms, required: own.required, prompt: own.prompt, ...(own.children ? { children: own.children } : {}) };
}

/** The parts of a lessons section: what went well, what went wrong (titled as the template titles it), and optionally luck. */
export function lessonParts(titles: { wentWell: string; wentWrong: string; gotLucky?: string }): TemplateSection[] {
  const parts = [
    section('went-well', { title: titles.wentWell, required: false, prompt: 'What worked in the response (alerts, runbooks, tools, people) and should be kept?' }),
    section('went-wrong', { title: titles.wentWrong, required: false, prompt: 'What made the incident worse or longer? Each point here should lead to an action item.' }),
  ];
  if (titles.gotLucky) {
    parts.push(section('got-lucky', { title: titles.gotLucky, required: false, prompt: 'What helped by chance rather than by design? Luck is a risk nobody has addressed yet.' }));
  }
  return parts;
}
