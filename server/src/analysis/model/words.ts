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
  return tokenCache.get(text, (own) => {
    const tokens: Token[] = [];
    for (const match of own.matchAll(WORD)) {
      const lower = match[0].toLowerCase();
      tokens.push({ word: lower.includes('’') ? lower.replace(/’/g, "'") : lower, start: match.index, end: match.index + match[0].length });
    }
    return tokens;
  });
}

export interface PhraseMatch {
  phrase: string;
  /** Index of the first token. */
  index: number;
  length: number;
}

/** A set of words and phrases ("look into", "as needed"), matched on token boundaries. */
export class PhraseSet {
  private readonly byFirstWord = new Map<string, string[][]>();

  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) {
      const words = tokenize(String(phrase)).map((token) => token.word);
      if (!words.length) continue;
      const list = this.byFirstWord.get(words[0]) ?? [];
      list.push(words);
      // Longest first, so "try to" wins over "try".
      list.sort((a, b) => b.length - a.length);
      this.byFirstWord.set(words[0], list);
    }
  }

  /** The phrase starting at token `index`, if any. */
  matchAt(tokens: readonly Token[], index: number): PhraseMatch | undefined {
    for (const words of this.byFirstWord.get(tokens[index]?.word ?? '') ?? []) {
      if (words.every((word, at) => tokens[index + at]?.word === word)) return { phrase: words.join(' '), index, length: words.length };
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
    return this.byFirstWord.get(word)?.some((words) => words.length === 1) ?? false;
  }
}
