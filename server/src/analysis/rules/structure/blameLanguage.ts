import { BoundedCache } from '../../util/boundedCache';
import type { PostmortemDocument } from '../../model';
import { tokenize } from '../../model/words';
import { docsUrl, type Rule, type RuleContext } from '../types';
import { DEFAULT_FAULTS, DEFAULT_PEOPLE, peopleBlamed, type PeopleLists, type PersonCategory } from './blamePeople';
import { indentedProse, sectionAt, storedBlocks, withinKind, type DetachedBlock } from './prose';
import { findWords, stringList, wordList, type WordList, type WordMatch } from '../../model/wordList';

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

const COUNTERFACTUAL_HOMES = ['action-items', 'lessons', 'went-well', 'went-wrong', 'got-lucky'];

type Category = 'judgement' | 'hindsight' | 'counterfactual' | PersonCategory | 'exclamation' | 'listed';

interface Blame {
  category: Category;
  start: number;
  end: number;
}

function aimedAtResponders(match: WordMatch, people: Set<string>): boolean {
  if (match.phrase === 'if only') return true;
  const { tokens, index } = match;
  const subject = tokens.slice(Math.max(0, index - 3), index).map((token) => token.word);
  if (subject.some((word) => RESPONDERS.has(word) || people.has(word))) return true;
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
    case 'person-fault':
      return `${quoted} pins a fault on a person. Name the role and what let the slip through, e.g. "the deploy had no config check, and the on-call engineer pushed an unchecked change".`;
    case 'person-cause':
      return `${quoted} makes a person the cause. Name the role and the condition that let the change cause harm, e.g. "a new engineer had write access to production and no review step".`;
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

function readBlames(text: string, { words, counterfactuals, people }: BlameReader): TextBlames {
  const listed = findWords(words, text)
    .map((match): Blame => ({ category: categoryOf(match), start: match.start, end: match.end }))
    .filter((blame) => blame.category !== 'judgement' || !inListOfCauses(text, blame.start, blame.end));
  const aimed = findWords(counterfactuals, text)
    .filter((match) => aimedAtResponders(match, people.people))
    .map((match): Blame => ({ category: 'counterfactual', start: match.start, end: match.end }));
  const others: Blame[] = peopleBlamed(tokenize(text), text, people);
  for (const match of text.matchAll(/!{3,}/g)) others.push({ category: 'exclamation', start: match.index, end: match.index + match[0].length });
  return { listed, counterfactuals: aimed, others };
}

interface BlameReader {
  words: WordList;
  counterfactuals: WordList;
  people: PeopleLists;
  /**
   * A keystroke changes one block: the others' blames are kept by the block as stored for reuse (the same object
   * while its node is unchanged, see prose.ts). Shared: never modify them.
   */
  byBlock: WeakMap<DetachedBlock, TextBlames>;
  /** Indented prose, which Markdown renders as code, by its text. */
  byIndentedText: BoundedCache<string, TextBlames>;
}

/** One-word entries of a list option, as the tokens they match. */
function lowerCase(option: unknown): string[] {
  return stringList(option).map((entry) => entry.trim().toLowerCase().replace(/’/g, "'"));
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
      people: {
        people: new Set([...DEFAULT_PEOPLE, ...lowerCase(options.people)]),
        faults: new Set([...DEFAULT_FAULTS, ...lowerCase(options.faults)]),
      },
      byBlock: new WeakMap(),
      byIndentedText: new BoundedCache(64),
    };
    readers.set(key, reader);
  }
  return reader;
}

export const blameLanguage: Rule = {
  meta: {
    id: 'blame-language',
    description: 'Blame instead of systems thinking: "human error", "careless", "should have known", "X failed to", "Sam forgot to", "caused by a new intern", counterfactuals, "!!!".',
    defaultSeverity: 'info',
    fixable: false,
    docs: docsUrl('blame-language'),
    optionsSchema: {
      type: 'object',
      properties: {
        words: { type: 'array', items: { type: 'string' }, description: 'More words or phrases that blame a person, added to the defaults (human error, careless, should have known...). Matched as whole words.' },
        allow: { type: 'array', items: { type: 'string' }, description: 'Default words or phrases to accept, e.g. ["could have", "if only"] to allow counterfactuals.' },
        people: { type: 'array', items: { type: 'string' }, description: 'More words that name a person by role, added to the defaults (engineer, intern, developer, admin...), e.g. ["sre", "rookie"]. One word each.' },
        faults: { type: 'array', items: { type: 'string' }, description: 'More verbs or adverbs that pin a fault on the person before them, added to the defaults (forgot, neglected, accidentally, mistakenly...). One word each.' },
      },
      additionalProperties: false,
    },
  },
  check({ document, options, report }) {
    const reader = readerFor(options);
    for (const { block, stored } of storedBlocks(document)) {
      if (block.isHeading) continue;
      let blames = reader.byBlock.get(stored);
      if (!blames) reader.byBlock.set(stored, (blames = readBlames(block.text, reader)));
      reportBlames(document, block.start, block.text, blames, report);
    }
    for (const { start, text } of indentedProse(document)) reportBlames(document, start, text, reader.byIndentedText.get(text, (own) => readBlames(own, reader)), report);
  },
};

/** A text's blames, at `start` in the document; the first of overlapping ones. */
function reportBlames(document: PostmortemDocument, start: number, text: string, blames: TextBlames, report: RuleContext['report']): void {
  if (!blames.listed.length && !blames.counterfactuals.length && !blames.others.length) return;
  const found = [
    ...blames.listed,
    ...blames.counterfactuals.filter((blame) => !withinKind(sectionAt(document, start + blame.start), COUNTERFACTUAL_HOMES)),
    ...blames.others,
  ];
  found.sort((a, b) => a.start - b.start);
  let covered = -1;
  for (const blame of found) {
    if (blame.start < covered) continue;
    covered = blame.end;
    const written = text.slice(blame.start, blame.end);
    report({ range: document.source.rangeOf(start + blame.start, start + blame.end), message: messageFor(blame.category, written) });
  }
}
