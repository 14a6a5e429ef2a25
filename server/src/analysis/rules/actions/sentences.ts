/**
 * Splits a paragraph's Markdown source into sentences without touching its markup: a sentence ends at
 * ".", "!" or "?" followed by a space and a capital, or at a line break before a capital. Never inside
 * a link, inline code, HTML or emphasis; never after "e.g.", "i.e.", "vs.", an initial, or "a.m." before
 * a zone ("9 a.m. UTC"). Decimals ("1.5") and URLs have no space after their dots, so they never split.
 */

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'eg', 'ie', 'vs', 'cf', 'approx', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'inc', 'ltd', 'co', 'jr', 'sr', 'no', 'fig', 'al', 'est', 'dept', 'min', 'max']);
const MERIDIEM = new Set(['a.m', 'p.m']);
/** A line that ends like this continues on the next one. */
const CONTINUES = /(?:[,;(–—-]|\b(?:and|or|the|a|an|of|to|with|for|as|in|on|by|such|from|that|our|its|their))\s*$/i;

export interface Span {
  start: number;
  end: number;
}

/** The sentence-ending candidate's next visible character: a capital, digit, quote, or opening markup. */
function startsSentence(text: string, at: number): boolean {
  // "-Implement" and "● Add" open a sentence: their marker is not part of it.
  const rest = text.slice(at).replace(/^(?:[*_[`"'“‘(<~]|[-+](?=\p{L})|[●•▪◦‣⁃○■□◆◇►▶➢➤]\s*)+/u, '');
  return /^[\p{Lu}\p{N}]/u.test(rest) || /^[*_[`"'“‘(]/.test(text.slice(at));
}

function endsWithAbbreviation(before: string, nextWord: string): boolean {
  const word = /([\p{L}.]+)\.$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  if (ABBREVIATIONS.has(word)) return true;
  if (MERIDIEM.has(word)) return /^[A-Z]{2,5}\b/.test(nextWord);
  // "J. Smith": a single capital is an initial.
  return /(?:^|\s)\p{Lu}\.$/u.test(before);
}

/**
 * Sentences of `text` (trimmed spans). `opaque` are ranges (links, code, HTML, emphasis) inside which
 * no sentence may end.
 */
export function splitSentences(text: string, opaque: Span[] = []): Span[] {
  const inside = (at: number) => opaque.some((span) => at > span.start && at < span.end);
  const cuts: number[] = [];
  const boundary = /(?<=[.!?]['"”’)\]*_]*)[ \t]+|[ \t]*\r?\n[ \t]*/g;
  for (const match of text.matchAll(boundary)) {
    const at = match.index;
    const next = at + match[0].length;
    if (next >= text.length || inside(at)) continue;
    const before = text.slice(0, at);
    const newline = match[0].includes('\n');
    const endsSentence = /[.!?]['"”’)\]*_]*$/.test(before);
    if (endsSentence) {
      if (!startsSentence(text, next) || endsWithAbbreviation(before.replace(/['"”’)\]*_]+$/, ''), text.slice(next))) continue;
    } else if (!newline || CONTINUES.test(before) || !startsSentence(text, next)) {
      continue;
    }
    cuts.push(at, next);
  }
  const spans: Span[] = [];
  let start = 0;
  for (let index = 0; index < cuts.length; index += 2) {
    spans.push({ start, end: cuts[index] });
    start = cuts[index + 1];
  }
  spans.push({ start, end: text.length });
  return spans.filter((span) => text.slice(span.start, span.end).trim());
}
