import type { Code, Heading, Html, List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { BoundedCache } from '../util/boundedCache';
import { SpanReuse } from '../util/spanReuse';
import { endOffset, plainText, startOffset, type ParsedMarkdown } from '../parsing/parse';
import { ALL_SECTIONS, type Template } from '../templates';
import { matchSection } from '../templates/match';
import type { HeadingSyntax, Section } from './types';

interface SectionStart {
  title: string;
  level?: number;
  syntax: HeadingSyntax;
  startOffset: number;
  headingEndOffset: number;
  kinds: string[];
}

const HTML_HEADING = /^\s*<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>\s*$/i;
/** An HTML heading on a line of a larger HTML block (`<h3>Timeline</h3><hr>`, `<div><h2>Root Cause</h2><p>...`). */
const HTML_HEADING_IN_LINE = /<h([1-6])\b[^>]*>(.*?)<\/h\1>/gi;
const HASHES_WITHOUT_SPACE = /^\s*(#{1,6})([^\s#].*)$/;
/** A label line: a short line that is only a section name, with an optional colon. */
const MAX_LABEL_WORDS = 6;

/**
 * Kinds that, written as a label inside a section of another kind, name a part of it rather than a new
 * section: "Impact:" and "Root Cause:" inside the summary are the summary's fields; "Resolution:" inside
 * the timeline is its last phase (the shape of the ALX and Holberton postmortem assignment).
 */
const PARTS: Record<string, readonly string[]> = {
  summary: ['impact', 'root-cause', 'trigger', 'resolution', 'detection', 'contributing-factors', 'what-happened'],
  timeline: ['detection', 'response', 'resolution'],
  'root-cause': ['trigger', 'contributing-factors', 'five-whys'],
  'contributing-factors': ['trigger', 'root-cause', 'five-whys'],
};

/** Whether every kind names a part of a section of one of `parentKinds` ("impact" of "summary"). */
export function isPartOfKinds(kinds: string[], parentKinds: string[]): boolean {
  return kinds.length > 0 && kinds.every((kind) => parentKinds.some((parent) => PARTS[parent]?.includes(kind)));
}

/** A section that names a part of the nearest recognised section around it ("### Impact:" under "## Summary"). */
export function isPartOfParent(section: Section): boolean {
  const parent = nearestKnown(section.parent);
  return Boolean(parent && isPartOfKinds(section.kinds, parent.kinds));
}

function nearestKnown(section: Section | undefined): Section | undefined {
  for (let at = section; at; at = at.parent) if (at.kinds.length) return at;
  return undefined;
}

/** A first-level heading that names no section is the report's title; "# Issue Summary" is not. */
export function titleSection(sections: Section[]): Section | undefined {
  return sections[0]?.level === 1 && !sections[0].kinds.length ? sections[0] : undefined;
}

/** Every heading and title-like line is matched on every keystroke: kinds are kept per template, by title (shared: never modify them). */
const kindsByTemplate = new WeakMap<Template, BoundedCache<string, string[]>>();

/** `keyWords: false`: only by a section's name, not by a key word in the title ("Preventive steps"). */
export function sectionKinds(title: string, template: Template, keyWords = true): string[] {
  let kinds = kindsByTemplate.get(template);
  if (!kinds) kindsByTemplate.set(template, (kinds = new BoundedCache(10_000)));
  return kinds.get(`${keyWords ? 1 : 0}${title}`, (own) => {
    const name = own.slice(1);
    const matched = matchSection(name, template, keyWords);
    return matched.length ? matched : matchSection(name, ALL_SECTIONS, keyWords);
  });
}

function stripInlineMarkup(text: string): string {
  return text.replace(/[*_`~]+/g, '').replace(/<[^>]+>/g, '').trim();
}

interface PseudoTitle extends Omit<SectionStart, 'startOffset' | 'headingEndOffset'> {
  /** Written as a field label ("Impact:", "**Root Cause:**"). */
  colon: boolean;
}

/**
 * A line meant as a section title: `###Timeline:`, `**Timeline:**`, or a bare label ("Issue Summary").
 * Returns the title, its kinds and how it was written; whether it opens a section is decided by the caller.
 */
/** Every line of every paragraph is read on every keystroke: readings are kept per template, by line. */
const pseudoTitlesByTemplate = new WeakMap<Template, BoundedCache<string, PseudoTitle | undefined>>();

/**
 * A character no title written without heading syntax holds, outside HTML (which `pseudoTitle` drops first): a line
 * with one ("Restarted the database.") is neither a label nor, without `#` or `**` in front, any other such title.
 */
const NOT_IN_LABEL = /[^\p{L}\p{N}\s’'&/,()\-*_:;]/u;

function cachedPseudoTitle(line: string, template: Template, firstLine: boolean): PseudoTitle | undefined {
  // Most lines of prose are no title: they are told apart before the cache, which would key a copy of each.
  if (NOT_IN_LABEL.test(line) && !line.includes('<') && !/^\s*(?:#|\*\*|__)/.test(line)) return undefined;
  let cache = pseudoTitlesByTemplate.get(template);
  if (!cache) pseudoTitlesByTemplate.set(template, (cache = new BoundedCache(50_000)));
  return cache.get(`${firstLine ? 1 : 0}${line}`, (own) => pseudoTitle(own.slice(1), template, firstLine));
}

function pseudoTitle(written: string, template: Template, firstLine: boolean): PseudoTitle | undefined {
  // Inline HTML styles a label ("**<span style=...>Impact:</span>**"), it does not make it less of one.
  const line = written.replace(/<[^>]*>/g, '');
  const hashes = HASHES_WITHOUT_SPACE.exec(line);
  if (hashes) {
    const title = stripInlineMarkup(hashes[2]).replace(/:$/, '');
    const kinds = sectionKinds(title, template);
    // "#1 priority" or a "#hashtag" is not a title; "##Impact" or "###Timeline:" is.
    if (/^\p{L}/u.test(title) && (kinds.length || hashes[1].length >= 2)) return { title, level: hashes[1].length, syntax: 'hashes-without-space', kinds, colon: false };
    return undefined;
  }
  const boldOnly = /^\s*(\*\*|__)([^*_]+?)(\*\*|__)\s*[:;]?\s*$/.exec(line) ?? /^\s*(\*\*|__)([^*_]+?)[:;]?\s*$/.exec(line);
  // Stray emphasis markers ("SUMMARY OF THE INCIDENT*", "*Timeline:***") do not make a label less of a label.
  const label = boldOnly ? boldOnly[2] : /^\s*([\p{L}][\p{L}\p{N} ’'&/,()-]*?)\s*[:;]?\s*$/u.exec(line.replace(/[*_]+/g, ''))?.[1];
  if (!label) return undefined;
  // Inside a paragraph, a wrapped sentence can leave one word on a line; a label there starts with a capital.
  if (!boldOnly && !firstLine && !/^\s*\p{Lu}/u.test(line)) return undefined;
  const title = label.replace(/[:;]\s*$/, '').trim();
  if (title.split(/\s+/).length > MAX_LABEL_WORDS) return undefined;
  // A lower-case line ("how the incident was resolved") is a title only by a section's name, not by a key word in it.
  const kinds = sectionKinds(title, template, Boolean(boldOnly) || /^\s*\p{Lu}/u.test(line));
  if (!kinds.length) return undefined;
  return { title, syntax: boldOnly ? 'bold-line' : 'label-line', kinds, colon: /[:;]\s*(\*\*|__)?\s*$/.test(line) };
}

/**
 * Whether a title written without heading syntax opens a section, or is a label inside the open one:
 * "**Root Cause**:" under "Root Cause and Resolution", or a field such as "Impact:" in the summary. A
 * field ends with a colon; "Root Cause" alone on its line after the summary is the next section.
 */
function opensSection(start: PseudoTitle, open: Section[]): boolean {
  if (start.syntax === 'hashes-without-space') return true;
  const covered = open.flatMap((section) => section.kinds);
  if (start.kinds.every((kind) => covered.includes(kind))) return false;
  const parent = nearestKnown(open[open.length - 1]);
  return !(start.colon && parent && isPartOfKinds(start.kinds, parent.kinds));
}

/**
 * The level of a title written without heading syntax. It sits beside the recognised sections open around
 * it ("**Timeline:**" after "## Summary" is a second-level section), except inside an unrecognised heading
 * nested in a recognised one: "### October 21" under "## Incident Timeline" holds its own "**Root causes:**".
 */
function pseudoLevel(open: Section[]): number {
  let sibling: Section | undefined;
  for (let at = open.length - 1; at >= 0 && open[at].kinds.length; at--) sibling = open[at];
  if (sibling) return sibling.level;
  const container = open[open.length - 1];
  if (!container) return 2;
  return nearestKnown(container.parent) ? container.level + 1 : Math.max(2, container.level);
}

function realHeading(parsed: ParsedMarkdown, node: RootContent, template: Template): SectionStart | undefined {
  if (node.type !== 'heading') return undefined;
  const heading = node as Heading;
  const title = plainText(heading).trim();
  const start = startOffset(parsed, heading);
  const end = endOffset(parsed, heading);
  const raw = parsed.source.text.slice(start, end);
  const syntax: HeadingSyntax = raw.trimStart().startsWith('#') ? 'atx' : 'setext';
  const newline = raw.search(/\r?\n|\r/);
  const headingEnd = syntax === 'setext' || newline < 0 ? end : start + newline;
  return { title, level: heading.depth, syntax, startOffset: start, headingEndOffset: headingEnd, kinds: sectionKinds(title, template) };
}

/** HTML headings in an HTML block: the whole block (`<h2>Summary</h2>`), or each line that opens with one. */
function htmlHeadings(parsed: ParsedMarkdown, node: Html, template: Template): SectionStart[] {
  const start = startOffset(parsed, node);
  const whole = HTML_HEADING.exec(node.value);
  if (whole) {
    const title = stripInlineMarkup(whole[2]);
    return [{ title, level: Number(whole[1]), syntax: 'html', startOffset: start, headingEndOffset: endOffset(parsed, node), kinds: sectionKinds(title, template) }];
  }
  const starts: SectionStart[] = [];
  for (const { text, offset } of linesOf(parsed.source.text, start, endOffset(parsed, node))) {
    for (const match of text.matchAll(HTML_HEADING_IN_LINE)) {
      const title = stripInlineMarkup(match[2]);
      starts.push({ title, level: Number(match[1]), syntax: 'html', startOffset: offset + match.index, headingEndOffset: offset + match.index + match[0].length, kinds: sectionKinds(title, template) });
    }
  }
  return starts;
}

function* linesOf(text: string, start: number, end: number): Generator<{ text: string; offset: number; end: number }> {
  let offset = start;
  while (offset < end) {
    const match = /\r\n|\n|\r/.exec(text.slice(offset, end));
    const lineEnd = match ? offset + match.index : end;
    yield { text: text.slice(offset, lineEnd), offset, end: lineEnd };
    if (!match) return;
    offset = lineEnd + match[0].length;
  }
}

/**
 * The part of a paragraph between two offsets, as a paragraph of its own: a label line in the middle of a
 * paragraph ("...restored.\nTimeline\n08:30 AM ...") splits it between two sections. Text nodes are cut at
 * the line; other inline nodes are kept whole in the part where they start.
 */
function paragraphPart(parsed: ParsedMarkdown, node: Paragraph, start: number, end: number): Paragraph {
  const children: PhrasingContent[] = [];
  for (const child of node.children) {
    const childStart = startOffset(parsed, child);
    const childEnd = endOffset(parsed, child);
    if (childEnd <= start || childStart >= end) continue;
    if (child.type === 'text' && childEnd - childStart === child.value.length && (childStart < start || childEnd > end)) {
      const from = Math.max(start, childStart);
      const to = Math.min(end, childEnd);
      children.push({ ...child, value: child.value.slice(from - childStart, to - childStart), position: pointsOf(parsed, from, to) });
    } else if (childStart >= start) {
      children.push(child);
    }
  }
  return { type: 'paragraph', children, position: pointsOf(parsed, start, end) };
}

/** A unist position for offsets in the source (remark's offsets do not count a byte-order mark). */
function pointsOf(parsed: ParsedMarkdown, start: number, end: number): NonNullable<Paragraph['position']> {
  const point = (offset: number) => {
    const position = parsed.source.positionAt(offset);
    return { line: position.line + 1, column: position.character + 1, offset: offset - parsed.offsetShift };
  };
  return { start: point(start), end: point(end) };
}

/** Splits the top level of the document into sections at real headings and at titles meant as headings. */
export function buildSections(parsed: ParsedMarkdown, template: Template): { sections: Section[]; preamble: Nodes[] } {
  const { source } = parsed;
  const sections: Section[] = [];
  const preamble: Nodes[] = [];
  const open: Section[] = [];
  const body = (node: Nodes) => {
    const current = open[open.length - 1];
    const nodes = current ? current.nodes : preamble;
    // Nodes come in order: one already added (an HTML block holding several headings) is the last one.
    if (nodes[nodes.length - 1] !== node) nodes.push(node);
  };
  const openSection = (start: SectionStart) => {
    const level = start.level ?? pseudoLevel(open);
    while (open.length && open[open.length - 1].level >= level) open.pop();
    const parent = open[open.length - 1];
    const headingRange = source.rangeOf(start.startOffset, start.headingEndOffset);
    const section: Section = {
      title: start.title,
      level,
      syntax: start.syntax,
      kinds: start.kinds,
      headingRange,
      // Until the section is closed below.
      range: headingRange,
      startOffset: start.startOffset,
      headingEndOffset: start.headingEndOffset,
      endOffset: start.headingEndOffset,
      nodes: [],
      children: [],
      parent,
    };
    parent?.children.push(section);
    sections.push(section);
    open.push(section);
  };

  for (const node of parsed.tree.children) {
    const heading = realHeading(parsed, node, template);
    if (heading) {
      openSection(heading);
    } else if (node.type === 'html') {
      const starts = htmlHeadings(parsed, node, template);
      // Text before the first heading of the block belongs to the section already open.
      if (!starts.length || starts[0].startOffset > startOffset(parsed, node)) body(node);
      for (const start of starts) {
        openSection(start);
        if (start.headingEndOffset < endOffset(parsed, node)) body(node);
      }
    } else if (node.type === 'paragraph') {
      splitParagraph(parsed, node, template, open, { body, openSection });
    } else if (node.type === 'code') {
      splitCode(parsed, node, template, open, { body, openSection });
    } else if (node.type === 'list') {
      splitList(parsed, node, template, open, { body, openSection });
    } else {
      body(node);
    }
  }

  // A section ends where the next section of the same or a higher level starts.
  const textEnd = trimmedEnd(source.text);
  const close = (section: Section, end: number) => {
    section.endOffset = Math.max(section.headingEndOffset, end);
    section.range = source.rangeOf(section.startOffset, section.endOffset);
  };
  const unclosed: Section[] = [];
  for (const next of sections) {
    const end = trimmedEnd(source.text, next.startOffset);
    while (unclosed.length && unclosed[unclosed.length - 1].level >= next.level) close(unclosed.pop()!, end);
    unclosed.push(next);
  }
  for (const section of unclosed) close(section, textEnd);
  return { sections, preamble };
}

/** Where the split of a block puts its parts: text to the open section, titles as new sections. */
interface SectionSink {
  body(node: Nodes): void;
  openSection(start: SectionStart): void;
}

/** A line of a paragraph that reads as a title, and where it is. */
interface TitleLine {
  title: PseudoTitle;
  offset: number;
  end: number;
}

/** Paragraphs read at earlier versions of the document, per template, reused while unchanged (see util/spanReuse.ts). */
const titleLinesByTemplate = new WeakMap<Template, SpanReuse<TitleLine[]>>();

/** The lines of a paragraph that read as titles; whether each opens a section depends on the sections open around it. */
function titleLines(parsed: ParsedMarkdown, node: Paragraph, template: Template): TitleLine[] {
  let reuse = titleLinesByTemplate.get(template);
  if (!reuse) titleLinesByTemplate.set(template, (reuse = new SpanReuse(1)));
  const { value, moved } = reuse.get(parsed, [node], String(parsed.offsetShift), () => {
    const start = startOffset(parsed, node);
    const lines: TitleLine[] = [];
    for (const line of linesOf(parsed.source.text, start, endOffset(parsed, node))) {
      const title = cachedPseudoTitle(line.text, template, line.offset === start);
      if (title) lines.push({ title, offset: line.offset, end: line.end });
    }
    return lines;
  });
  return moved.offset ? value.map((line) => ({ title: line.title, offset: line.offset + moved.offset, end: line.end + moved.offset })) : value;
}

/** Opens a section at each line of a paragraph meant as a title; the lines between are the sections' text. */
function splitParagraph(
  parsed: ParsedMarkdown,
  node: Paragraph,
  template: Template,
  open: Section[],
  sink: SectionSink,
): void {
  const start = startOffset(parsed, node);
  const end = endOffset(parsed, node);
  let textStart = start;
  let split = false;
  for (const line of titleLines(parsed, node, template)) {
    const { title } = line;
    if (!opensSection(title, open)) continue;
    if (line.offset > textStart) sink.body(paragraphPart(parsed, node, textStart, trimmedEnd(parsed.source.text, line.offset)));
    // The title's own line; continuation lines may be indented, and the heading replaces the indentation too.
    sink.openSection({ ...title, startOffset: line.offset, headingEndOffset: line.end });
    split = true;
    textStart = nextLineStart(parsed.source.text, line.end, end);
  }
  if (!split) sink.body(node);
  else if (textStart < end) sink.body(paragraphPart(parsed, node, textStart, end));
}

/** A fenced block that may hold prose: no language, or Markdown or plain text. */
const PROSE_FENCE = /^(?:md|markdown|te?xt|plain)?$/i;
/** A fence holds a whole report, not a sample, when at least this many of its lines are titles. */
const MIN_FENCED_TITLES = 2;

/**
 * Titles inside a code block: a title line indented four spaces (a code block on its own, "      Timeline"),
 * or the titles of a whole report wrapped in a ``` fence. Each opens a section whose text is the rest of the
 * block, as Markdown shows it: code.
 */
function splitCode(
  parsed: ParsedMarkdown,
  node: Code,
  template: Template,
  open: Section[],
  sink: SectionSink,
): void {
  const start = startOffset(parsed, node);
  const fenced = /^[ \t]*(?:```|~~~)/.test(parsed.source.text.slice(start, start + 16));
  const titles: TitleLine[] = [];
  if (!fenced || PROSE_FENCE.test(node.lang ?? '')) {
    let previousBlank = true;
    for (const line of linesOf(parsed.source.text, start, endOffset(parsed, node))) {
      const text = line.text.trim();
      const title = text && !/^(?:```|~~~)/.test(text) ? cachedPseudoTitle(text, template, previousBlank) : undefined;
      previousBlank = !text;
      if (title && title.syntax !== 'hashes-without-space') titles.push({ title: { ...title, syntax: fenced ? 'fenced-line' : 'indented-line' }, offset: line.offset, end: line.end });
    }
  }
  // A fence holds a whole report, not a sample, when several of its lines are titles.
  if (fenced && titles.length < MIN_FENCED_TITLES) titles.length = 0;
  let bodyGiven = false;
  for (const line of titles) {
    // Which titles open sections depends on the sections open before each, as in a paragraph.
    if (!opensSection(line.title, open)) continue;
    if (!bodyGiven && line.offset > start) sink.body(node);
    sink.openSection({ ...line.title, startOffset: line.offset, headingEndOffset: line.end });
    sink.body(node);
    bodyGiven = true;
  }
  if (!bodyGiven) sink.body(node);
}

/**
 * Splits a list where a title line is a lazy continuation of an item ("- Impact: all users\nTimeline:\n- 10:45
 * alert"): Markdown runs the title into the item, but it opens the next section. The items before stay a list
 * in the open section; the rest of the item and the items after go to the new one.
 */
function splitList(
  parsed: ParsedMarkdown,
  list: List,
  template: Template,
  open: Section[],
  sink: SectionSink,
): void {
  const text = parsed.source.text;
  let items: ListItem[] = [];
  let split = false;
  const flush = () => {
    if (items.length) sink.body({ ...list, children: items, position: pointsOf(parsed, startOffset(parsed, items[0]), endOffset(parsed, items[items.length - 1])) });
    items = [];
  };
  for (const item of list.children) {
    const paragraph = item.children.find((child): child is Paragraph => child.type === 'paragraph');
    // Lazy lines start in the first column, left of the item's text.
    const lazy = paragraph ? titleLines(parsed, paragraph, template).filter((line) => line.offset > startOffset(parsed, paragraph) && !/^[ \t]/.test(text.slice(line.offset, line.offset + 1)) && opensSection(line.title, open)) : [];
    if (!paragraph || !lazy.length) {
      items.push(item);
      continue;
    }
    const first = lazy[0];
    const itemEnd = trimmedEnd(text, first.offset);
    const before = item.children.slice(0, item.children.indexOf(paragraph));
    items.push({ ...item, children: [...before, paragraphPart(parsed, paragraph, startOffset(parsed, paragraph), itemEnd)], position: pointsOf(parsed, startOffset(parsed, item), itemEnd) });
    flush();
    split = true;
    splitParagraph(parsed, paragraphPart(parsed, paragraph, first.offset, endOffset(parsed, paragraph)), template, open, sink);
    for (const after of item.children.slice(item.children.indexOf(paragraph) + 1)) sink.body(after);
  }
  if (!split) sink.body(list);
  else flush();
}

function nextLineStart(text: string, lineEnd: number, limit: number): number {
  if (text.startsWith('\r\n', lineEnd)) return Math.min(limit, lineEnd + 2);
  return Math.min(limit, lineEnd + 1);
}

/** The offset after the last non-blank character before `end`. */
function trimmedEnd(text: string, end = text.length): number {
  let offset = end;
  while (offset > 0 && /\s/.test(text[offset - 1])) offset--;
  return offset;
}
