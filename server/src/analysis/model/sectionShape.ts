import type { ParsedMarkdown } from '../parsing/parse';
import { startOffset } from '../parsing/parse';
import type { Section } from './types';

/**
 * A section and its sub-sections as the model sees them (titles, levels, kinds, offsets relative to `base`, the
 * kinds of their nodes), for keying what is derived from them (see util/spanReuse.ts). Whether the text starts with
 * a byte-order mark is part of it: a mark moves the document's offsets but not the nodes'.
 */
export function sectionShape(parsed: ParsedMarkdown, section: Section, base: number): string {
  return `${parsed.offsetShift}\u0001${shapeOf(parsed, section, base)}`;
}

function shapeOf(parsed: ParsedMarkdown, section: Section, base: number): string {
  const own = [section.title, section.level, section.syntax, section.kinds.join(','), section.startOffset - base, section.headingEndOffset - base, section.endOffset - base];
  const nodes = section.nodes.map((node) => `${node.type}@${startOffset(parsed, node) - base}`);
  return [...own, ...nodes, '[', ...section.children.map((child) => shapeOf(parsed, child, base)), ']'].join('\u0001');
}

/** A section and its sub-sections, depth first: the order results refer to sections by. */
export function sectionTree(section: Section): Section[] {
  return [section, ...section.children.flatMap(sectionTree)];
}
