import type { PostmortemDocument } from '../../model';
import type { TemplateSection } from '../../templates';
import type { Fix, Range } from '../../types';
import { docsUrl, type Rule } from '../types';
import { insertSectionEdit, sectionMarkdown, siblingLevel } from './sectionPlacement';
import { DURATION_FIELD, IMPACT_FIELD, ROOT_CAUSE_FIELD } from './summaryText';

/**
 * Summary fields written with no heading above them ("**Duration:** ..." at the top of the report): the
 * summary is there, only its heading is missing. Returns the line of the first field.
 */
function headinglessSummary(document: PostmortemDocument, section: TemplateSection): number | undefined {
  if (section.id !== 'summary') return undefined;
  const first = document.summary.find((fact) => [DURATION_FIELD, IMPACT_FIELD, ROOT_CAUSE_FIELD].some((field) => field.test(fact.name)));
  return first?.range.start.line;
}

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
      if (document.sections.some((existing) => existing.kinds.includes(section.id))) continue;
      const heading = `${'#'.repeat(level)} ${section.title}`;
      const fieldsLine = headinglessSummary(document, section);
      if (fieldsLine !== undefined) {
        const at = { line: fieldsLine, character: 0 };
        const fix: Fix = { title: `Add the heading "${heading}"`, isPreferred: true, edits: [{ range: { start: at, end: at }, newText: `${heading}${document.source.eol}${document.source.eol}` }] };
        report({
          range: { start: at, end: { line: fieldsLine, character: document.source.lineText(fieldsLine).length } },
          message: `The summary's fields (line ${fieldsLine + 1}) have no heading, so the "${section.title}" section of template ${templateName} is missing. Add "${heading}" above them.`,
          fixes: [fix],
        });
        continue;
      }
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
