import { tokenize, type Token } from '../../model/words';
import { docsUrl, type Rule } from '../types';
import { sectionAt, storedBlocks, withinKind, type DetachedBlock } from './prose';
import { findWords, wordList, type WordList, type WordMatch } from './wordList';

/** Words that judge a person. */
const JUDGEMENTS = [
  'human error', 'operator error', 'careless', 'carelessly', 'carelessness', 'negligence', 'negligent', 'negligently', 'incompetent',
  'incompetence', 'sloppy', 'lazy', 'stupid', 'stupidity', 'dumb', 'idiot', 'idiotic', 'reckless', 'recklessly',
];
/** Hindsight aimed at a person: what they "should have" known. */
const HINDSIGHT = ['should have known', 'should have known better', 'should have noticed', 'should have caught', 'should have realised', 'should have realized'];
/**
 * Counterfactuals: what did not happen. Fine in the action items and lessons, which are about what should
 * change. "could have" counts when it is aimed at the responders ("we could have caught it", "the engineer
 * could have checked", "could have been avoided"), not when it weighs consequences ("a longer stall could
 * have caused ...") or what an attacker could have done.
 */
const COUNTERFACTUALS = ['if only', 'could have', "could've"];
const RESPONDERS = new Set(['we', 'i', 'you', 'team', 'someone', 'somebody', 'anyone', 'nobody']);
const HINDSIGHT_PARTICIPLES = new Set(['avoided', 'prevented', 'caught', 'noticed', 'detected', 'spotted', 'found', 'stopped', 'mitigated']);
export const DEFAULT_BLAME_WORDS: readonly string[] = [...JUDGEMENTS, ...HINDSIGHT];

/** People, by role or pronoun: "the engineer failed to", "his mistake". */
const PEOPLE = new Set([
  'engineer', 'engineers', 'developer', 'developers', 'dev', 'devs', 'admin', 'admins', 'administrator', 'administrators', 'sysadmin', 'operator',
  'operators', 'intern', 'interns', 'employee', 'employees', 'technician', 'technicians', 'contractor', 'contractors', 'colleague', 'teammate',
  'analyst', 'manager', 'staff', 'someone', 'somebody', 'he', 'she', 'on-call', 'oncall', 'sre', 'dba',
]);
const POSSESSIVES = new Set(['his', 'her', 'their', 'my', 'your']);
const FAULTS = new Set(['mistake', 'mistakes', 'fault', 'blunder', 'oversight', 'carelessness', 'negligence']);
/** What people fail to do (systems fail to start, connect or load). */
const HUMAN_VERBS = new Set([
  'notice', 'check', 'follow', 'test', 'review', 'update', 'communicate', 'escalate', 'verify', 'read', 'see', 'catch', 'report', 'inform',
  'notify', 'consider', 'realize', 'realise', 'document', 'validate', 'double-check', 'monitor', 'act', 'respond', 'tell', 'ask',
]);
const COUNTERFACTUAL_HOMES = ['action-items', 'lessons', 'went-well', 'went-wrong', 'got-lucky'];

type Category = 'judgement' | 'hindsight' | 'counterfactual' | 'person-failed' | 'possessive' | 'exclamation' | 'listed';

interface Blame {
  category: Category;
  start: number;
  end: number;
}

function isPerson(token: Token | undefined, text: string): boolean {
  if (!token) return false;
  if (PEOPLE.has(token.word)) return true;
  // A name: capitalised, not at the start of a sentence.
  const before = text.slice(0, token.start).trimEnd();
  return /^\p{Lu}\p{Ll}+$/u.test(text.slice(token.start, token.end)) && before.length > 0 && !/[.!?:]$/.test(before);
}

function aimedAtResponders(match: WordMatch): boolean {
  if (match.phrase === 'if only') return true;
  const { tokens, index } = match;
  const subject = tokens.slice(Math.max(0, index - 3), index).map((token) => token.word);
  if (subject.some((word) => RESPONDERS.has(word) || PEOPLE.has(word))) return true;
  // "could have been avoided"
  const after = tokens.slice(index + 2, index + 4).map((token) => token.word);
  return after[0] === 'been' && HINDSIGHT_PARTICIPLES.has(after[1] ?? '');
}

