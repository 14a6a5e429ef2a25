/**
 * An action item nobody can check off: "Enhance monitoring", "Ensure the pool is adequately sized",
 * "Schedule regular audits". Read the way a reviewer reads it: the lead verb, hedges, the object, and
 * whether anything in it (a number, a named artifact with a specific object) says what will exist when done.
 */
import { BoundedCache } from '../../util/boundedCache';
import type { ActionType } from '../../model';
import { plainOf } from '../../model/actionItems';
import { IMPERATIVE_VERBS } from '../../model/imperative';
import { PhraseSet, tokenize, type Token } from '../../model/words';
import { docsUrl, type Rule } from '../types';
import type { Range } from '../../types';
import { itemRange, openItems, quote, wordListOption } from './itemText';
import { proseSentences } from './proseMeasures';

export const DEFAULT_VAGUE_VERBS = ['improve', 'enhance', 'ensure', 'consider', 'review', 'look into', 'strengthen', 'optimize', 'optimise', 'better', 'make sure', 'revisit', 'evaluate', 'explore', 'assess', 'refine', 'fine-tune', 'streamline', 'bolster', 'boost', 'prioritize', 'prioritise', 'focus on', 'work on', 'elevate', 'figure out', 'discuss', 'solve', 'think about', 'talk about', 'continue'];
export const DEFAULT_HEDGES = ['maybe', 'perhaps', 'possibly', 'try to', 'attempt to', 'as needed', 'if needed', 'as necessary', 'if necessary', 'as appropriate', 'where possible', 'when possible', 'if possible', 'regularly', 'regular', 'periodic', 'periodically', 'continuously', 'ongoing', 'routinely', 'frequently'];
/** Adverbs that say how, not what: "Code should be reviewed more carefully", "Test thoroughly". */
export const DEFAULT_MANNER_WORDS = ['carefully', 'thoroughly', 'thorough', 'closely', 'better', 'more often', 'more frequently', 'more closely', 'more carefully', 'more thoroughly'];
/** Named things whose existence can be checked: with a specific object they make an item concrete. */
export const DEFAULT_CONCRETE_NOUNS = ['alert', 'alerts', 'alarm', 'alarms', 'runbook', 'runbooks', 'playbook', 'test', 'tests', 'dashboard', 'dashboards', 'limit', 'limits', 'timeout', 'timeouts', 'threshold', 'canary', 'script', 'lint', 'linter', 'check', 'checks', 'probe', 'quota', 'circuit breaker', 'rate limit', 'retry', 'backoff', 'health check', 'slo', 'index', 'trigger', 'cron', 'job', 'flag', 'feature flag', 'kill switch', 'page', 'checklist', 'template', 'config', 'configuration', 'setting', 'policy file', 'pipeline', 'step', 'gate', 'hook'];
/** Objects that name an aim, not a change: "update the policy", "increase capabilities". */
export const DEFAULT_ABSTRACT_NOUNS = ['policy', 'policies', 'process', 'processes', 'procedure', 'procedures', 'strategy', 'strategies', 'practice', 'practices', 'capability', 'capabilities', 'mechanism', 'mechanisms', 'measure', 'measures', 'culture', 'awareness', 'approach', 'framework', 'solution', 'solutions', 'posture', 'resilience', 'reliability', 'stability', 'efficiency', 'quality', 'communication', 'collaboration', 'coordination', 'visibility', 'readiness', 'robustness', 'performance', 'security', 'systems', 'protocols', 'controls', 'vigilance', 'best practices'];

