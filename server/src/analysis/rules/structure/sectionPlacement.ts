import type { PostmortemDocument, Section } from '../../model';
import { isPartOfParent } from '../../model/sections';
import type { Template, TemplateSection } from '../../templates';
import { closingOfOpenBlock } from '../../parsing/incrementalParse';
import { endOffset, startOffset } from '../../parsing/parse';
import { firstIndex } from '../../util/firstIndex';
import type { TextEdit } from '../../types';

/**
 * The heading level sections are written at in this document: the most common level of its recognised
 * sections (not the title, nor sub-headings such as "### 14:05" under the timeline or "### Impact:" in the
 * summary), else of any section.
 */
export function siblingLevel(document: PostmortemDocument): number {
  const notTitle = document.sections.filter((section) => !(document.title && section.headingRange.start.line === document.title.range.start.line));
  const recognised = notTitle.filter((section) => section.kinds.length && !isPartOfParent(section));
  const counts = new Map<number, number>();
  for (const section of recognised.length ? recognised : notTitle) {
    counts.set(section.level, (counts.get(section.level) ?? 0) + 1);
  }
  let best = 2;
  let bestCount = 0;
  for (const [level, count] of counts) if (count > bestCount || (count === bestCount && level < best)) [best, bestCount] = [level, count];
  return best;
}

/** A new section as Markdown: its heading and prompt, then its sub-sections one level down. */
export function sectionMarkdown(section: TemplateSection, level: number): string {
  const parts = [`${'#'.repeat(level)} ${section.title}`];
  if (section.prompt) parts.push(section.prompt);
  for (const child of section.children ?? []) parts.push(sectionMarkdown(child, Math.min(6, level + 1)));
  return parts.join('\n\n');
}

/**
 * Sections that stand in for a required one when it has no title of its own: "Incident Description" or an
 * "Impact:" heading opening the report is its summary (when not a part of another section).
 */
const STANDS_IN: Record<string, readonly string[]> = { summary: ['what-happened', 'impact'] };

/** The section of the document that gives the template section `id`, under its own title or a stand-in's. */
export function presentSection(document: PostmortemDocument, id: string): Section | undefined {
  return document.sections.find((section) => section.kinds.includes(id))
    ?? document.sections.find((section) => section.kinds.some((kind) => STANDS_IN[id]?.includes(kind)) && !isPartOfParent(section));
}

/**
 * What to write first when `offset` is inside a code block or HTML comment left open at the end of the
 * document: text inserted there would be code or comment, and the section would stay missing however often
 * the fix is applied.
 */
function closingAt(document: PostmortemDocument, offset: number): string {
  const last = document.tree.children[document.tree.children.length - 1];
  if (!last || offset < startOffset(document.parsed, last)) return '';
  const closing = closingOfOpenBlock(last, document.text.slice(startOffset(document.parsed, last), endOffset(document.parsed, last)));
  return closing ? `${document.source.eol}${closing}` : '';
}

/**
 * An offset where inserted Markdown is read as Markdown: inside an HTML block (a `<div>` holding `<h2>` titles
 * and their text) or a code block (a whole report in a fence) it would be raw text that no reading sees, and a
 * fix would insert it again on every run. Such an offset moves to the end of the block (`after`) or to its start (`before`).
 */
export function outsideRawBlock(document: PostmortemDocument, offset: number, side: 'before' | 'after'): number {
  const { parsed } = document;
  const children = document.tree.children;
  const index = firstIndex(children, (node) => endOffset(parsed, node) <= offset);
  const node = children[index];
  if (!node || (node.type !== 'html' && node.type !== 'code') || startOffset(parsed, node) >= offset) return offset;
  return side === 'after' ? endOffset(parsed, node) : startOffset(parsed, node);
}

/**
 * An edit inserting a new section where the template puts it: after the nearest earlier template
 * section the document has, else before the nearest later one, else at the end.
 */
export function insertSectionEdit(document: PostmortemDocument, template: Template, id: string, body: string): TextEdit {
  const edit = placeSection(document, template, id, body);
  const closing = closingAt(document, document.source.offsetAt(edit.range.start));
  return closing ? { ...edit, newText: closing + edit.newText } : edit;
}

function placeSection(document: PostmortemDocument, template: Template, id: string, body: string): TextEdit {
  const { source } = document;
  const eol = source.eol;
  const order = template.sections.map((section) => section.id);
  const index = order.indexOf(id);
  const text = body.replace(/\r?\n/g, eol);
  const before = order.slice(0, index).reverse().map((other) => presentSection(document, other)).find(Boolean);
  if (before) {
    const at = source.positionAt(outsideRawBlock(document, before.endOffset, 'after'));
    return { range: { start: at, end: at }, newText: `${eol}${eol}${text}` };
  }
  const after = order.slice(index + 1).map((other) => presentSection(document, other)).find(Boolean);
  if (after) {
    const at = source.positionAt(outsideRawBlock(document, after.startOffset, 'before'));
    return { range: { start: at, end: at }, newText: `${text}${eol}${eol}` };
  }
  let end = source.text.length;
  while (end > 0 && /\s/.test(source.text[end - 1])) end--;
  const at = source.positionAt(end);
  return { range: { start: at, end: at }, newText: `${end > 0 ? eol + eol : ''}${text}${eol}` };
}
