import type { Image } from 'mdast';
import type { ResolvedConfig } from '../../config/config';
import type { PostmortemDocument } from '../../model';
import { walk } from '../../model/walk';
import { endOffset, startOffset } from '../../parsing/parse';
import type { Template } from '../../templates';
import { promptKey, promptLines } from '../../templates/lookup';
import { docsUrl, type Rule } from '../types';
import { proseByNode, type DetachedBlock, type NodeProse } from './prose';
import { findWords, stringList, wordList, type WordList } from '../../model/wordList';
import { BoundedCache } from '../../util/boundedCache';

export type PlaceholderKind = 'prompt' | 'path' | 'bracket' | 'format' | 'marker' | 'filler' | 'listed' | 'unknown' | 'note' | 'guidance' | 'image' | 'stock-image';

export interface Placeholder {
  kind: PlaceholderKind;
  /** The text as written. */
  text: string;
  start: number;
  end: number;
  message: string;
}

/** Words that mark unfinished text; in capitals, so they match only when written in capitals. */
const MARKERS = ['TODO', 'TBD', 'TBA', 'TBC', 'FIXME', 'XXX'];
/** Lorem ipsum, which some templates fill their sections with. */
const FILLER = ['lorem ipsum', 'lorem', 'ipsum', 'dolor sit amet', 'sit amet', 'consectetur', 'adipiscing elit', 'curabitur', 'etiam'];
export const DEFAULT_PLACEHOLDER_WORDS: readonly string[] = [...MARKERS, ...FILLER];

/** "[Time of detection]", "[Your name]", "[path/to/diagram.png]": a bracketed prompt, not a reference like "[1]". */
const BRACKET = /\[([^[\]\n]{2,80})\]/g;
/** A prompt starts by saying what to write: "[Time of detection]", "[Insert link]", "[Incident date]"; not "[Require approval for first-time contributors]". */
const PROMPT_START = /^\s*(?:[\p{L}]+\s+)?(?:insert|enter|add|your|describe|description|name|date|time|link|url|path|placeholder|example|number|details?|here|owner|team|who|when|what|how|why|fill|replace)(?![\w-])/iu;
/** "<insert date>", "<your service>": an angle-bracket prompt (often parsed as inline HTML). */
const ANGLE = /<\s*(?:insert|enter|add|your|describe|placeholder|fill in|replace)\b[^<>\n]{0,80}>/gi;
const MUSTACHE = /\{\{[^{}\n]{1,80}\}\}/g;
const DATE_FORMAT = /\b(?:(?:yyyy|20xx)[-/.]mm[-/.]dd|dd[-/.]mm[-/.]yyyy|mm[-/.]dd[-/.]yyyy)\b/gi;
const TIME_FORMAT = /(?<![\w:])(?:hh:mm(?::ss)?|--:--|xx:xx)(?![\w:])/gi;
/**
 * "2X:XX", "14:??": a time with digits still to find. Found from the minutes back, as a pattern that starts with ":"
 * is quick to look for; the hour before the colon is checked after.
 */
const PARTIAL_MINUTES = /:[\dx?]{2}(?![\w:?])/gi;
const PARTIAL_HOUR = /(?<![\w:?])[\dx?]{1,2}$/i;
/** "is ?????": question marks standing for what is not known yet (not "why???"). */
const QUESTION_MARKS = /(?<![\p{L}\p{N}?])\?{3,}/gu;
/** "XX% of users", "for XX minutes", "in 20XX": a number still to find (in capitals; "XXX" is a marker of its own). */
const UNKNOWN_NUMBER = /(?:20)?XX(?=%|[^\p{L}\p{N}-]|$)/gu;
/** "Time to detection: ?": a field whose value is only question marks. (A "?" alone on a line is often a garbled character.) */
const UNKNOWN_VALUE = /:[ \t]*\?+[ \t]*$/gm;
/** "(need to convert to PST)", "(not sure exact time)": a note the author left to themselves. */
const NOTE = /\((?:note:\s*)?(?:needs? to|to be (?:confirmed|determined|decided|added|checked|converted|updated|filled in)|not sure|unsure|to confirm|to check|fill in)\b[^()\n]{0,80}\)/gi;
/**
 * "Add a diagram here.", "Insert the screenshot here", "(add link here)": a template's instruction, written as a
 * sentence of its own. Found from "here" back, which is quicker than trying the verbs at every position.
 */
