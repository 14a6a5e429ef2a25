/**
 * Hover on a section heading: which template section(s) it satisfies and what they should answer. Hover on
 * a template leftover: why placeholder-text flags it.
 */
import type { ResolvedConfig } from '../config/config';
import type { PostmortemDocument, Section } from '../model';
import { isPartOfParent } from '../model/sections';
import { docsUrl } from '../rules/types';
import { findPlaceholders } from '../rules/structure/placeholderText';
import { findTemplateSection, flattenSections } from '../templates/lookup';
import type { Position, Range } from '../types';

export interface StructureHover {
  range: Range;
  /** Markdown. */
  contents: string;
}

const REAL_HEADINGS = new Set(['atx', 'setext', 'html']);

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

function nearestKnownParent(section: Section): Section | undefined {
  for (let at = section.parent; at; at = at.parent) if (at.kinds.length) return at;
  return undefined;
}

function sectionContents(section: Section, config: ResolvedConfig): string {
  const { template, templateName } = config;
  if (!section.kinds.length) {
    return `**${section.title || '(untitled)'}** matches no section of template \`${templateName}\`. Its sections: ${template.sections.map((candidate) => candidate.title).join(', ')}.`;
  }
  const found = section.kinds.map((kind) => findTemplateSection(template, kind));
  const names = found.map((candidate, index) => `*${candidate?.title ?? section.kinds[index]}*`).join(' and ');
  const plural = section.kinds.length > 1 ? 's' : '';
  const inTemplate = section.kinds.every((kind) => flattenSections(template.sections).some((candidate) => candidate.id === kind));
  const parent = isPartOfParent(section) ? nearestKnownParent(section) : undefined;
  const lines = [
    parent
      ? `**${section.title}** is part of the *${parent.title}* section: ${names}.`
      : inTemplate
        ? `**${section.title}** is the ${names} section${plural} of template \`${templateName}\`.`
        : `**${section.title}** is the ${names} section${plural} of the built-in templates; template \`${templateName}\` does not ask for it.`,
  ];
  for (const candidate of found) if (candidate?.prompt) lines.push('', `${candidate.title}: ${candidate.prompt.split('\n')[0]}`);
  if (!REAL_HEADINGS.has(section.syntax)) lines.push('', `Written without Markdown heading syntax: see [heading-syntax](${docsUrl('heading-syntax')}).`);
  return lines.join('\n');
}

/** The hover for the heading of a section at the position. */
export function sectionHover(document: PostmortemDocument, config: ResolvedConfig, position: Position): StructureHover | undefined {
  const section = [...document.sections].reverse().find((candidate) => contains(candidate.headingRange, position));
  // A "#" being typed is not a heading yet; completion speaks to it.
  if (!section?.title) return undefined;
  return { range: section.headingRange, contents: sectionContents(section, config) };
}

/** The hover for a template leftover at the position, when placeholder-text is on. */
export function placeholderHover(document: PostmortemDocument, config: ResolvedConfig, position: Position): StructureHover | undefined {
  const setting = config.rules.get('placeholder-text');
  if (setting?.level === 'off') return undefined;
  const offset = document.source.offsetAt(position);
  const found = findPlaceholders(document, config, setting?.options ?? {}).find((placeholder) => placeholder.start <= offset && offset <= placeholder.end);
  if (!found) return undefined;
  const contents = [
    `**Template leftover** (placeholder-text): ${found.message}`,
    '',
    'A placeholder makes an unfinished report look finished: a reader cannot tell a template\'s date, path or prompt from a real one, and the question it stands for stays unanswered.',
    '',
    `Add or allow words with the rule's \`words\` and \`allow\` options. [Rule documentation](${docsUrl('placeholder-text')})`,
  ].join('\n');
  return { range: document.source.rangeOf(found.start, found.end), contents };
}
