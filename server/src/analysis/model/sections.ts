import type { Heading, Html, Nodes, Paragraph, RootContent } from 'mdast';
import { endOffset, plainText, startOffset, type ParsedMarkdown } from '../parse';
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
const HASHES_WITHOUT_SPACE = /^(#{1,6})([^\s#].*)$/;
/** A label line: a short line that is only a section name, with an optional colon. */
const MAX_LABEL_WORDS = 6;

export function sectionKinds(title: string, template: Template): string[] {
  const own = matchSection(title, template);
  return own.length ? own : matchSection(title, ALL_SECTIONS);
}

function firstLine(parsed: ParsedMarkdown, node: Nodes): { text: string; end: number } {
  const start = startOffset(parsed, node);
  const end = endOffset(parsed, node);
  const text = parsed.source.text.slice(start, end);
  const newline = text.search(/\r?\n|\r/);
  return newline < 0 ? { text, end } : { text: text.slice(0, newline), end: start + newline };
}

function stripInlineMarkup(text: string): string {
  return text.replace(/[*_`~]+/g, '').replace(/<[^>]+>/g, '').trim();
}

/**
 * A paragraph whose first line was meant as a section title: `###Timeline:`, `**Timeline:**`,
 * or a bare label line ("Issue Summary"). Bold or bare labels count only when they name a known
 * section the enclosing section does not already cover (so "**Root Cause**:" under
 * "Root Cause and Resolution" stays a label).
 */
function pseudoHeading(parsed: ParsedMarkdown, node: Paragraph, template: Template, covered: string[]): SectionStart | undefined {
  const { text, end } = firstLine(parsed, node);
  const start = startOffset(parsed, node);
  const hashes = HASHES_WITHOUT_SPACE.exec(text);
  if (hashes) {
    const title = stripInlineMarkup(hashes[2]).replace(/:$/, '');
    const kinds = sectionKinds(title, template);
    // "#1 priority" or a "#hashtag" is not a title; "##Impact" or "###Timeline:" is.
    if (/^\p{L}/u.test(title) && (kinds.length || hashes[1].length >= 2)) {
      return { title, level: hashes[1].length, syntax: 'hashes-without-space', startOffset: start, headingEndOffset: end, kinds };
    }
    return undefined;
  }
  const first = node.children[0];
  const boldOnly = /^\s*(\*\*|__)([^*_]+?)(\*\*|__)\s*:?\s*$/.exec(text) ?? /^\s*(\*\*|__)([^*_]+?):?\s*$/.exec(text);
  const isBold = boldOnly && (first?.type === 'strong' || text.trimStart().startsWith('**'));
  const label = isBold ? boldOnly[2] : /^\s*([\p{L}][\p{L}\p{N} ’'&/,()-]*?)\s*:?\s*$/u.exec(text)?.[1];
  if (!label) return undefined;
  const title = label.replace(/:\s*$/, '').trim();
  if (title.split(/\s+/).length > MAX_LABEL_WORDS) return undefined;
  const kinds = sectionKinds(title, template);
  if (!kinds.length || kinds.every((kind) => covered.includes(kind))) return undefined;
  // A bare label must be followed by its text on the next lines, or stand alone as a paragraph.
  return { title, syntax: isBold ? 'bold-line' : 'label-line', startOffset: start, headingEndOffset: end, kinds };
}

function realHeading(parsed: ParsedMarkdown, node: RootContent, template: Template): SectionStart | undefined {
  if (node.type === 'heading') {
    const heading = node as Heading;
    const title = plainText(heading).trim();
    const raw = parsed.source.text.slice(startOffset(parsed, heading), endOffset(parsed, heading));
    const syntax: HeadingSyntax = raw.trimStart().startsWith('#') ? 'atx' : 'setext';
    const headingEnd = syntax === 'setext' ? endOffset(parsed, heading) : firstLine(parsed, heading).end;
    return { title, level: heading.depth, syntax, startOffset: startOffset(parsed, heading), headingEndOffset: headingEnd, kinds: sectionKinds(title, template) };
  }
  if (node.type === 'html') {
    const match = HTML_HEADING.exec((node as Html).value);
    if (!match) return undefined;
    const title = stripInlineMarkup(match[2]);
    return { title, level: Number(match[1]), syntax: 'html', startOffset: startOffset(parsed, node), headingEndOffset: endOffset(parsed, node), kinds: sectionKinds(title, template) };
  }
  return undefined;
}

/** Splits the top level of the document into sections at real headings and at titles meant as headings. */
export function buildSections(parsed: ParsedMarkdown, template: Template): { sections: Section[]; preamble: Nodes[] } {
  const { source } = parsed;
  const sections: Section[] = [];
  const preamble: Nodes[] = [];
  let current: Section | undefined;
  const open: Section[] = [];

  for (const node of parsed.tree.children) {
    let start = realHeading(parsed, node, template);
    if (!start && node.type === 'paragraph') {
      const covered = open.flatMap((section) => section.kinds);
      start = pseudoHeading(parsed, node, template, covered);
    }
    if (!start) {
      (current ? current.nodes : preamble).push(node);
      continue;
    }
    // A title written without heading syntax sits beside the sections around it, under the document title.
    const level = start.level ?? Math.max(2, open.length ? open[open.length - 1].level : 2);
    while (open.length && open[open.length - 1].level >= level) open.pop();
    const parent = open[open.length - 1];
    current = {
      title: start.title,
      level,
      syntax: start.syntax,
      kinds: start.kinds,
      headingRange: source.rangeOf(start.startOffset, start.headingEndOffset),
      range: source.rangeOf(start.startOffset, start.headingEndOffset),
      startOffset: start.startOffset,
      headingEndOffset: start.headingEndOffset,
      endOffset: start.headingEndOffset,
      nodes: [],
      children: [],
      parent,
    };
    // A pseudo heading's paragraph may go on after its first line: that text is the section's body.
    if (node.type === 'paragraph' && endOffset(parsed, node) > start.headingEndOffset) current.nodes.push(node);
    parent?.children.push(current);
    sections.push(current);
    open.push(current);
  }

  // A section ends where the next section of the same or a higher level starts.
  const textEnd = trimmedEnd(source.text);
  sections.forEach((section, index) => {
    const next = sections.slice(index + 1).find((candidate) => candidate.level <= section.level);
    section.endOffset = Math.max(section.headingEndOffset, next ? trimmedEnd(source.text, next.startOffset) : textEnd);
    section.range = source.rangeOf(section.startOffset, section.endOffset);
  });
  return { sections, preamble };
}

/** The offset after the last non-blank character before `end`. */
function trimmedEnd(text: string, end = text.length): number {
  let offset = end;
  while (offset > 0 && /\s/.test(text[offset - 1])) offset--;
  return offset;
}
