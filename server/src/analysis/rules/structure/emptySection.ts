import type { PostmortemDocument, Section } from '../../model';
import { firstIndex } from '../../util/firstIndex';
import { docsUrl, type Rule } from '../types';
import { findPlaceholders, type Placeholder } from './placeholderText';
import { flatChildren } from './topSections';

/** What a section holds when it holds nothing a reader could use. */
interface Leftovers {
  comments: boolean;
  placeholders: string[];
  labels: string[];
  closing: boolean;
}

const TABLE_DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
/** "Improvements/Fixes:", "**Tasks to Address the Issue:**": a label announcing content below it. */
const LABEL_LINE = /^[\s>*_#-]*([^\n:]{1,60}?):[\s*_]*$/;
/**
 * A closing remark that points at content instead of being content: "By implementing these measures, we
 * aim to ..." (seed 003's action items), "These steps will ...".
 */
const CLOSING_REMARK = /^[\s*_>–—-]*(?:by (?:implementing|taking|applying|following) (?:these|the above|the following|those)|(?:these|the above|the following|those) (?:measures|steps|actions|changes|improvements|tasks))\b[^\n]*$/i;

/**
 * The section's lines with HTML tags, entities and emoji shortcodes blanked out, as read one by one: most sections
 * show they have content in their first lines, and the rest is not looked at. (None of these spans a line break.)
 */
function* visibleLines(text: string): Generator<string> {
  let from = 0;
  for (;;) {
    const lineFeed = text.indexOf('\n', from);
    const lineEnd = lineFeed < 0 ? text.length : lineFeed > from && text[lineFeed - 1] === '\r' ? lineFeed - 1 : lineFeed;
    let line = text.slice(from, lineEnd);
    // Most lines hold none of the markup: they are not scanned for it.
    if (line.includes('<')) line = line.replace(/<[^>\n]+>/g, ' ');
    if (line.includes('&')) line = line.replace(/&[a-z]+;|&#\d+;/gi, ' ');
    if (line.includes(':')) line = line.replace(/:[a-z0-9_+-]+:/g, ' ');
    if (line.includes('\r')) yield* line.split('\r');
    else yield line;
    if (lineFeed < 0) return;
    from = lineFeed + 1;
  }
}

/**
 * For a section without sub-sections: undefined when it has content; otherwise what it holds instead. HTML
 * tags, emoji shortcodes, rules, list and table markup, a table's header and empty cells are not content.
 */
function leftovers(document: PostmortemDocument, section: Section, placeholders: Placeholder[]): Leftovers | undefined {
  const start = section.headingEndOffset;
  const end = section.endOffset;
  const result: Leftovers = { comments: /<!--/.test(document.text.slice(start, end)), placeholders: [], labels: [], closing: false };
  // Blank out placeholders (keeping offsets) before the markup goes, so they are counted, not read as words.
  // They come in order without overlaps: the text is rebuilt once, not once per placeholder.
  const pieces: string[] = [];
  let cursor = start;
  for (let index = firstIndex(placeholders, (placeholder) => placeholder.start < start); index < placeholders.length && placeholders[index].start < end; index++) {
    const placeholder = placeholders[index];
    if (placeholder.end > end) continue;
    result.placeholders.push(placeholder.text.trim());
    const from = Math.max(cursor, placeholder.start);
    pieces.push(document.text.slice(cursor, from), ' '.repeat(Math.max(0, placeholder.end - from)));
    cursor = Math.max(cursor, placeholder.end);
  }
  pieces.push(document.text.slice(cursor, end));
  const text = pieces.join('');
  // Comments can span lines; without one in the section there is nothing to blank.
  const lines = visibleLines(result.comments ? text.replace(/<!--[^]*?-->/g, ' ') : text);
  const prose: string[] = [];
  for (let line = lines.next(), next = lines.next(); !line.done; line = next, next = lines.next()) {
    // A table's header names its columns; the rows under it are the content.
    if (TABLE_DELIMITER.test(next.done ? '' : next.value)) continue;
    // List markers, checkboxes and table pipes go; a line left without a letter or digit was only markup.
    const bare = line.value.replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s*)?/, '').replace(/\|/g, ' ').trim();
    if (!/[\p{L}\p{N}]/u.test(bare)) continue;
    const label = LABEL_LINE.exec(bare);
    if (label && /[\p{L}]/u.test(label[1]) && label[1].split(/\s+/).length <= 8) {
      result.labels.push(label[1].replace(/[*_]/g, '').trim());
      continue;
    }
    prose.push(bare);
    // Two lines of prose are content, whatever else the section holds.
    if (prose.length > 1) return undefined;
  }
  if (prose.length === 0) return result;
  if (prose.length === 1 && result.labels.length && CLOSING_REMARK.test(prose[0])) return { ...result, closing: true };
  return undefined;
}

/** "### Root Cause: a pool configuration error ..." carries its content in the title. */
function titleCarriesContent(section: Section): boolean {
  const after = section.title.split(':').slice(1).join(':');
  return after.trim().split(/\s+/).filter(Boolean).length >= 3;
}

function describe(found: Leftovers): string {
  const parts: string[] = [];
  if (found.labels.length) parts.push(`only labels with nothing under them (${found.labels.map((label) => `"${label}"`).join(', ')})`);
  if (found.placeholders.length) parts.push(`only placeholder text (${found.placeholders.slice(0, 3).map((text) => `"${text}"`).join(', ')})`);
  if (found.closing) parts.push('a closing remark');
  if (!parts.length && found.comments) parts.push('only comments');
  return parts.length ? `has ${parts.join(' and ')}` : 'is empty';
}

export const emptySection: Rule = {
  meta: {
    id: 'empty-section',
    description: 'A section with no content, or only placeholders, comments or labels.',
    defaultSeverity: 'warning',
    fixable: false,
    docs: docsUrl('empty-section'),
  },
  check({ document, config, report }) {
    const placeholders = findPlaceholders(document, config, config.rules.get('placeholder-text')?.options ?? {});
    const titleLine = document.title?.range.start.line;
    for (const section of document.sections) {
      // Only the report's own sections: an empty "### Stay safe!" sign-off or a "#### May 15" date line is not a gap.
      if (!section.kinds.length || section.headingRange.start.line === titleLine) continue;
      // A section with sub-sections ("## Lessons Learned" / "### What went well") is judged by them.
      if (section.children.length || titleCarriesContent(section) || flatChildren(document, section, config.template).length) continue;
      const found = leftovers(document, section, placeholders);
      if (!found) continue;
      report({
        range: section.headingRange,
        message: `Section "${section.title}" ${describe(found)}. Write what it should say, or remove the heading if it does not apply.`,
      });
    }
  },
};
