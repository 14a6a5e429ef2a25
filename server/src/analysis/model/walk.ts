import type { Nodes, Parent } from 'mdast';
import type { Section } from './types';

/** Calls `visit` on every node below `node` (depth first); returning false skips the node's children. */
export function walk(node: Nodes, visit: (node: Nodes, parent?: Parent) => boolean | void, parent?: Parent): void {
  if (visit(node, parent) === false) return;
  if ('children' in node) for (const child of node.children as Nodes[]) walk(child, visit, node as Parent);
}

/** Every top-level node of a section and of its sub-sections, in document order. */
export function sectionNodes(section: Section): Nodes[] {
  return [...section.nodes, ...section.children.flatMap(sectionNodes)];
}

/** The outermost sections of a kind (a matching sub-section of a matching section is not counted twice). */
export function sectionsOfKind(sections: Section[], kind: string): Section[] {
  return sections.filter((section) => section.kinds.includes(kind) && !hasAncestorOfKind(section, kind));
}

function hasAncestorOfKind(section: Section, kind: string): boolean {
  for (let parent = section.parent; parent; parent = parent.parent) if (parent.kinds.includes(kind)) return true;
  return false;
}