const HERE = /\bhere\b(?=[ \t]*(?:[.:!)\]]|$))/gim;
const ADD_BEFORE_HERE = /(?:add|insert|put|place|paste|include)\s+(?:(?:a|an|the|your)\s+)?(?:[\p{L}-]+\s+){0,3}here$/iu;
/** "Making the postmortem attractive", "to make the postmortem more engaging": the assignment's advice on writing it. */
const WRITING_ADVICE = /\bmak(?:e|ing)\s+(?:the|your|this)\s+post[- ]?mortem\s+(?:more\s+)?(?:attractive|engaging|appealing|fun|interesting|readable|catchy|memorable)\b/gi;
/** "## Corrective and preventative measures must contain": a title that still says what the section must hold. */
const MUST_CONTAIN = /\b(?:must|should)\s+(?:contain|include|cover|have)[ \t]*:?[ \t]*$/gim;
/**
 * "![Diagram]" with no address (and no reference definition) renders as text: a picture still to make. "![fig1]" is
 * a broken reference to one the author has, another problem.
 */
const IMAGE_WITHOUT_ADDRESS = /!\[(?=[^[\]\n\d]*\b(?:diagram|image|screenshot|picture|photo|figure|chart|graph|illustration|flowchart|drawing)s?\b)[^[\]\n\d]*\](?![([:])/giu;
/** Services that serve grey boxes and kittens in place of a real picture. */
const STOCK_IMAGE_HOSTS = /^(?:https?:)?\/\/(?:[\w-]+\.)*(?:dummyimage\.com|placehold\.(?:it|co)|placeholder\.com|placekitten\.com|placebear\.com|picsum\.photos|fakeimg\.pl|lorempixel\.com|placeimg\.com)(?:[/?#]|$)/i;
/** "insert_funny_diagram.jpg", "your-logo.png", "placeholder.png": a file named for what should go there. */
const PLACEHOLDER_FILE = /(?:^|\/)(?:(?:insert|your|replace)[-_][^/]*|[^/]*placeholder[^/]*)$/i;
/**
 * What every match of each pattern contains (case-insensitive patterns: tested without case). Most prose blocks
 * hold none of it, and are not scanned with the pattern.
 */
const NEEDLES = new Map<RegExp, string | RegExp>([
  [BRACKET, '['],
  [ANGLE, '<'],
  [MUSTACHE, '{{'],
  [DATE_FORMAT, /mm/i],
  [TIME_FORMAT, ':'],
  [PARTIAL_MINUTES, ':'],
  [QUESTION_MARKS, '???'],
  [UNKNOWN_NUMBER, 'XX'],
  [UNKNOWN_VALUE, '?'],
  [NOTE, '('],
  [HERE, /here/i],
  [IMAGE_WITHOUT_ADDRESS, '!['],
  [MUST_CONTAIN, /must|should/i],
  [WRITING_ADVICE, /mortem/i],
]);

/** The matches of one of the patterns above in a text. */
function matchesIn(text: string, pattern: RegExp): Iterable<RegExpExecArray> {
  const needle = NEEDLES.get(pattern)!;
  return (typeof needle === 'string' ? text.includes(needle) : needle.test(text)) ? text.matchAll(pattern) : [];
}

/**
 * Lines of a widely used postmortem assignment's instructions (what each section "must contain"): left in, they are
 * prompts nobody removed. Compared by their words, like the templates' prompts.
 */
export const DEFAULT_GUIDANCE: readonly string[] = [
  'What service was down/slow?',
  'What were users experiencing?',
  'How many % of the users were affected?',
  'which team/individuals was the incident escalated to',
  'misleading investigation/debugging paths that were taken',
  'what are the things that can be improved/fixed (broadly speaking)',
  'what are the things that can be improved/fixed',
  'a list of tasks to address the issue (be very specific, like a TODO, example: patch Nginx server, add monitoring on server memory…)',
  'explain in detail what was causing the issue',
  'explain in detail how the issue was fixed',
  'duration of the outage with start and end times (including timezone)',
  'actions taken (what parts of the system were investigated, what were the assumption on the root cause of the issue)',
];

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 60 ? `${flat.slice(0, 57)}...` : flat}"`;
}

function messageFor(kind: PlaceholderKind, text: string): string {
  const written = quote(text);
  switch (kind) {
    case 'prompt':
      return `${written} is the template's prompt, not an answer yet. Replace it with what happened.`;
    case 'path':
      return `${written} is a placeholder path from a template, so the image or link cannot work. Put the real file path or URL there.`;
    case 'bracket':
      return `${written} is a template prompt left in the report. Replace it with the answer.`;
    case 'format':
      if (text.includes(':') && /^[-x?\d:]+$/i.test(text) && /[-x?]/i.test(text)) return `${written} stands in for a time. Write the time with its zone, or say why it is not known.`;
      return /y|d/i.test(text)
        ? `${written} is a date format, not a date. Write the date, e.g. 2024-05-10.`
        : `${written} is a time format, not a time. Write the time with its zone, e.g. 14:05 UTC.`;
    case 'marker':
      return `${written} marks something unfinished. Finish it before the review, or move the open question to the action items.`;
    case 'filler':
      return `${written} is filler text from a template. Replace it with what happened.`;
    case 'listed':
      return `${written} is on this team's placeholder list (rule option "words"). Replace it before the review.`;
    case 'unknown':
      return `${written} stands in for something not known yet. Fill it in, or say what is not known and why.`;
    case 'note':
      return `${written} is a note to the author left in the report. Do what it says, then remove it.`;
    case 'guidance':
      return `${written} is guidance from the template or assignment, left in the report. Do what it asks, then remove it.`;
    case 'image':
      return `${written} is an image with no address, so it shows as text. Add the image's path or URL, e.g. ![Diagram](diagram.png), or remove it.`;
    case 'stock-image':
      return `${written} is a placeholder image service: readers see a stand-in, not your picture. Put the real image there.`;
  }
}

/** Two rules (this one and empty-section) read the placeholders of each analysis: they are found once. */
const placeholdersOf = new WeakMap<PostmortemDocument, Array<{ config: ResolvedConfig; options: string; placeholders: Placeholder[] }>>();

/** Every template leftover in the document, in order; hover explains them with the same reading. */
export function findPlaceholders(document: PostmortemDocument, config: ResolvedConfig, options: Record<string, unknown>): Placeholder[] {
  const key = JSON.stringify(options);
  const known = placeholdersOf.get(document) ?? [];
  let entry = known.find((candidate) => candidate.config === config && candidate.options === key);
  if (!entry) {
    known.push((entry = { config, options: key, placeholders: readPlaceholders(document, config, options) }));
    placeholdersOf.set(document, known);
  }
  return entry.placeholders;
}

/** A placeholder's kind and offsets in the text it was found in. */
interface Span {
  kind: PlaceholderKind;
  start: number;
  end: number;
}

/** Bracketed prompts, `<insert ...>`, `{{...}}`, paths with /to/, date and time formats in a text. */
function scan(text: string): Span[] {
  const spans: Span[] = [];
  const add = (kind: PlaceholderKind, match: RegExpExecArray | RegExpMatchArray) => spans.push({ kind, start: match.index!, end: match.index! + match[0].length });
  for (const match of matchesIn(text, BRACKET)) {
    const inner = match[1];
    if (/\d/.test(inner)) continue;
    if (/\/to\//i.test(inner)) add('path', match);
    else if (PROMPT_START.test(inner)) add('bracket', match);
  }
  for (const pattern of [ANGLE, MUSTACHE]) for (const match of matchesIn(text, pattern)) add('bracket', match);
  for (const pattern of [DATE_FORMAT, TIME_FORMAT]) for (const match of matchesIn(text, pattern)) add('format', match);
  for (const match of matchesIn(text, PARTIAL_MINUTES)) {
    const hour = PARTIAL_HOUR.exec(text.slice(Math.max(0, match.index - 3), match.index));
    const start = match.index - (hour?.[0].length ?? 0);
    if (hour && /[x?]/i.test(text.slice(start, match.index + match[0].length))) spans.push({ kind: 'format', start, end: match.index + match[0].length });
  }
  return spans;
}

/** Leftovers only prose holds: unknowns, notes to the author, the assignment's advice, images with no address. */
function scanProse(text: string): Span[] {
  const spans: Span[] = titleSpans(text);
  const add = (kind: PlaceholderKind, start: number, end: number) => spans.push({ kind, start, end });
  for (const match of matchesIn(text, QUESTION_MARKS)) add('unknown', match.index, match.index + match[0].length);
  for (const match of matchesIn(text, UNKNOWN_NUMBER)) if (!/[\p{L}\p{N}-]/u.test(text[match.index - 1] ?? '')) add('unknown', match.index, match.index + match[0].length);
  for (const match of matchesIn(text, UNKNOWN_VALUE)) {
    const marks = /\?+/.exec(match[0])!;
    add('unknown', match.index + marks.index, match.index + marks.index + marks[0].length);
  }
  for (const match of matchesIn(text, NOTE)) add('note', match.index, match.index + match[0].length);
  for (const match of matchesIn(text, HERE)) {
    const end = match.index + match[0].length;
    const instruction = ADD_BEFORE_HERE.exec(text.slice(Math.max(0, end - 80), end));
    if (!instruction) continue;
    const start = end - instruction[0].length;
    // The instruction starts its sentence, its line or a bracket.
    if (/(?:^|[\n.!?:(])\s*$/.test(text.slice(Math.max(0, start - 20), start))) add('guidance', start, end);
  }
  for (const match of matchesIn(text, IMAGE_WITHOUT_ADDRESS)) add('image', match.index, match.index + match[0].length);
  return spans;
}

/** Guidance a title can hold, even one that names a section: "Corrective and preventative measures must contain". */
function titleSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of [MUST_CONTAIN, WRITING_ADVICE]) {
    for (const match of matchesIn(text, pattern)) spans.push({ kind: 'guidance', start: match.index, end: match.index + match[0].replace(/[\s:]+$/, '').length });
  }
  return spans;
}

/** The placeholders of one prose block's text: unanswered prompt lines, scanned patterns, listed words. */
/**
 * "TODO List:", "TODOs:" or a heading "## TODO": the marker titles the list after it, not a leftover. "TODO" alone
 * and "TODO: confirm" are leftovers.
 */
function titlesList(text: string, start: number, end: number, isHeading: boolean): boolean {
  // Within a few characters either way, so a line of thousands of TODOs is not read once per TODO.
  const before = text.slice(Math.max(0, start - 16), start);
  if (!(start <= 16 ? /(?:^|\n)[^\w\n]*$/ : /\n[^\w\n]*$/).test(before)) return false;
  const rest = /^(?:s|\s*(?:list|items?))?[^\S\n]*(:?)[^\w\n]*(?:\n|$)/i.exec(text.slice(end, end + 24));
  return rest !== null && (isHeading || rest[1] === ':');
}

function blockSpans(text: string, isHeading: boolean, { prompts, guidance, words, defaults }: Lists): Span[] {
  const spans: Span[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const key = promptKey(line);
    // A guidance line that is a block of its own, answered below, reads as the section's question title.
    const kind = !key ? undefined : prompts.has(key) ? 'prompt' : guidance.has(key) && text.trim() !== line.trim() ? 'guidance' : undefined;
    if (kind) spans.push({ kind, start: lineStart + line.search(/\S/), end: lineStart + line.trimEnd().length });
    lineStart += line.length + 1;
  }
  spans.push(...scan(text), ...scanProse(text));
  for (const match of findWords(words, text)) {
    const kind = !defaults.has(match.phrase) ? 'listed' : MARKERS.some((marker) => marker.toLowerCase() === match.phrase) ? 'marker' : 'filler';
    if (match.phrase === 'todo' && titlesList(text, match.start, match.end, isHeading)) continue;
    spans.push({ kind, start: match.start, end: match.end });
  }
  return spans;
}

/** What a node's placeholders depend on besides its prose reading: the rule's options and which of its headings are section titles. */
function nodeKey(read: NodeProse, optionsKey: string, recognisedTitles: Set<number>): string {
  const titles = read.blocks.map((block) => (block.isHeading ? (recognisedTitles.has(block.start) ? 't' : 'h') : '')).join('');
  return `${optionsKey}\u0000${titles}`;
}

/** What the rule's options and the template make a leftover. */
interface Lists {
  /** Template prompt lines, as `promptKey`s. */
  prompts: Set<string>;
  /** Assignment guidance lines, as `promptKey`s. */
  guidance: Set<string>;
  words: WordList;
  defaults: Set<string>;
}

/** The placeholders of one top-level node, offsets in the document. */
function nodeSpans(document: PostmortemDocument, read: NodeProse, recognisedTitles: Set<number>, lists: Lists): Span[] {
  const spans: Span[] = [];
  const addAll = (found: Span[], base: number) => {
    for (const span of found) spans.push({ kind: span.kind, start: base + span.start, end: base + span.end });
  };
  for (const block of read.blocks) {
    // "# TODOs" titles the action items; it is not a leftover, but what the assignment said the section must contain is.
    if (block.isHeading && recognisedTitles.has(block.start)) addAll(titleSpans(block.text), block.start);
    else addAll(blockSpans(block.text, block.isHeading, lists), block.start);
  }
  // Inline HTML ("<insert date>") and the destinations of images and links are not prose, but can hold prompts.
  walk(read.node, (node) => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'yaml') return false;
    if (node.type === 'html' && !/^\s*<!--/.test(node.value)) {
      const base = startOffset(document.parsed, node);
      for (const match of matchesIn(node.value, ANGLE)) spans.push({ kind: 'bracket', start: base + match.index, end: base + match.index + match[0].length });
    }
    if (node.type === 'image') addAll(imageSpans(document, node), 0);
    if ((node.type === 'image' || node.type === 'link' || node.type === 'definition') && node.url) {
      const start = startOffset(document.parsed, node);
      const at = document.text.indexOf(node.url, start);
      if (at >= 0 && at + node.url.length <= endOffset(document.parsed, node)) addAll(scan(node.url), at);
    }
    return true;
  });
  return spans;
}

