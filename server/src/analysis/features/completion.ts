/**
 * Completion of section headings: typing `#` at the start of a line offers the active template's sections
 * the document does not have yet, each with its prompt as a snippet to type over.
 */
import type { ResolvedConfig } from '../config/config';
import type { PostmortemDocument } from '../model';
import { sectionMarkdown, siblingLevel } from '../rules/structure/sectionPlacement';
import type { TemplateSection } from '../templates';
import type { Position, Range } from '../types';

export interface SectionCompletion {
  /** The section's title, as the template names it. */
  label: string;
  /** Snippet syntax: the heading, then the prompt as the first tab stop, selected so typing replaces it. */
  insertText: string;
  /** The same Markdown without snippet syntax, for clients that cannot expand snippets. */
  plainText: string;
  /** What the item replaces: the `#` characters (and any title) typed so far on the line. */
  range: Range;
  /** The typed text followed by the title, so the client keeps the item while the user types. */
  filterText: string;
  sortText: string;
  detail: string;
  /** Markdown: what the section should answer. */
  documentation: string;
}

/** `#`, `## `, `### Ro` at the start of a line (up to three spaces of indentation, as Markdown allows). */
const TYPED_HEADING = /^( {0,3})(#{1,6})(?:[ \t]+([^#]*))?$/;

/** Escapes text for snippet syntax: `$`, `}` and `\` are literal everywhere they appear. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (character) => `\\${character}`);
}

function snippetOf(section: TemplateSection, level: number): string {
  const heading = escapeSnippet(`${'#'.repeat(level)} ${section.title}`);
  const prompt = section.prompt ? `\n\n\${1:${escapeSnippet(section.prompt)}}` : '';
  const parts = (section.children ?? []).map((child) => `\n\n${escapeSnippet(sectionMarkdown(child, Math.min(6, level + 1)))}`).join('');
  return `${heading}${prompt}${parts}`;
}

/** The sections to offer at a position, in the template's order; none when the line is not a heading being typed. */
export function sectionCompletions(document: PostmortemDocument, config: ResolvedConfig, position: Position): SectionCompletion[] {
  if (position.line >= document.source.lineCount) return [];
  const typed = document.source.lineText(position.line).slice(0, position.character);
  const match = TYPED_HEADING.exec(typed);
  if (!match) return [];
  const [, indent, hashes] = match;
  // "#" alone asks for a section: it goes at the level the document's sections use. More "#" are the user's choice.
  const level = hashes.length > 1 ? hashes.length : siblingLevel(document);
  const present = new Set(document.sections.flatMap((section) => section.kinds));
  const { template, templateName } = config;
  const range = { start: { line: position.line, character: indent.length }, end: position };
  return template.sections
    .filter((section) => !present.has(section.id))
    .map((section) => ({
      label: section.title,
      insertText: snippetOf(section, level),
      plainText: sectionMarkdown(section, level),
      range,
      filterText: `${hashes} ${section.title}`,
      sortText: String(template.sections.indexOf(section)).padStart(3, '0'),
      detail: `${section.required ? 'Required by' : 'Optional in'} template ${templateName}`,
      documentation: section.prompt ? `${section.prompt}\n\n*Inserted as a prompt to type over.*` : '',
    }));
}
