/**
 * Lines meant as list items that Markdown renders as something else: "-Implement" (no space after the dash),
 * "● item" (a glyph is not a list marker), one item per line with no marker (the lines run together into one
 * paragraph), and such lines indented four spaces (a code block). Read for the model (action items, timeline
 * entries) and for list-syntax, whose edits make the block render as meant without losing a character of it.
 */
import type { Nodes } from 'mdast';
import { endOffset, startOffset, type ParsedMarkdown } from '../parsing/parse';
import { IMPERATIVE_VERBS } from './imperative';

/** Why a line meant as an item is not one. */
export type LineProblem = 'no-space' | 'glyph' | 'unmarked' | 'indented';

export interface MeantLine {
  /** The line as written, from its first character (indentation included) to its line break. */
  lineStart: number;
  lineEnd: number;
  /** Where its words start: after the indentation and the marker as written. */
  textStart: number;
  /** Where the item ends: the end of its last line (a wrapped item runs on over lines that continue it). */
  end: number;
  role: 'item' | 'label' | 'text';
  /** For an item: why Markdown does not show it as one. */
  problem?: Exclude<LineProblem, 'indented'>;
}

export interface MisrenderedBlock {
  start: number;
  end: number;
  /** Every line that starts something (continuation lines belong to the line before them). */
  lines: MeantLine[];
  /** What is wrong, in the order met; 'indented' first for a code block. */
  problems: LineProblem[];
  /** Edits (offsets into the whole text) that make the block render as meant. */
  edits: Array<{ start: number; end: number; newText: string }>;
}

