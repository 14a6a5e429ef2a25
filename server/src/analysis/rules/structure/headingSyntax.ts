import type { Section } from '../../model';
import { docsUrl, type Rule } from '../types';

const WHY: Record<string, string> = {
  'hashes-without-space': 'Markdown needs a space after the "#" characters',
  'bold-line': 'a bold line is not a heading, so outlines and links cannot find it',
  'label-line': 'a plain line is not a heading, so outlines and links cannot find it',
};

function isMisformed(section: Section): boolean {
  return section.syntax in WHY;
}

export const headingSyntax: Rule = {
  meta: {
    id: 'heading-syntax',
    description: 'A section title is written so that Markdown does not read it as a heading.',
    defaultSeverity: 'warning',
    fixable: true,
    docs: docsUrl('heading-syntax'),
  },
  check({ document, report }) {
    for (const section of document.sections) {
      if (!isMisformed(section)) continue;
      const written = document.text.slice(section.startOffset, section.headingEndOffset).trim();
      const heading = `${'#'.repeat(section.level)} ${section.title}`;
      report({
        range: section.headingRange,
        message: `"${written}" is meant as the "${section.title}" section title, but ${WHY[section.syntax]}. Write "${heading}".`,
        fixes: [{ title: `Make "${section.title}" a heading`, isPreferred: true, edits: [{ range: section.headingRange, newText: heading }] }],
      });
    }
  },
};
