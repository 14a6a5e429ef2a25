import { PhraseSet, tokenize, type Token } from './words';

/**
 * A rule's word list: its defaults, plus the user's `words`, minus the user's `allow` (rule options in
 * `.postmortemrc.json`). Entries are matched as whole words and phrases, never as patterns. An entry written
 * in capitals ("TODO") matches only text written in capitals, so "a todo list" is not a "TODO".
 */
export interface WordList {
  phrases: PhraseSet;
  capitalsOnly: Set<string>;
}

export interface WordMatch {
  /** The entry as listed, in lower case. */
  phrase: string;
  start: number;
  end: number;
  /** The tokens of the text, and the index of the match's first one, for rules that look around it. */
  tokens: Token[];
  index: number;
}

const MAX_ENTRIES = 1000;
const MAX_ENTRY_LENGTH = 200;

/** The string entries of an option; anything else (a number, an object, a huge list) is ignored. */
export function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((entry): entry is string => typeof entry === 'string' && entry.trim().length > 0 && entry.length <= MAX_ENTRY_LENGTH).slice(0, MAX_ENTRIES);
}

function key(entry: string): string {
  return tokenize(entry).map((token) => token.word).join(' ');
}

export function wordList(defaults: readonly string[], options: Record<string, unknown>, names = { add: 'words', remove: 'allow' }): WordList {
  const removed = new Set(stringList(options[names.remove]).map(key));
  const entries = [...defaults, ...stringList(options[names.add])].filter((entry) => !removed.has(key(entry)));
  const capitalsOnly = new Set(entries.filter((entry) => /\p{Lu}/u.test(entry) && !/\p{Ll}/u.test(entry)).map(key));
  // An entry also listed in lower case matches in any case.
  for (const entry of entries) if (/\p{Ll}/u.test(entry)) capitalsOnly.delete(key(entry));
  return { phrases: new PhraseSet(entries), capitalsOnly };
}

/** Every match of the list in a text, left to right, with offsets into the text. */
export function findWords(list: WordList, text: string): WordMatch[] {
  const tokens = tokenize(text);
  const matches: WordMatch[] = [];
  for (const match of list.phrases.findAll(tokens)) {
    const start = tokens[match.index].start;
    const end = tokens[match.index + match.length - 1].end;
    if (list.capitalsOnly.has(match.phrase) && /\p{Ll}/u.test(text.slice(start, end))) continue;
    matches.push({ phrase: match.phrase, start, end, tokens, index: match.index });
  }
  return matches;
}
