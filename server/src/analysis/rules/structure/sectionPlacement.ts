import type { PostmortemDocument, Section } from '../../model';
import type { Template } from '../../templates';
import type { TextEdit } from '../../types';

/** The heading level sections are written at in this document (the most common top-level section level). */
export function siblingLevel(document: PostmortemDocument): number {
  const counts = new Map<number, number>();
  for (const section of document.sections) {
    if (document.title && section.headingRange.start.line === document.title.range.start.line) continue;
    counts.set(section.level, (counts.get(section.level) ?? 0) + 1);
  }
  let best = 2;
  let bestCount = 0;
  for (const [level, count] of counts) if (count > bestCount || (count === bestCount && level < best)) [best, bestCount] = [level, count];
  return best;
}

function present(document: PostmortemDocument, id: string): Section | undefined {
  return document.sections.find((section) => section.kinds.includes(id));
}

/**
 * An edit inserting a new section where the template puts it: after the nearest earlier template
 * section the document has, else before the nearest later one, else at the end.
 */
export function insertSectionEdit(document: PostmortemDocument, template: Template, id: string, body: string): TextEdit {
  const { source } = document;
  const eol = source.eol;
  const order = template.sections.map((section) => section.id);
  const index = order.indexOf(id);
  const text = body.replace(/\r?\n/g, eol);
  const before = order.slice(0, index).reverse().map((other) => present(document, other)).find(Boolean);
  if (before) {
    const at = source.positionAt(before.endOffset);
    return { range: { start: at, end: at }, newText: `${eol}${eol}${text}` };
  }
  const after = order.slice(index + 1).map((other) => present(document, other)).find(Boolean);
  if (after) {
    const at = source.positionAt(after.startOffset);
    return { range: { start: at, end: at }, newText: `${text}${eol}${eol}` };
  }
  let end = source.text.length;
  while (end > 0 && /\s/.test(source.text[end - 1])) end--;
  const at = source.positionAt(end);
  return { range: { start: at, end: at }, newText: `${end > 0 ? eol + eol : ''}${text}${eol}` };
}
