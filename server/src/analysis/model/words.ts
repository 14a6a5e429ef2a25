/**
 * Words and phrases as lower-case token sequences. Word lists (built in or from a user's
 * `.postmortemrc.json`) are matched token by token, never compiled into regular expressions, so an
 * entry such as "c++" or "(maybe" is only ever a word to look for.
 */

import { BoundedCache } from '../util/boundedCache';

export interface Token {
  /** Lower case. */
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Several rules tokenize the same prose on every keystroke: tokens are kept by text, shared (never modify them). */
const tokenCache = new BoundedCache<string, Token[]>(20_000);

export function tokenize(text: string): Token[] {
  return tokenCache.get(text, readTokens);
}

function readTokens(text: string): Token[] {
  const tokens: Token[] = [];
  // exec rather than matchAll: no iterator, and no copy of the expression, per text (the loop calls nothing that uses it).
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    const lower = match[0].toLowerCase();
    tokens.push({ word: lower.includes('’') ? lower.replace(/’/g, "'") : lower, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

export interface PhraseMatch {
  phrase: string;
  /** Index of the first token. */
  index: number;
  length: number;
}

/** A phrase as its words, and as written back in a match. */
interface Phrase {
  words: string[];
  phrase: string;
}

/** A set of words and phrases ("look into", "as needed"), matched on token boundaries. */
export class PhraseSet {
  private readonly byFirstWord = new Map<string, Phrase[]>();

  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) {
      const words = tokenize(String(phrase)).map((token) => token.word);
      if (!words.length) continue;
      const list = this.byFirstWord.get(words[0]) ?? [];
      list.push({ words, phrase: words.join(' ') });
      // Longest first, so "try to" wins over "try".
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirstWord.set(words[0], list);
    }
  }

  /** The phrase starting at token `index`, if any. */
  matchAt(tokens: readonly Token[], index: number): PhraseMatch | undefined {
    // Called for every token of every text read: most tokens start no phrase, and nothing is allocated for them.
    const first = tokens[index];
    const candidates = first && this.byFirstWord.get(first.word);
    if (!candidates) return undefined;
    for (const { words, phrase } of candidates) {
      if (startsAt(words, tokens, index)) return { phrase, index, length: words.length };
    }
    return undefined;
  }

  /** Every non-overlapping match, left to right. */
  findAll(tokens: readonly Token[]): PhraseMatch[] {
    const matches: PhraseMatch[] = [];
    for (let index = 0; index < tokens.length; index++) {
      const match = this.matchAt(tokens, index);
      if (!match) continue;
      matches.push(match);
      index += match.length - 1;
    }
    return matches;
  }

  /** The first word of every phrase. */
  firstWords(): string[] {
    return [...this.byFirstWord.keys()];
  }

  has(word: string): boolean {
    return this.byFirstWord.get(word)?.some(({ words }) => words.length === 1) ?? false;
  }
}

/** Whether the tokens from `index` on are `words`. */
function startsAt(words: readonly string[], tokens: readonly Token[], index: number): boolean {
  if (index + words.length > tokens.length) return false;
  for (let at = 0; at < words.length; at++) if (tokens[index + at].word !== words[at]) return false;
  return true;
}
