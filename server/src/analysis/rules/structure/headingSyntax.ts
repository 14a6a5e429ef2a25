import type { PostmortemDocument, Section } from '../../model';
import { REPORT_TITLE } from '../../model/detect';
import { endOffset, plainText, startOffset } from '../../parsing/parse';
import type { Fix, Range } from '../../types';
import { docsUrl, type Rule } from '../types';
import { presentSection, siblingLevel } from './sectionPlacement';
import { headinglessSummaryLine } from './summaryText';

const WHY: Record<string, string> = {
  'hashes-without-space': 'Markdown needs a space after the "#" characters',
  'bold-line': 'a bold line is not a heading, so outlines and links cannot find it',
  'label-line': 'a plain line is not a heading, so outlines and links cannot find it',
  'indented-line': 'a line indented four spaces or more is shown as code, not as a heading',
  'fenced-line': 'it is inside a code block (```), so Markdown shows it, and the text around it, as code',
};

/**
 * A title Markdown does not read as a heading, at the level of the report's sections. A bold label deeper
 * down ("**Root causes:**" inside "### October 21 - Redis overload") is a label of that sub-section: a
 * style choice, not a broken heading. Hashes without a space are broken at any level.
 */
function isMisformed(section: Section, sectionLevel: number): boolean {
  if (!(section.syntax in WHY)) return false;
  return section.syntax === 'hashes-without-space' || section.level <= sectionLevel;
}

/** More words than a title has: a sentence that the line of dashes under it turned into a heading. */
const MAX_TITLE_WORDS = 12;

/**
 * A paragraph followed by a line of dashes meant as a horizontal rule: Markdown reads the pair as a setext
 * heading, so the paragraph turns into a big bold title. A real title is short and does not end like a sentence.
 */
function setextMeantAsRule(document: PostmortemDocument, section: Section): { underlineLine: number } | undefined {
  if (section.syntax !== 'setext' || section.level !== 2 || section.kinds.length) return undefined;
  const { start, end } = section.headingRange;
  const underline = document.source.lineText(end.line);
  if (!/^ {0,3}-+\s*$/.test(underline)) return undefined;
  const paragraph = document.text.slice(document.source.offsetAt(start), document.source.lineStarts[end.line]).trim();
  // A question ("Why was this hard to detect?") is a fine title; a full stop or a comma ends a sentence.
  const sentence = /[.,;]$/.test(paragraph) || paragraph.split(/\s+/).length > MAX_TITLE_WORDS || end.line - start.line > 1;
  return sentence ? { underlineLine: end.line } : undefined;
}

/**
 * The report's title written as a bold line at the top ("**Postmortem: Checkout outage**") when no heading
 * names the report: it is the document's title, and outlines and links cannot find it.
 */
function boldReportTitle(document: PostmortemDocument): { range: Range; title: string } | undefined {
  if (document.title) return undefined;
  const first = document.tree.children.find((node) => node.type !== 'yaml');
  if (first?.type !== 'paragraph' || first.children.length !== 1 || first.children[0].type !== 'strong') return undefined;
  const title = plainText(first).trim();
  const start = startOffset(document.parsed, first);
  const end = endOffset(document.parsed, first);
  if (!REPORT_TITLE.test(title) || /[\r\n]/.test(document.text.slice(start, end))) return undefined;
  return { range: document.source.rangeOf(start, end), title };
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

export const headingSyntax: Rule = {
  meta: {
    id: 'heading-syntax',
    description: 'A section title is written so that Markdown does not read it as a heading, or a paragraph is read as a heading by mistake.',
    defaultSeverity: 'warning',
    fixable: true,
    docs: docsUrl('heading-syntax'),
  },
  check({ document, config, report }) {
    const eol = document.source.eol;
    const sectionLevel = siblingLevel(document);
    const reportTitle = boldReportTitle(document);
    if (reportTitle) {
      const heading = `# ${reportTitle.title}`;
      report({
        range: reportTitle.range,
        message: `"${excerpt(reportTitle.title)}" is meant as the report's title, but a bold line is not a heading, so outlines and links cannot find it. Write "${heading}".`,
        fixes: [{ title: 'Make the title a heading', isPreferred: true, edits: [{ range: reportTitle.range, newText: heading }] }],
      });
    }
    const fieldsLine = presentSection(document, 'summary') ? undefined : headinglessSummaryLine(document);
    if (fieldsLine !== undefined) {
      const title = config.template.sections.find((section) => section.id === 'summary')?.title ?? 'Summary';
      const heading = `${'#'.repeat(sectionLevel)} ${title}`;
      const at = { line: fieldsLine, character: 0 };
      report({
        range: { start: at, end: { line: fieldsLine, character: document.source.lineText(fieldsLine).length } },
        message: `The summary's fields (line ${fieldsLine + 1}) have no heading, so outlines and links cannot find the summary. Add "${heading}" above them.`,
        fixes: [{ title: `Add the heading "${heading}"`, isPreferred: true, edits: [{ range: { start: at, end: at }, newText: `${heading}${eol}${eol}` }] }],
      });
    }
    for (const section of document.sections) {
      const rule = setextMeantAsRule(document, section);
      if (rule) {
        const at = { line: rule.underlineLine, character: 0 };
        const fix: Fix = { title: 'Keep the paragraph and the horizontal rule', isPreferred: true, edits: [{ range: { start: at, end: at }, newText: eol }] };
        report({
          range: section.headingRange,
          message: `"${excerpt(section.title)}" is underlined with "---", so Markdown shows the whole paragraph as a heading. Add a blank line before "---" to keep the paragraph and the horizontal rule.`,
          fixes: [fix],
        });
        continue;
      }
      if (!isMisformed(section, sectionLevel)) continue;
      const written = document.text.slice(section.startOffset, section.headingEndOffset).trim();
      const heading = `${'#'.repeat(section.level)} ${section.title}`;
      // Inside a fence, a heading would still be code: the fence itself is what to remove, which the author decides.
      if (section.syntax === 'fenced-line') {
        report({
          range: section.headingRange,
          message: `"${written}" is meant as the "${section.title}" section title, but ${WHY[section.syntax]}. Remove the fence around the report and write "${heading}".`,
          fixes: [],
        });
        continue;
      }
      report({
        range: section.headingRange,
        message: `"${written}" is meant as the "${section.title}" section title, but ${WHY[section.syntax]}. Write "${heading}".`,
        fixes: [{ title: `Make "${section.title}" a heading`, isPreferred: true, edits: [{ range: section.headingRange, newText: heading }] }],
      });
    }
  },
};
