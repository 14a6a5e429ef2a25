import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Section } from '../analysis/model';
import { ALL_SECTIONS, type Template, type TemplateSection } from '../analysis/templates';
import type { DocumentAnalysis } from './analyses';

const REAL_HEADINGS = new Set(['atx', 'setext', 'html']);

function flatten(sections: TemplateSection[]): TemplateSection[] {
  return sections.flatMap((section) => [section, ...flatten(section.children ?? [])]);
}

/** Template section titles by id: the active template's own words first, then any built-in's. */
export function sectionTitles(template: Template): Map<string, string> {
  const titles = new Map<string, string>();
  for (const section of [...flatten(template.sections), ...flatten(ALL_SECTIONS.sections)]) {
    if (!titles.has(section.id)) titles.set(section.id, section.title);
  }
  return titles;
}

function toSymbol(section: Section, titles: Map<string, string>, isTitle: boolean): DocumentSymbol {
  const satisfies = section.kinds.map((kind) => titles.get(kind) ?? kind);
  const detail = [...satisfies, ...(REAL_HEADINGS.has(section.syntax) ? [] : ['not a Markdown heading'])].join(', ');
  return {
    // Editors reject symbols with an empty name; "##" alone is a heading without a title.
    name: section.title || '(untitled section)',
    ...(detail ? { detail } : {}),
    kind: isTitle ? SymbolKind.File : satisfies.length ? SymbolKind.Namespace : SymbolKind.String,
    range: section.range,
    selectionRange: section.headingRange,
    children: section.children.map((child) => toSymbol(child, titles, false)),
  };
}

/** `textDocument/documentSymbol`: the sections as a hierarchy, with the template sections each one satisfies. */
export function documentSymbols(analysis: DocumentAnalysis): DocumentSymbol[] {
  const { result } = analysis;
  const document = result.document;
  if (!result.isPostmortem || !document) return [];
  const titles = sectionTitles(result.config.template);
  const titleLine = document.title?.range.start.line;
  return document.outline.map((section) => toSymbol(section, titles, section.headingRange.start.line === titleLine));
}