const GLYPH = /^([●•▪◦‣⁃○■□◆◇►▶➢➤])[ \t]*/u;
/** "-Implement", "+Add": a list marker with no space after it. */
const NO_SPACE = /^[-+](?=\p{L})/u;
/** A line that starts a timeline entry: "14:05 ...", "[14:05]", "2024-06-07 ...", "June 7th, 2024, 13:00". */
const TIMESTAMP = /^(?:\[?\s*\d{1,2}[:.]\s?\d{2}\b|\d{4}-\d{2}-\d{2}\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b[^:\n]{0,12}\d{1,2}:\d{2})/i;
/** "Enhance monitoring: Implement ...", "Root Cause: ...": a short label, a colon, then words. */
const LABELLED = /^\p{Lu}[^:\n]{0,48}?:\s+\S/u;
/** "Improvements/Fixes:", "List of Tasks:": a label over the items below it. */
const LABEL = /^[^\n]{1,80}:\s*$/;
/** A paragraph that wraps up rather than lists: "These measures are designed to...", "In conclusion, ...". */
export const CLOSING = /^[\s\-–—*>]*(?::\w+:\s*)*(?:these\s+(?:measures|steps|actions|tasks|changes|improvements)|this\s+(?:postmortem|incident|report|outage|experience|unplanned)|the\s+(?:outlined|above)|by\s+(?:implementing|addressing|taking|learning|following|adopting)|with\s+these|through\s+(?:these|laughter)|in\s+(?:conclusion|summary|the\s+end|short)|to\s+(?:conclude|sum\s+up|summari[sz]e)|overall|conclusion|final\s+thoughts|lessons?\s+learned|we\s+(?:appreciate|apologi[sz]e|are\s+committed|learned)|thank|remember|now,?\s+our|ps\b|note\b)/i;
/** A line that ends like this goes on in the next one. */
const CONTINUES = /(?:[,;(–—-]|\b(?:and|or|the|a|an|of|to|with|for|as|in|on|by|such|from|that|our|its|their))\s*$/i;
/** A line break Markdown keeps: two spaces or a backslash at the end of the line. */
const HARD_BREAK = /(?: {2,}|\\)$/;
/** What code, commands, configuration, logs and stack traces are made of and prose is not. */
const CODE = /[{}<>;=$|\\`]|\(\)|=>|->|::|\/\w+\/|\w\.\w+\(|^\s*at\s+\S+\(|^\s*(?:#|\/\/|--\w)|\b(?:ERROR|WARN|INFO|DEBUG|TRACE)\b|\d{2}:\d{2}:\d{2}|^\s*(?:sudo|cd|ls|echo|curl|git|npm|pip|docker|kubectl|def|function|class|import|return|SELECT|UPDATE|INSERT)\b/;

interface Line {
  start: number;
  end: number;
  /** After the indentation. */
  content: number;
  text: string;
}

function linesOf(text: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  for (let at = start; at < end; ) {
    const lineFeed = text.indexOf('\n', at);
    const stop = lineFeed < 0 || lineFeed > end ? end : lineFeed;
    const lineEnd = stop > at && text[stop - 1] === '\r' ? stop - 1 : stop;
    const raw = text.slice(at, lineEnd);
    const indent = raw.length - raw.trimStart().length;
    lines.push({ start: at, end: lineEnd, content: at + indent, text: raw.trim() });
    at = stop + 1;
  }
  return lines;
}

function lineAfter(text: string, end: number): string {
  const next = text.indexOf('\n', end);
  if (next < 0) return '';
  const after = text.indexOf('\n', next + 1);
  return text.slice(next + 1, after < 0 ? text.length : after);
}

function firstWord(text: string): string {
  return /^[\p{L}]+/u.exec(text)?.[0] ?? '';
}

/** A line that reads as an item on its own: it opens with a verb, a short label and its text, or a time. */
function isItemLike(text: string): boolean {
  const word = firstWord(text);
  return (/^\p{Lu}/u.test(word) && IMPERATIVE_VERBS.has(word.toLowerCase())) || LABELLED.test(text) || TIMESTAMP.test(text);
}

/** A line that reads as prose, a label or a list item, not as code, a command, configuration or a log. */
function isProse(text: string): boolean {
  if (!text || CODE.test(text)) return false;
  const letters = text.replace(/[^\p{L}\s]/gu, '').length;
  return letters / text.length >= 0.8 && (text.split(/\s+/).length >= 3 || LABEL.test(text));
}

/** How the line is marked as written: its marker's length and the problem it has. */
function markerOf(text: string): { length: number; problem?: MeantLine['problem'] } {
  const glyph = GLYPH.exec(text);
  if (glyph) return { length: glyph[0].length, problem: 'glyph' };
  if (NO_SPACE.test(text)) return { length: 1, problem: 'no-space' };
  return { length: 0 };
}

/**
 * The block's lines as meant, or undefined when it renders as meant. `indented`: the block is an indented code
 * block (its lines are read only when each one is prose); otherwise a paragraph.
 */
export function readMisrendered(text: string, start: number, end: number, indented: boolean): MisrenderedBlock | undefined {
  const all = linesOf(text, start, end);
  const written = all.filter((line) => line.text);
  if (!written.length || (indented && !written.every((line) => isProse(line.text.replace(GLYPH, ''))))) return undefined;
  const marked = written.map((line) => markerOf(line.text));
  // Unmarked items count when two or more lines each start a new item and the line before them does not run on.
  const startsItem = written.map((line, index) => {
    const before = written[index - 1];
    return !!before && !CONTINUES.test(before.text) && !HARD_BREAK.test(text.slice(before.start, before.end)) && isItemLike(line.text);
  });
  const unmarked = startsItem.filter((starts, index) => starts && !marked[index].problem).length + (isItemLike(written[0].text) && startsItem.some(Boolean) ? 1 : 0);
  const marks = marked.some((mark) => mark.problem);
  if (!indented && !marks && unmarked < 2) return undefined;
  const lines: MeantLine[] = [];
  const problems = new Set<LineProblem>(indented ? ['indented'] : []);
  const edits: MisrenderedBlock['edits'] = [];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  written.forEach((line, index) => {
    const mark = marked[index];
    const words = line.text.slice(mark.length);
    const previous = lines[lines.length - 1];
    const before = written[index - 1];
    const continues = previous && !mark.problem && before && (CONTINUES.test(before.text) || (/^\p{Ll}/u.test(words) && !/[.!?:]$/.test(before.text) && !IMPERATIVE_VERBS.has(firstWord(words))));
    const role: MeantLine['role'] = continues ? previous.role : mark.problem || (unmarked >= 2 && !LABEL.test(words) && !CLOSING.test(words)) ? 'item' : LABEL.test(words) ? 'label' : 'text';
    // What goes before the line's words: nothing, a list marker, or (after an item, for a line that is not one) a
    // blank line, without which the line would be read as the item's continuation.
    const prefix = continues ? '' : role === 'item' ? (mark.problem === 'no-space' ? `${line.text[0]} ` : '- ') : previous?.role === 'item' ? eol : '';
    const marker = continues ? 0 : mark.length;
    // An item starts at the margin (indented, it would nest or stay text); a code block's lines lose their indentation.
    const from = line.start;
    const to = indented || (role === 'item' && !continues) ? line.content + marker : line.start;
    if (from < to || prefix) edits.push({ start: from, end: to, newText: prefix });
    if (continues) {
      previous.end = line.end;
      return;
    }
    const problem = role === 'item' ? mark.problem ?? 'unmarked' : undefined;
    lines.push({ lineStart: line.start, lineEnd: line.end, textStart: line.content + mark.length, end: line.end, role, ...(problem ? { problem } : {}) });
    if (problem) problems.add(problem);
  });
  if (!problems.size) return undefined;
  // A code block ends at a line with less indentation, a paragraph at a title written as a plain line: once the
  // block is text or a list, that line would join it.
  if ((indented || lines[lines.length - 1].role === 'item') && lineAfter(text, end).trim()) edits.push({ start: end, end, newText: eol });
  return { start, end, lines, problems: [...problems], edits };
}

/** A code block written by indenting its lines (not fenced). */
export function isIndentedCode(parsed: ParsedMarkdown, node: Nodes): boolean {
  return node.type === 'code' && !/^[ \t]*(?:`{3,}|~{3,})/.test(parsed.source.text.slice(startOffset(parsed, node), startOffset(parsed, node) + 40));
}

/** A paragraph's or an indented code block's lines as meant, when Markdown renders them as something else. */
export function misrenderedBlock(parsed: ParsedMarkdown, node: Nodes): MisrenderedBlock | undefined {
  const indented = isIndentedCode(parsed, node);
  if (node.type !== 'paragraph' && !indented) return undefined;
  return readMisrendered(parsed.source.text, startOffset(parsed, node), endOffset(parsed, node), indented);
}