/**
 * "bugs, traffic spikes, hardware failures, human error…": one cause in a list of the kinds of cause
 * there are (the ALX assignment's introduction), not a verdict on this incident.
 */
function inListOfCauses(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  if (!/,\s*(?:and\s+|or\s+)?$/.test(before)) return false;
  return /,[^,]+,\s*(?:and\s+|or\s+)?$/.test(before) || /^\s*(?:,|…|\.\.\.)/.test(text.slice(end, end + 3));
}

/** "the engineer failed to check", "John failed to notice": failure pinned on a person. */
function personFailed(tokens: Token[], text: string): Blame[] {
  const found: Blame[] = [];
  tokens.forEach((token, index) => {
    if (token.word !== 'failed' || tokens[index + 1]?.word !== 'to') return;
    const subject = tokens.slice(Math.max(0, index - 3), index);
    const byRole = subject.some((word) => PEOPLE.has(word.word));
    const byName = isPerson(tokens[index - 1], text) && HUMAN_VERBS.has(tokens[index + 2]?.word ?? '');
    if (!byRole && !byName) return;
    const first = byRole ? subject.find((word) => PEOPLE.has(word.word))! : tokens[index - 1];
    found.push({ category: 'person-failed', start: first.start, end: tokens[index + 1].end });
  });
  return found;
}

/** "John's mistake", "his fault", "the intern's oversight". */
function possessiveFaults(tokens: Token[], text: string): Blame[] {
  const found: Blame[] = [];
  tokens.forEach((token, index) => {
    if (!FAULTS.has(tokens[index + 1]?.word ?? '')) return;
    const owner = token.word.endsWith("'s") ? token.word.slice(0, -2) : undefined;
    // "his/her mistakes" speaks of anyone, not of someone in this incident.
    if (text[token.start - 1] === '/' || text[token.end] === '/') return;
    const isOwnerPerson = POSSESSIVES.has(token.word) || (owner !== undefined && (PEOPLE.has(owner) || /^\p{Lu}/u.test(text.slice(token.start, token.end))));
    if (isOwnerPerson && token.word !== "it's") found.push({ category: 'possessive', start: token.start, end: tokens[index + 1].end });
  });
  return found;
}

function messageFor(category: Category, written: string): string {
  const quoted = `"${written}"`;
  switch (category) {
    case 'judgement':
      return `${quoted} judges a person instead of explaining the system. Describe the conditions that made the error possible (a missing check, a confusing tool), and name roles, not people.`;
    case 'hindsight':
      return `${quoted} is hindsight aimed at a person. Say what information was missing or hard to see at the time.`;
    case 'counterfactual':
      return `${quoted} describes what did not happen. Describe what did happen and why it made sense at the time; put what should change in the action items.`;
    case 'person-failed':
      return `${quoted} pins the failure on a person. Say what the process or tooling lacked, e.g. "the runbook had no step to check the replica".`;
    case 'possessive':
      return `${quoted} blames a person. Name the role and the gap instead, e.g. "the on-call engineer had no alert for the full disk".`;
    case 'exclamation':
      return `${quoted} reads as alarm or anger. State the facts calmly; the impact speaks for itself.`;
    case 'listed':
      return `${quoted} is on this team's list of blaming words (rule option "words"). Describe the system's part instead, and name roles, not people.`;
  }
}

/** What a block's text says, wherever the block is: offsets into the text. */
interface TextBlames {
  /** Judgements, hindsight and the team's own words. */
  listed: Blame[];
  /** Counterfactuals aimed at the responders: the block's section decides whether they count. */
  counterfactuals: Blame[];
  /** Failure pinned on a person, possessive faults, "!!!". */
  others: Blame[];
}

const DEFAULT_ENTRIES = new Set(DEFAULT_BLAME_WORDS.map((word) => word.toLowerCase()));
const HINDSIGHT_ENTRIES = new Set(HINDSIGHT);

