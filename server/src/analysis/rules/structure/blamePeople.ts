/**
 * Blame as a reviewer hears it: a person, by role, name or pronoun, with a fault ("the new engineer accidentally
 * ran", "Sam forgot to", "his error", "caused by a new intern"). Systems that fail ("the pod failed to start") and a
 * team owning its process ("we failed to consider") are not blame.
 */
import type { Token } from '../../model/words';

export type PersonCategory = 'person-failed' | 'person-fault' | 'possessive' | 'person-cause';

export interface PersonBlame {
  category: PersonCategory;
  start: number;
  end: number;
}

/** People, by role or pronoun: "the engineer failed to", "he accidentally". "We" and "the team" own a process and are left out. */
export const DEFAULT_PEOPLE: readonly string[] = [
  'engineer', 'engineers', 'developer', 'developers', 'dev', 'devs', 'programmer', 'programmers', 'admin', 'admins', 'administrator',
  'administrators', 'sysadmin', 'operator', 'operators', 'intern', 'interns', 'junior', 'juniors', 'trainee', 'trainees', 'newbie', 'hire',
  'employee', 'employees', 'technician', 'technicians', 'contractor', 'contractors', 'colleague', 'coworker', 'co-worker', 'teammate',
  'member', 'analyst', 'manager', 'staff', 'tester', 'someone', 'somebody', 'he', 'she', 'i', 'on-call', 'oncall', 'sre', 'dba',
];
/**
 * Faults a person commits, by the verb or adverb after the person: "Sam forgot to", "the engineer accidentally".
 * Systems "fail" and "ignore" too, so these count only after a person.
 */
export const DEFAULT_FAULTS: readonly string[] = [
  'forgot', 'forgotten', 'neglected', 'overlooked', 'ignored', 'missed', 'skipped', 'misread', 'mistyped', 'misspelled', 'misspelt',
  'misconfigured', 'botched',
  'accidentally', 'accidently', 'mistakenly', 'wrongly', 'inadvertently', 'erroneously', 'unintentionally', 'unknowingly', 'carelessly',
  'negligently',
];
/** Faults only a person commits: a capitalised word before them is a name even at the start of a sentence ("Sam forgot to"). */
const HUMAN_ONLY = new Set(['forgot', 'forgotten', 'neglected', 'overlooked', 'misread', 'mistyped', 'misspelled', 'misspelt', 'botched']);
/** What only people fail to do: "Sam failed to check" names Sam even at the start of a sentence. */
const MIND_VERBS = ['notice', 'check', 'follow', 'test', 'review', 'communicate', 'escalate', 'verify', 'consider', 'realize', 'realise', 'double-check', 'tell', 'ask', 'confirm'];
/** What people fail to do (systems fail to start, connect or load). */
const HUMAN_VERBS = new Set([...MIND_VERBS, 'update', 'read', 'see', 'catch', 'report', 'inform', 'notify', 'document', 'validate', 'monitor', 'act', 'respond']);
/** Capitalised words that open sentences and are never a person's name. */
const NOT_NAMES = new Set(['we', 'it', 'they', 'there', 'these', 'those', 'then', 'when', 'after', 'before', 'once', 'while', 'during', 'if', 'all', 'everyone', 'nobody', 'users', 'customers', 'people']);
/** What a person "didn't" do that a reviewer hears as a fault: "didn't check the config before pushing". */
const CHECKS = new Set(['check', 'test', 'verify', 'validate', 'double-check', 'review', 'confirm', 'notice', 'read', 'follow']);
const FAULT_NOUNS = new Set(['mistake', 'mistakes', 'fault', 'error', 'errors', 'typo', 'typos', 'blunder', 'oversight', 'slip', 'slip-up', 'misstep', 'carelessness', 'negligence']);
/** "their error" is as often a system's ("the upstream returned their error"): only plain faults count after "their". */
const ANYONES_FAULTS = new Set(['mistake', 'mistakes', 'fault', 'blunder', 'oversight', 'carelessness', 'negligence']);
/** "his error message", "my error rate": the fault noun is a modifier, not a fault. */
const COMPOUNDS = new Set(['message', 'messages', 'rate', 'rates', 'log', 'logs', 'code', 'codes', 'page', 'pages', 'handling', 'budget', 'count', 'output', 'response', 'responses', 'reporting', 'tracking', 'state', 'screen']);
const POSSESSIVES = new Set(['his', 'her', 'my', 'your', 'their']);
/** Words that may stand between a person and the fault: "the intern then accidentally", "Sam had forgotten". */
const BETWEEN = new Set(['then', 'also', 'just', 'again', 'had', 'has', 'have', 'was', 'were', 'who', 'unfortunately', 'apparently', 'probably', 'somehow', 'later', 'simply']);
/** Verbs in the past that do not end in "-ed": "the intern ran", "the developer wrote". */
const PAST_TENSE = ['ran', 'made', 'put', 'set', 'wrote', 'took', 'broke', 'left', 'sent', 'hit', 'forgot', 'misread'];
/** Words after a person that show the role noun is the head of its phrase ("the developer who"), not a modifier ("the developer portal"). */
const AFTER_PERSON = new Set([
  'who', "who's", 'whose', 'that', 'which', 'then', 'also', 'just', 'again', 'had', 'has', 'have', 'was', 'were', 'is', 'did', "didn't", 'didnt',
  'does', 'could', 'would', 'should', 'will', 'can', 'may', 'might', 'must', 'not', 'never', 'and', 'or', 'on', 'in', 'at', 'with', 'from',
  'for', 'to', 'of', 'by', 'as', 'when', 'while', 'after', 'before', 'during', 'because', 'since', 'unfortunately', 'apparently', 'himself',
  'herself', ...PAST_TENSE,
]);
const PRONOUNS = new Set(['he', 'she', 'i', 'someone', 'somebody']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'our', 'their', 'its', 'some', 'one', 'any']);
const PREPOSITIONS = new Set(['of', 'in', 'on', 'at', 'for', 'from', 'to', 'with', 'by', 'about', 'into']);
/** "caused by a new intern", "due to the developer", "blamed on the admin". */
const CAUSED_BY = [['caused', 'by'], ['due', 'to'], ['because', 'of'], ['blamed', 'on'], ['attributed', 'to']];
/** "the problem was the junior engineer ...", "the root cause was that the new intern ...". */
const CAUSE_NOUNS = new Set(['cause', 'problem', 'issue', 'culprit', 'reason']);
/** ", which led to ...": what a person did, followed by what it broke. */
const LED = new Set(['led', 'lead', 'leads', 'caused', 'causes', 'resulted', 'broke', 'triggered', 'made', 'brought']);
const BROKEN = /\b(?:not|no|fail\w*|error\w*|outage\w*|down|crash\w*|broke\w*|unable|unavailable|los[st]\w*|delet\w*|500)\b/i;

