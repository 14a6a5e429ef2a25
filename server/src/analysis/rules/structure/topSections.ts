import type { PostmortemDocument, Section } from '../../model';
import { isPartOfKinds } from '../../model/sections';
import type { Template } from '../../templates';

/**
 * The recognised sections that structure the report, grouped by the heading they sit under: sections of a
 * known kind with no recognised section around them. "### Impact:" inside the summary, or "### Short-term"
 * inside the action items, is part of its parent, not a section of the report. A document holding several
 * incidents, each under its own heading, has one group per incident.
 */
export function topSectionGroups(document: PostmortemDocument, template: Template): Section[][] {
  const titleLine = document.title?.range.start.line;
  const groups = new Map<Section | undefined, Section[]>();
  const flat = new Set(document.sections.flatMap((section) => flatChildren(document, section, template)));
  for (const section of document.sections) {
    if (!section.kinds.length || hasKnownAncestor(section) || flat.has(section)) continue;
    // Sections under the report's title belong to the report, as if the title were not there.
    const scope = section.parent && section.parent.headingRange.start.line !== titleLine ? section.parent : undefined;
    groups.set(scope, [...(groups.get(scope) ?? []), section]);
  }
  return [...groups.values()];
}

function hasKnownAncestor(section: Section): boolean {
  for (let at = section.parent; at; at = at.parent) if (at.kinds.length) return true;
  return false;
}

/** "line 12", as people count lines. */
export function lineOf(section: Section): string {
  return `line ${section.headingRange.start.line + 1}`;
}

/**
 * The headings that hold a section's content when the author wrote them at its own level: "### Timeline:"
 * with nothing under it, then "### Detection:" and "### Escalation:"; "Root Cause and Resolution:" then
 * "### Root Cause:" and "### Resolution:". They run until another section of the template.
 */
export function flatChildren(document: PostmortemDocument, section: Section, template: Template): Section[] {
  if (!section.kinds.length || section.nodes.length || section.children.length) return [];
  const run: Section[] = [];
  const sections = document.sections;
  for (let index = sections.indexOf(section) + 1; index < sections.length; index++) {
    const next = sections[index];
    if (next.level < section.level) break;
    if (next.level > section.level) continue;
    const inside = !next.kinds.length || next.kinds.every((kind) => section.kinds.includes(kind));
    const part = !next.kinds.some((kind) => template.sections.some((candidate) => candidate.id === kind)) && isPartOfKinds(next.kinds, section.kinds);
    if (!inside && !part) break;
    run.push(next);
  }
  return run;
}
