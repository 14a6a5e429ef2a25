import type { Section } from '../../model';
import { kindTitle } from '../../templates/lookup';
import { docsUrl, type Rule } from '../types';
import { lineOf, topSectionGroups } from './topSections';

export const duplicateSection: Rule = {
  meta: {
    id: 'duplicate-section',
    description: 'The same template section appears twice.',
    defaultSeverity: 'warning',
    fixable: false,
    docs: docsUrl('duplicate-section'),
  },
  check({ document, config, report }) {
    for (const group of topSectionGroups(document, config.template)) {
      const first = new Map<string, Section>();
      for (const section of group) {
        const repeated = section.kinds.filter((kind) => first.has(kind));
        for (const kind of section.kinds) if (!first.has(kind)) first.set(kind, section);
        if (!repeated.length) continue;
        const covered = repeated.map((kind) => {
          const earlier = first.get(kind)!;
          return `"${kindTitle(config.template, kind)}", already covered by "${earlier.title}" (${lineOf(earlier)})`;
        });
        report({
          range: section.headingRange,
          message: `"${section.title}" repeats ${covered.join(', and ')}. Merge them into one section, or retitle this one if it covers something else.`,
        });
      }
    }
  },
};
