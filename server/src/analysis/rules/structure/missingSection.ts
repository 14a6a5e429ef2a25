import { docsUrl, type Rule } from '../types';
import { insertSectionEdit, siblingLevel } from './sectionPlacement';

export const missingSection: Rule = {
  meta: {
    id: 'missing-section',
    description: 'A section the active template requires is absent.',
    defaultSeverity: 'warning',
    fixable: true,
    docs: docsUrl('missing-section'),
  },
  check({ document, config, report }) {
    const { template, templateName } = config;
    const level = siblingLevel(document);
    const anchor = document.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: document.source.lineText(0).length } };
    for (const section of template.sections) {
      if (!section.required) continue;
      if (document.sections.some((existing) => existing.kinds.includes(section.id))) continue;
      const heading = `${'#'.repeat(level)} ${section.title}`;
      report({
        range: anchor,
        message: `Missing section "${section.title}" (template ${templateName}). Add a heading such as "${heading}".`,
        fixes: [{
          title: `Add section "${section.title}"`,
          isPreferred: true,
          edits: [insertSectionEdit(document, template, section.id, section.prompt ? `${heading}\n\n${section.prompt}` : heading)],
        }],
      });
    }
  },
};