/** An image with no address, from a placeholder service, or named for what should be there ("insert_diagram.png"). */
function imageSpans(document: PostmortemDocument, image: Image): Span[] {
  const start = startOffset(document.parsed, image);
  const end = endOffset(document.parsed, image);
  if (!image.url.trim()) return [{ kind: 'image', start, end }];
  const at = document.text.indexOf(image.url, start);
  if (at < 0 || at + image.url.length > end) return [];
  const kind = STOCK_IMAGE_HOSTS.test(image.url) ? 'stock-image' : PLACEHOLDER_FILE.test(image.url.replace(/[?#].*$/, '')) ? 'path' : undefined;
  return kind ? [{ kind, start: at, end: at + image.url.length }] : [];
}

/**
 * Placeholders found in nodes at earlier analyses, per template, by the node's prose reading (the same object
 * while the node is unchanged, see prose.ts), offsets as they were when that reading was made.
 */
const spansByTemplate = new WeakMap<Template, WeakMap<DetachedBlock[], { key: string; spans: Span[] }>>();

/** The lists the rule's options make, built once per distinct options (every document of a run shares them). */
const optionLists = new BoundedCache<string, Omit<Lists, 'prompts'>>(8);

function readOptionLists(options: Record<string, unknown>): Omit<Lists, 'prompts'> {
  return {
    guidance: new Set([...DEFAULT_GUIDANCE, ...stringList(options.guidance)].map(promptKey).filter(Boolean)),
    words: wordList(DEFAULT_PLACEHOLDER_WORDS, options),
    defaults: new Set(DEFAULT_PLACEHOLDER_WORDS.map((word) => word.toLowerCase())),
  };
}

function readPlaceholders(document: PostmortemDocument, config: ResolvedConfig, options: Record<string, unknown>): Placeholder[] {
  const optionsKey = JSON.stringify(options);
  const lists: Lists = { prompts: promptLines(config.template), ...optionLists.get(optionsKey, () => readOptionLists(options)) };
  const recognisedTitles = new Set(document.sections.filter((section) => section.kinds.length).map((section) => section.startOffset));
  let known = spansByTemplate.get(config.template);
  if (!known) spansByTemplate.set(config.template, (known = new WeakMap()));
  const found: Placeholder[] = [];
  for (const read of proseByNode(document)) {
    const { value, moved } = read.reading;
    const key = nodeKey(read, optionsKey, recognisedTitles);
    let stored = known.get(value);
    if (stored?.key !== key) {
      const spans = nodeSpans(document, read, recognisedTitles, lists).map((span) => ({ ...span, start: span.start - moved.offset, end: span.end - moved.offset }));
      known.set(value, (stored = { key, spans }));
    }
    for (const span of stored.spans) {
      const start = span.start + moved.offset;
      const end = span.end + moved.offset;
      const text = document.text.slice(start, end);
      found.push({ kind: span.kind, text, start, end, message: messageFor(span.kind, text) });
    }
  }
  return withoutOverlaps(found);
}

/** The first of overlapping placeholders wins; a prompt line covers what it contains ("YYYY-MM-DD" in it). */
function withoutOverlaps(found: Placeholder[]): Placeholder[] {
  const rank = (kind: PlaceholderKind) => (kind === 'prompt' ? 0 : 1);
  const sorted = [...found].sort((a, b) => a.start - b.start || rank(a.kind) - rank(b.kind) || b.end - a.end);
  const kept: Placeholder[] = [];
  // Kept placeholders (never empty) start in order: a new one overlaps one of them exactly when it starts before
  // the furthest end so far. One comparison, not one per kept placeholder: a report can hold thousands of TODOs.
  let keptEnd = -Infinity;
  for (const placeholder of sorted) {
    if (placeholder.start < keptEnd) continue;
    kept.push(placeholder);
    keptEnd = Math.max(keptEnd, placeholder.end);
  }
  return kept;
}

export const placeholderText: Rule = {
  meta: {
    id: 'placeholder-text',
    description: 'Template leftovers: TODO, TBD, [bracketed prompts], <insert ...>, YYYY-MM-DD, 2X:XX, ?????, lorem ipsum, unanswered prompts, guidance, images with no address.',
    defaultSeverity: 'warning',
    fixable: false,
    docs: docsUrl('placeholder-text'),
    optionsSchema: {
      type: 'object',
      properties: {
        words: { type: 'array', items: { type: 'string' }, description: 'More words or phrases that mark template leftovers, added to the defaults (TODO, TBD, lorem ipsum...). Matched as whole words; an entry in capitals matches only capitals.' },
        allow: { type: 'array', items: { type: 'string' }, description: 'Default words to accept, e.g. ["TBD"].' },
        guidance: { type: 'array', items: { type: 'string' }, description: 'Lines of your template or assignment instructions that must not be left in a report, added to the defaults. A line of the report with the same words is flagged.' },
      },
      additionalProperties: false,
    },
  },
  check({ document, config, options, report }) {
    for (const placeholder of findPlaceholders(document, config, options)) {
      report({ range: document.source.rangeOf(placeholder.start, placeholder.end), message: placeholder.message });
    }
  },
};