/** Hedges that a stated cadence ("every quarter", "weekly") makes concrete. */
const CADENCE_HEDGES = new Set(['regularly', 'regular', 'periodic', 'periodically', 'continuously', 'ongoing', 'routinely', 'frequently']);
const CADENCE = new PhraseSet(['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'annually', 'biweekly', 'fortnightly', 'nightly', 'hourly', 'every', 'each sprint', 'each release', 'each deploy', 'per sprint', 'per release', 'per deploy', 'on every']);
/** Words before the verb: "We need to", "We will", "Task 1:". */
const LEAD_INS = new PhraseSet(['we will', 'we\'ll', 'we need to', 'we should', 'we must', 'we plan to', 'we are going to', 'we want to', 'i will', 'need to', 'should', 'must', 'will', 'to', 'please', 'let\'s', 'also', 'then', 'and', 'finally', 'first', 'task', 'action', 'step', 'item', 'todo', 'the team will', 'team will', 'engineers will', 'going forward']);
/** Where an object ends: "the pool size | to 200", "a policy | for X". */
const OBJECT_END = new Set(['to', 'for', 'of', 'on', 'in', 'with', 'by', 'before', 'after', 'across', 'so', 'that', 'which', 'when', 'where', 'during', 'within', 'from', 'at', 'into', 'against', 'around', 'if', 'while', 'via', 'through', 'using', 'under']);
/** Words after an object that say which one it is. */
const QUALIFIERS = new Set(['for', 'of', 'on', 'in', 'around', 'against', 'across', 'during', 'within', 'when', 'where', 'between']);
const STOP = new Set(['a', 'an', 'the', 'our', 'all', 'any', 'some', 'more', 'and', 'or', 'its', 'their', 'it', 'this', 'that', 'these', 'those', 'of', 'to', 'for', 'on', 'in', 'with', 'by', 'be', 'is', 'are', 'we', 'us', 'so', 'as', 'can', 'could', 'will', 'would', 'should', 'new', 'other', 'such']);
/** Imperative verbs, to tell "Load testing: Run a load test" (the body acts) from "Title: This is ..." (the title acts). */
const VERBS = new Set([...IMPERATIVE_VERBS, ...DEFAULT_VAGUE_VERBS]);

const EXAMPLES: Record<ActionType | 'default', string> = {
  detect: 'Add an alert when pool usage > 80% for 5 min',
  prevent: 'Add a load test at 2× peak traffic that blocks the release',
  process: 'Write a runbook for pool exhaustion and link it from the alert',
  repair: 'Fix the connection leak in the checkout handler and add a regression test',
  mitigate: 'Add a feature flag that turns the sync job off in under a minute',
  default: 'Add an alert when pool usage > 80% for 5 min',
};

interface WordLists {
  vagueVerbs: PhraseSet;
  mannerWords: PhraseSet;
  hedges: PhraseSet;
  concreteNouns: PhraseSet;
  abstractNouns: PhraseSet;
}

/** The part of the item that says what to do: "Task 1: X" → X; "Title: body" → the body when it starts with a verb. */
function actionPart(action: string): string {
  const text = action.replace(/^(?:task|step|item|action)\s*#?\s*\d*\s*[:.)-]\s*/i, '').trim();
  const labelled = /^([^:]{2,120}?):\s+(\S.*)$/s.exec(text);
  if (!labelled) return text;
  const [, title, body] = labelled;
  const first = (value: string) => tokenize(value)[0]?.word ?? '';
  const acts = (value: string) => VERBS.has(first(value)) || /ing$/.test(first(value));
  if (acts(body) || title.split(/\s+/).length > 14) return body;
  return acts(title) ? title : body;
}

function firstSentence(text: string): string {
  const end = /[.!?](?=\s+[A-Z])/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}

/** What a subject says before its verb: "the Chia team is going to rebuild", "our engineers will add". */
const MODALS = new PhraseSet(['will', 'is going to', 'are going to', 'plan to', 'plans to', 'aim to', 'aims to', 'are working to', 'is working to', 'intend to', 'intends to']);
/** How far into an item a subject may run before its modal. */
const SUBJECT_WORDS = 5;

function skipLeadIns(tokens: Token[]): number {
  for (let at = 1; at <= SUBJECT_WORDS && at < tokens.length; at++) {
    const modal = MODALS.matchAt(tokens, at);
    if (modal) return skipFrom(tokens, at + modal.length);
  }
  return skipFrom(tokens, 0);
}

function skipFrom(tokens: Token[], from: number): number {
  let index = from;
  for (let match = LEAD_INS.matchAt(tokens, index); match; match = LEAD_INS.matchAt(tokens, index)) {
    index += match.length;
    // "Task 1": the number belongs to the lead-in.
    while (tokens[index] && /^\d+$/.test(tokens[index].word)) index++;
  }
  return index;
}

/** Words that grade an outcome instead of stating it: "detect degradation more accurately". */
const COMPARATIVES = new Set(['more', 'better', 'faster', 'quicker', 'quickly', 'swiftly', 'early', 'earlier', 'accurately', 'proactively', 'promptly', 'efficiently', 'effectively', 'robust', 'thoroughly', 'carefully', 'adequately', 'optimal', 'improved', 'enhanced', 'precise']);
/** Purposes that name an aim, not a result: "to ensure ...", "to identify potential issues", "to minimize the load". */
const AIMS = new Set(['ensure', 'attempt', 'try', 'identify', 'handle', 'minimize', 'minimise', 'maximize', 'maximise', 'avoid', 'prevent', 'reduce', 'keep', 'maintain', 'support', 'promote', 'achieve', 'facilitate', 'help', 'mitigate', 'address', 'guarantee', 'increase', 'boost', 'provide', 'raise', 'have', 'make', 'get', 'be']);
/** Objects of a purpose that name no particular thing: "to ensure alignment with best practices". */
const GENERIC = new Set(['alignment', 'compliance', 'issues', 'issue', 'problems', 'problem', 'areas', 'area', 'improvement', 'improvements', 'things', 'errors', 'incidents', 'future', 'users', 'similar', 'potential', 'recurrence', 'occurrence', 'likelihood', 'risk', 'risks', 'consistency', 'availability', 'smooth', 'operations', 'operation', 'signs', 'time']);

/**
 * A purpose that says what will be true when the item is done: "Improve monitoring | to detect missing critical
 * packages", "Update the procedure | to require peer review of firewall changes"; not "to ensure alignment with best
 * practices", nor an outcome only graded ("to detect degradation more accurately").
 */
function statesOutcome(tokens: Token[], from: number, lists: WordLists): boolean {
  if (tokens.some((token) => COMPARATIVES.has(token.word))) return false;
  // "to detect ...", or a clause: "Ensure that package removals are logged ...". A purpose that only aims ("to ensure")
  // may still be followed by a clause that states the result ("to ensure that indexes are updated").
  const to = tokens.findIndex((token, at) => {
    if (at < from) return false;
    // A clause right after the verb or an aim, not a relative one ("solutions that would show ...").
    if (token.word === 'that') return at === from || ['so', ...AIMS].includes(tokens[at - 1]?.word ?? '');
    const aim = tokens[at + 1]?.word ?? 'the';
    // "how to monitor the CVEs" is what to find out, not a purpose.
    const question = ['how', 'when', 'where', 'whether', 'what', 'which', 'why'].includes(tokens[at - 1]?.word ?? '');
    return token.word === 'to' && at > from && !question && !STOP.has(aim) && !AIMS.has(aim) && !lists.vagueVerbs.has(aim) && !lists.hedges.has(aim);
  });
  if (to < 0) return false;
  const named = tokens.slice(to + 1).filter((token) => !STOP.has(token.word) && !VERBS.has(token.word) && !GENERIC.has(token.word) && !lists.hedges.has(token.word) && !lists.abstractNouns.has(token.word) && !lists.vagueVerbs.has(token.word));
  return named.length >= (tokens[to].word === 'that' ? 3 : 2);
}

/** Why an item cannot be checked off, as message phrases; empty when it can. */
export function vagueReasons(action: string, lists: WordLists): { reasons: string[]; text: string } {
  const text = firstSentence(actionPart(action));
  const tokens = tokenize(text);
  const all = tokenize(action);
  const start = skipLeadIns(tokens);
  const reasons: string[] = [];
  const hasNumber = /\d|[<>≥≤]/.test(action.replace(/^(?:task|step|item|action)\s*#?\s*\d+/i, ''));
  const hasCadence = CADENCE.findAll(all).length > 0;
  const lead = lists.vagueVerbs.matchAt(tokens, start);
  const verbLength = lead?.length ?? (VERBS.has(tokens[start]?.word ?? '') ? 1 : 0);
  const objectTokens = tokens.slice(start + verbLength);
  const content = objectTokens.filter((token) => !STOP.has(token.word) && !lists.hedges.has(token.word) && !lists.vagueVerbs.has(token.word) && !lists.mannerWords.has(token.word));
  // A named artifact with something specific besides it: "an alert for connection pool usage".
  const artifacts = lists.concreteNouns.findAll(all);
  const specifics = content.filter((token) => !artifacts.some((match) => all[match.index]?.word === token.word) && !lists.abstractNouns.has(token.word));
  const concrete = hasNumber || (artifacts.length > 0 && specifics.length >= 2) || statesOutcome(tokens, start + verbLength, lists);

  if (lead && !concrete) reasons.push(`"${lead.phrase}" names no measurable outcome`);
  const hedges = lists.hedges.findAll(tokens).map((match) => match.phrase);
  const cadence = hedges.filter((hedge) => CADENCE_HEDGES.has(hedge));
  const optional = hedges.filter((hedge) => !CADENCE_HEDGES.has(hedge));
  if (cadence.length && !hasCadence && !concrete) reasons.push(`${quoteAll(cadence)} ${cadence.length > 1 ? 'set' : 'sets'} no cadence`);
  const manner = lists.mannerWords.findAll(tokens).map((match) => match.phrase);
  if (manner.length && !lead && !concrete) reasons.push(`${quoteAll(manner)} ${manner.length > 1 ? 'say' : 'says'} how, not what will change`);
  if (optional.length) reasons.push(`${quoteAll(optional)} ${optional.length > 1 ? 'make' : 'makes'} it optional`);
  // "More automated alarms", "Better testing": a wish for more of something, with nothing to build.
  const wish = !lead && !verbLength && !hasNumber && COMPARATIVES.has(tokens[start]?.word ?? '');
  if (wish) reasons.push(`"${tokens[start].word}" asks for more, not for a change`);
  if (!lead && !concrete && !manner.length && !wish) {
    if (verbLength && !content.length) reasons.push(`"${tokens[start].word}" has no object`);
    else if (!verbLength && tokens.length - start <= 2) reasons.push('it names a topic, not an action');
    else if (verbLength) {
      // "Update the connection pool management policy": the object's head names an aim, not a change.
      const object: Token[] = [];
      for (const [at, token] of objectTokens.entries()) {
        // "alerts and dashboards" is one object; "a mechanism and boost the process" is two actions.
        const nextAction = token.word === 'and' && VERBS.has(objectTokens[at + 1]?.word ?? '');
        if (OBJECT_END.has(token.word) || nextAction || text.slice(object[object.length - 1]?.end ?? token.start, token.start).match(/[,;:(]/)) break;
        object.push(token);
      }
      const head = object[object.length - 1];
      // "Document the procedure for breaking state locks" says which one; "update the policy to prevent X" does not.
      const qualified = QUALIFIERS.has(objectTokens[object.length]?.word ?? '');
      if (head && !qualified && lists.abstractNouns.matchAt(object, object.length - 1) && !artifacts.length) reasons.push(`"${tokens[start].word} … ${head.word}" does not say what will change`);
    }
  }
  return { reasons, text };
}

function joinAll(parts: string[]): string {
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
}

function quoteAll(words: string[]): string {
  return joinAll(words.map((word) => `"${word}"`));
}

function wordLists(options: Record<string, unknown>): WordLists {
  return {
    vagueVerbs: wordListOption(options, 'vagueVerbs', DEFAULT_VAGUE_VERBS),
    hedges: wordListOption(options, 'hedges', DEFAULT_HEDGES),
    mannerWords: wordListOption(options, 'mannerWords', DEFAULT_MANNER_WORDS),
    concreteNouns: wordListOption(options, 'concreteNouns', DEFAULT_CONCRETE_NOUNS),
    abstractNouns: wordListOption(options, 'abstractNouns', DEFAULT_ABSTRACT_NOUNS),
  };
}

/** The word lists, built once per distinct options: every document of a run (every keystroke) reads the same. */
const listsByOptions = new BoundedCache<string, WordLists>(8);

/** Items are read again on every keystroke: readings are kept by text, per options (a few settings in a session). */
const readingsByOptions = new BoundedCache<string, BoundedCache<string, { reasons: string[]; text: string }>>(8);

export const actionItemVague: Rule = {
  meta: {
    id: 'action-item-vague',
    description: 'An action item that cannot be verified as done: a vague verb with no measurable outcome, a hedge, or no object.',
    defaultSeverity: 'warning',
    fixable: false,
    docs: docsUrl('action-item-vague'),
    optionsSchema: {
      type: 'object',
      properties: {
        vagueVerbs: { type: 'array', items: { type: 'string' }, description: 'Lead verbs that promise no measurable outcome (replaces the defaults).' },
        hedges: { type: 'array', items: { type: 'string' }, description: 'Words that make an item optional or open-ended (replaces the defaults).' },
        mannerWords: { type: 'array', items: { type: 'string' }, description: 'Adverbs that say how, not what will change: carefully, thoroughly... (replaces the defaults).' },
        concreteNouns: { type: 'array', items: { type: 'string' }, description: 'Artifacts that make an item checkable: alert, runbook, test... (replaces the defaults).' },
        abstractNouns: { type: 'array', items: { type: 'string' }, description: 'Objects too abstract to check off: reliability, process... (replaces the defaults).' },
      },
      additionalProperties: false,
    },
  },
  check({ document, options, report }) {
    const optionsKey = JSON.stringify(options);
    const lists = listsByOptions.get(optionsKey, () => wordLists(options));
    const readings = readingsByOptions.get(optionsKey, () => new BoundedCache(5_000));
    const judge = (action: string, range: Range, type: ActionType | undefined) => {
      const { reasons, text } = readings.get(action, (own) => vagueReasons(own, lists));
      if (!reasons.length) return;
      report({
        range,
        message: `"${quote(text)}" cannot be checked off: ${joinAll(reasons)}. Say what will exist when it is done, e.g. "${EXAMPLES[type ?? 'default']}".`,
      });
    };
    for (const item of openItems(document)) judge(item.action || item.text, itemRange(document, item), item.type);
    // A section written as prose: each sentence is a measure a reviewer reads the same way.
    for (const owned of document.actionSections) {
      if (owned.items.length || owned.hasHtmlItems) continue;
      for (const span of proseSentences(document, owned)) judge(plainOf(document.text.slice(span.start, span.end)), document.source.rangeOf(span.start, span.end), undefined);
    }
  },
};