export interface PeopleLists {
  people: Set<string>;
  faults: Set<string>;
}

/** Between two tokens: a sentence ends ("end. Then"), a clause ends (", which", " - "), or neither. */
function breakBetween(text: string, before: Token, after: Token): 'sentence' | 'clause' | undefined {
  const gap = text.slice(before.end, after.start);
  if (/[.!?;:]["'”’)\]]*(?:\s|$)/.test(gap)) return 'sentence';
  if (/[,()—–]|\s-\s/.test(gap)) return 'clause';
  return undefined;
}

const sentenceStartsAt = (tokens: Token[], index: number, text: string) => index === 0 || breakBetween(text, tokens[index - 1], tokens[index]) === 'sentence';

/** A role or pronoun heading its phrase ("the developer who", not "the developer portal"). */
function isRole(tokens: Token[], index: number, text: string, lists: PeopleLists, nextFault?: number): boolean {
  const token = tokens[index];
  if (!lists.people.has(token.word)) return false;
  if (PRONOUNS.has(token.word)) return true;
  const next = tokens[index + 1];
  if (!next || index + 1 === nextFault || breakBetween(text, token, next)) return true;
  return AFTER_PERSON.has(next.word) || lists.faults.has(next.word) || /(?:ed|ing)$/.test(next.word);
}

/** A capitalised word used as a name: "then Sam", not "The Alertmanager" and, unless `atStart`, not a sentence's first word. */
function isName(tokens: Token[], index: number, text: string, atStart: boolean): boolean {
  const token = tokens[index];
  if (!/^\p{Lu}\p{Ll}+$/u.test(text.slice(token.start, token.end)) || NOT_NAMES.has(token.word) || DETERMINERS.has(token.word) || POSSESSIVES.has(token.word)) return false;
  if (sentenceStartsAt(tokens, index, text)) return atStart;
  return !DETERMINERS.has(tokens[index - 1].word) && !POSSESSIVES.has(tokens[index - 1].word);
}

/** The person doing what starts at token `index`: the nearest word before it in its clause, past "then", "had", "who". */
function subjectOf(tokens: Token[], index: number, text: string, lists: PeopleLists, nameAtStart: boolean): number | undefined {
  // A few words back at most: "the intern then also accidentally", never a whole line of faults per fault.
  for (let at = index - 1; at >= Math.max(0, index - 5); at--) {
    if (breakBetween(text, tokens[at], tokens[at + 1])) return undefined;
    if (isRole(tokens, at, text, lists, index) || isName(tokens, at, text, nameAtStart)) return at;
    if (!BETWEEN.has(tokens[at].word) && !lists.faults.has(tokens[at].word)) return undefined;
  }
  return undefined;
}

interface Fault {
  /** The fault's last token. */
  last: number;
  /** Only people commit it, so a capitalised word before it is a name even at the start of a sentence. */
  humanOnly: boolean;
  category: PersonCategory;
  /** "failed to" something people do (notify, read), so a name before it is a person. */
  humanVerb?: boolean;
  /** "didn't check": a fault even with no subject. */
  checks?: boolean;
}

/** A fault starting at token `index`. */
function faultAt(tokens: Token[], index: number, lists: PeopleLists): Fault | undefined {
  const word = tokens[index].word;
  const next = tokens[index + 1]?.word ?? '';
  if (word === 'failed' && next === 'to') return { last: index + 1, humanOnly: MIND_VERBS.includes(tokens[index + 2]?.word ?? ''), category: 'person-failed', humanVerb: HUMAN_VERBS.has(tokens[index + 2]?.word ?? '') };
  if (lists.faults.has(word)) return { last: index, humanOnly: HUMAN_ONLY.has(word), category: 'person-fault' };
  // "made a silly mistake", "made an error"
  if (word === 'made') {
    for (let at = index + 1; at <= index + 3 && at < tokens.length; at++) if (FAULT_NOUNS.has(tokens[at].word)) return { last: at, humanOnly: true, category: 'person-fault' };
  }
  // "didn't check", "did not test"
  const negation = word === "didn't" || word === 'didnt' ? 1 : word === 'did' && next === 'not' ? 2 : 0;
  if (negation && CHECKS.has(tokens[index + negation]?.word ?? '')) return { last: index + negation, humanOnly: false, category: 'person-fault', checks: true };
  return undefined;
}

/** "the engineer failed to", "Sam forgot to", "the new intern accidentally", "didn't check the config" with no subject. */
function personFaults(tokens: Token[], text: string, lists: PeopleLists): PersonBlame[] {
  const found: PersonBlame[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const fault = faultAt(tokens, index, lists);
    if (!fault) continue;
    const subject = subjectOf(tokens, index, text, lists, fault.humanOnly);
    // "Nginx failed to bind", "I failed to connect": after a name or a pronoun, "failed to" is a fault only for what people do.
    const byRole = subject !== undefined && lists.people.has(tokens[subject].word) && !PRONOUNS.has(tokens[subject].word);
    if (subject !== undefined && (byRole || fault.category !== 'person-failed' || fault.humanVerb)) {
      found.push({ category: fault.category, start: tokens[subject].start, end: tokens[fault.last].end });
    } else if (fault.checks && (index === 0 || breakBetween(text, tokens[index - 1], tokens[index]))) {
      // A line of its own, "Didn't check the config before pushing.": whose miss it was goes without saying.
      found.push({ category: 'person-fault', start: tokens[index].start, end: tokens[fault.last].end });
    }
    index = fault.last;
  }
  return found;
}

/** "John's mistake", "his fault", "my silly mistake", "the intern's oversight". */
function possessiveFaults(tokens: Token[], text: string, lists: PeopleLists): PersonBlame[] {
  const found: PersonBlame[] = [];
  tokens.forEach((token, index) => {
    const owner = token.word.endsWith("'s") ? token.word.slice(0, -2) : undefined;
    const isOwner = POSSESSIVES.has(token.word) || (owner !== undefined && token.word !== "it's" && (lists.people.has(owner) || /^\p{Lu}/u.test(text.slice(token.start, token.end))));
    // "his/her mistakes" speaks of anyone, not of someone in this incident.
    if (!isOwner || text[token.start - 1] === '/' || text[token.end] === '/') return;
    // "my silly mistake": up to two words between, in the same clause.
    for (let at = index + 1; at <= index + 3 && at < tokens.length; at++) {
      if (breakBetween(text, tokens[at - 1], tokens[at])) return;
      const word = tokens[at].word;
      if (!FAULT_NOUNS.has(word)) continue;
      const next = tokens[at + 1];
      if (next && !breakBetween(text, tokens[at], next) && COMPOUNDS.has(next.word)) return;
      if (token.word === 'their' && !ANYONES_FAULTS.has(word)) return;
      found.push({ category: 'possessive', start: token.start, end: tokens[at].end });
      return;
    }
  });
  return found;
}

/** The person a phrase starting at `index` names: "a new intern", "the DevOps junior engineer", "one of the interns". */
function personInPhrase(tokens: Token[], index: number, text: string, lists: PeopleLists): number | undefined {
  let at = index;
  if (tokens[at]?.word === 'one' && tokens[at + 1]?.word === 'of') at += 2;
  if (DETERMINERS.has(tokens[at]?.word ?? '')) at++;
  // A noun phrase starts here: "was the intern", not "was detected when an engineer".
  else if (at < tokens.length && !isRole(tokens, at, text, lists)) return undefined;
  for (let end = Math.min(at + 4, tokens.length); at < end; at++) {
    if (at > index && breakBetween(text, tokens[at - 1], tokens[at])) return undefined;
    if (isRole(tokens, at, text, lists)) return at;
    if (PREPOSITIONS.has(tokens[at].word)) return undefined;
  }
  return undefined;
}

/** "caused by a new intern", "the problem was the junior engineer added", "an intern renamed the file, which broke the site". */
function personCauses(tokens: Token[], text: string, lists: PeopleLists): PersonBlame[] {
  const found: PersonBlame[] = [];
  const add = (span: [number, number | undefined] | undefined) => {
    if (span?.[1] !== undefined) found.push({ category: 'person-cause', start: tokens[span[0]].start, end: tokens[span[1]].end });
  };
  tokens.forEach((token, index) => {
    const causedBy = CAUSED_BY.find(([first, second]) => token.word === first && tokens[index + 1]?.word === second);
    if (causedBy) {
      // The agent right after it, or after a later "by" in the same clause: "caused by the deletion of the data by a new intern".
      let person = personInPhrase(tokens, index + 2, text, lists);
      let from = index;
      for (let at = index + 2; person === undefined && at < Math.min(index + 14, tokens.length); at++) {
        if (breakBetween(text, tokens[at - 1], tokens[at])) break;
        if (tokens[at].word === 'by') [person, from] = [personInPhrase(tokens, at + 1, text, lists), at];
      }
      add([from, person]);
      return;
    }
    if (CAUSE_NOUNS.has(token.word) && ['was', 'is'].includes(tokens[index + 1]?.word ?? '')) {
      const phrase = tokens[index + 2]?.word === 'that' ? index + 3 : index + 2;
      add([index, personInPhrase(tokens, phrase, text, lists)]);
      return;
    }
    if (token.word === 'which' && LED.has(tokens[index + 1]?.word ?? '') && index > 0 && breakBetween(text, tokens[index - 1], token) === 'clause') {
      add(whatAPersonBroke(tokens, index, text, lists));
    }
  });
  return found;
}

/** "one of the interns added a letter to the file suffix, which led PHP not to find it": the clause before ", which" is a person's act. */
function whatAPersonBroke(tokens: Token[], which: number, text: string, lists: PeopleLists): [number, number] | undefined {
  // A sentence's worth of words either way: a paragraph with no full stops is not read to its end for every "which".
  let sentenceEnd = which + 1;
  while (sentenceEnd + 1 < Math.min(tokens.length, which + 40) && breakBetween(text, tokens[sentenceEnd], tokens[sentenceEnd + 1]) !== 'sentence') sentenceEnd++;
  if (!BROKEN.test(text.slice(tokens[which + 1].start, tokens[sentenceEnd].end))) return undefined;
  let clauseStart = which - 1;
  while (clauseStart > Math.max(0, which - 40) && !breakBetween(text, tokens[clauseStart - 1], tokens[clauseStart])) clauseStart--;
  // "Then one of the interns ...", "Later the admin ..."
  while (clauseStart < which && BETWEEN.has(tokens[clauseStart].word)) clauseStart++;
  const person = personInPhrase(tokens, clauseStart, text, lists);
  // The person is the clause's subject: a verb in the past follows ("added", "ran").
  const verb = person === undefined ? undefined : tokens[person + 1]?.word;
  if (person === undefined || !verb || !(verb.endsWith('ed') || PAST_TENSE.includes(verb))) return undefined;
  return [clauseStart, person + 1];
}

/** Every way the text pins a fault on a person. */
export function peopleBlamed(tokens: Token[], text: string, lists: PeopleLists): PersonBlame[] {
  return [...personFaults(tokens, text, lists), ...possessiveFaults(tokens, text, lists), ...personCauses(tokens, text, lists)];
}
