import type { Section } from '../../model';
import type { Template } from '../../templates';
import { kindTitle } from '../../templates/lookup';
import { docsUrl, type Rule } from '../types';
import { lineOf, topSectionGroups } from './topSections';

/** Where the template puts a section: its earliest kind's position, or undefined for a section the template does not list. */
function positionOf(section: Section, template: Template): number | undefined {
  const positions = section.kinds.map((kind) => template.sections.findIndex((candidate) => candidate.id === kind)).filter((at) => at >= 0);
  return positions.length ? Math.min(...positions) : undefined;
}

/** Indexes of a longest non-decreasing subsequence: the sections already in order; the others are out of place. */
function inOrder(positions: number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = [];
  positions.forEach((position, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (positions[tails[mid]] <= position) low = mid + 1;
      else high = mid;
    }
    previous[index] = low > 0 ? tails[low - 1] : -1;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let at = tails.length ? tails[tails.length - 1] : -1; at >= 0; at = previous[at]) kept.add(at);
  return kept;
}

export const sectionOrder: Rule = {
  meta: {
    id: 'section-order',
    description: "Sections out of the template's order.",
    defaultSeverity: 'info',
    fixable: false,
    docs: docsUrl('section-order'),
  },
  check({ document, config, report }) {
    const { template, templateName } = config;
    for (const group of topSectionGroups(document, config.template)) {
      // A section written twice is duplicate-section's business; its order means nothing until one is left.
      const repeated = new Set(group.flatMap((section) => section.kinds).filter((kind, index, kinds) => kinds.indexOf(kind) !== index));
      const placed = group.flatMap((section) => {
        const position = positionOf(section, template);
        return position === undefined || section.kinds.some((kind) => repeated.has(kind)) ? [] : [{ section, position }];
      });
      const kept = inOrder(placed.map((entry) => entry.position));
      placed.forEach(({ section, position }, index) => {
        if (kept.has(index)) return;
        const own = kindTitle(template, template.sections[position].id);
        // A section out of order is either after one the template puts later, or before one it puts earlier.
        const earlier = placed.slice(0, index).find((entry) => entry.position > position);
        const later = placed.slice(index + 1).find((entry) => entry.position < position);
        const other = earlier ?? later;
        if (!other) return;
        const otherTitle = kindTitle(template, template.sections[other.position].id);
        report({
          range: section.headingRange,
          message: earlier
            ? `"${section.title}" comes after "${other.section.title}" (${lineOf(other.section)}), but template ${templateName} puts ${own} before ${otherTitle}. Move it up, or switch this rule off if your team orders sections differently.`
            : `"${section.title}" comes before "${other.section.title}" (${lineOf(other.section)}), but template ${templateName} puts ${own} after ${otherTitle}. Move it down, or switch this rule off if your team orders sections differently.`,
        });
      });
    }
  },
};
