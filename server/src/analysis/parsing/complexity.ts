/**
 * Texts whose Markdown structure would make parsing slow or overflow the stack, found by one linear scan
 * before parsing. The Markdown parser's work grows faster than the text for lists and quotes nested
 * thousands deep (it also recurses once per level), for a paragraph with thousands of emphasis or link
 * markers, and for a table with thousands of rows: measured on this project's 2-core machine (busy), 2 000
 * nested list markers take 2 s and 3 000 overflow the stack, images nested 2 400 deep (`![![...`) 12 s, an
 * 8 000-row table 30 s. Real reports stay far below these limits (the seeds and the corpus: 3 levels, 80 markers
 * in a paragraph, 30 table rows).
 */

/** Lists and quotes nested deeper than this. */
export const MAX_NESTING = 100;
/** `*`, `_`, `[` and `]` in one paragraph (lines up to a blank line, a list item, a quote, a heading or a table row). */
export const MAX_INLINE_MARKERS = 2000;
/** Consecutive lines holding `|`: the rows of one table. */
export const MAX_TABLE_ROWS = 2000;

/** The list and quote markers opening a line: "> > - 1. text" is four levels deep. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;
const CONTAINER_MARKER = />|[-*+]|\d{1,9}[.)]/g;
const INLINE_MARKERS = /[*_[\]]/g;
const LINE_BREAK = /\r\n|\r|\n/;

function nesting(line: string): number {
  const prefix = CONTAINER_PREFIX.exec(line)?.[0];
  if (!prefix) return 0;
  // A list nested by indentation takes at least two columns per level.
  const indentation = prefix.length - prefix.trimStart().length;
  return (prefix.match(CONTAINER_MARKER)?.length ?? 0) + Math.floor(indentation / 2);
}

/** Why the text is too complex to check quickly, in words for the user; undefined for every real report. */
export function complexityReason(text: string): string | undefined {
  let markers = 0;
  let rows = 0;
  for (const line of text.split(LINE_BREAK)) {
    const depth = nesting(line);
    if (depth > MAX_NESTING) return `it nests lists or quotes more than ${MAX_NESTING} levels deep`;
    const row = line.includes('|');
    rows = row ? rows + 1 : 0;
    if (rows > MAX_TABLE_ROWS) return `one of its tables has more than ${MAX_TABLE_ROWS} rows`;
    // Inline markup is parsed paragraph by paragraph (and cell by cell): a new block starts the count again.
    if (!line.trim() || depth || row || line.trimStart().startsWith('#')) markers = 0;
    markers += line.match(INLINE_MARKERS)?.length ?? 0;
    if (markers > MAX_INLINE_MARKERS) return `one of its paragraphs holds more than ${MAX_INLINE_MARKERS} emphasis or link markers (*, _, [, ])`;
  }
  return undefined;
}