function categoryOf(match: WordMatch): Category {
  return !DEFAULT_ENTRIES.has(match.phrase) ? 'listed' : HINDSIGHT_ENTRIES.has(match.phrase) ? 'hindsight' : 'judgement';
}

function readBlames(text: string, words: WordList, counterfactuals: WordList): TextBlames {
  const listed = findWords(words, text)
    .map((match): Blame => ({ category: categoryOf(match), start: match.start, end: match.end }))
    .filter((blame) => blame.category !== 'judgement' || !inListOfCauses(text, blame.start, blame.end));
  const aimed = findWords(counterfactuals, text)
    .filter(aimedAtResponders)
    .map((match): Blame => ({ category: 'counterfactual', start: match.start, end: match.end }));
  const tokens = tokenize(text);
  const others = [...personFailed(tokens, text), ...possessiveFaults(tokens, text)];
  for (const match of text.matchAll(/!{3,}/g)) others.push({ category: 'exclamation', start: match.index, end: match.index + match[0].length });
  return { listed, counterfactuals: aimed, others };
}

interface BlameReader {
  words: WordList;
  counterfactuals: WordList;
  /**
   * A keystroke changes one block: the others' blames are kept by the block as stored for reuse (the same object
   * while its node is unchanged, see prose.ts). Shared: never modify them.
   */
  byBlock: WeakMap<DetachedBlock, TextBlames>;
}

/** Readers by the rule's options; a few, as a workspace uses few configurations. */
const readers = new Map<string, BlameReader>();
const MAX_READERS = 4;

function readerFor(options: Record<string, unknown>): BlameReader {
  const key = JSON.stringify(options);
  let reader = readers.get(key);
  if (!reader) {
    if (readers.size >= MAX_READERS) readers.delete(readers.keys().next().value as string);
    reader = {
      words: wordList(DEFAULT_BLAME_WORDS, options),
      // `allow` also takes counterfactuals out ("allow": ["could have"]); `words` adds blaming words only.
      counterfactuals: wordList(COUNTERFACTUALS, { allow: options.allow }),
      byBlock: new WeakMap(),
    };
    readers.set(key, reader);
  }
  return reader;
}

export const blameLanguage: Rule = {
  meta: {
    id: 'blame-language',
    description: 'Blame instead of systems thinking: "human error", "careless", "should have known", "X failed to", counterfactuals, "!!!".',
    defaultSeverity: 'info',
    fixable: false,
    docs: docsUrl('blame-language'),
    optionsSchema: {
      type: 'object',
      properties: {
        words: { type: 'array', items: { type: 'string' }, description: 'More words or phrases that blame a person, added to the defaults (human error, careless, should have known...). Matched as whole words.' },
        allow: { type: 'array', items: { type: 'string' }, description: 'Default words or phrases to accept, e.g. ["could have", "if only"] to allow counterfactuals.' },
      },
      additionalProperties: false,
    },
  },
  check({ document, options, report }) {
    const reader = readerFor(options);
    for (const { block, stored } of storedBlocks(document)) {
      if (block.isHeading) continue;
      let blames = reader.byBlock.get(stored);
      if (!blames) reader.byBlock.set(stored, (blames = readBlames(block.text, reader.words, reader.counterfactuals)));
      if (!blames.listed.length && !blames.counterfactuals.length && !blames.others.length) continue;
      const found = [
        ...blames.listed,
        ...blames.counterfactuals.filter((blame) => !withinKind(sectionAt(document, block.start + blame.start), COUNTERFACTUAL_HOMES)),
        ...blames.others,
      ];
      found.sort((a, b) => a.start - b.start);
      let covered = -1;
      for (const blame of found) {
        if (blame.start < covered) continue;
        covered = blame.end;
        const written = block.text.slice(blame.start, blame.end);
        report({ range: document.source.rangeOf(block.start + blame.start, block.start + blame.end), message: messageFor(blame.category, written) });
      }
    }
  },
};
