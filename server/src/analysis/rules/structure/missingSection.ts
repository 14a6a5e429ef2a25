import type { Range } from '../../types';
import { docsUrl, type Rule } from '../types';
import { insertSectionEdit, presentSection, sectionMarkdown, siblingLevel } from './sectionPlacement';
import { headinglessSummaryLine } from './summaryText';

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
    const anchor: Range = document.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: document.source.lineText(0).length } };
    for (const section of template.sections) {
      if (!section.required) continue;
      // Present under a stand-in's title, or as summary fields with no heading (heading-syntax asks for the heading).
      if (presentSection(document, section.id) || (section.id === 'summary' && headinglessSummaryLine(document) !== undefined)) continue;
      const heading = `${'#'.repeat(level)} ${section.title}`;
      report({
        range: anchor,
        message: `Missing section "${section.title}" (template ${templateName}). Add a heading such as "${heading}".`,
        fixes: [{
          title: `Add section "${section.title}"`,
          isPreferred: true,
          edits: [insertSectionEdit(document, template, section.id, sectionMarkdown(section, level))],
        }],
      });
    }
  },
};
