import { ALL_SECTIONS } from './index';
import type { Template, TemplateSection } from './types';

/** A template's sections with their sub-sections, in order. */
export function flattenSections(sections: readonly TemplateSection[]): TemplateSection[] {
  return sections.flatMap((section) => [section, ...flattenSections(section.children ?? [])]);
}

/** The section an id names: the active template's own (titled its way), else the first built-in that has it. */
export function findTemplateSection(template: Template, id: string): TemplateSection | undefined {
  return flattenSections(template.sections).find((section) => section.id === id) ?? flattenSections(ALL_SECTIONS.sections).find((section) => section.id === id);
}

/** How to name a section kind to the user: "Root Cause" in essential, "Root Causes" in google-sre. */
export function kindTitle(template: Template, id: string): string {
  return findTemplateSection(template, id)?.title ?? id;
}

/**
 * Words of a line of Markdown, for comparing it with a prompt line: no markup, list markers or punctuation. Not
 * cached: a keystroke keys only the lines of the blocks it changed (placeholders of unchanged blocks are reused),
 * and keying a line costs less than looking it up.
 */
export function promptKey(line: string): string {
  return line.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const promptCache = new WeakMap<Template, Set<string>>();

/**
 * The lines of every prompt a fix may have inserted (the active template's and the built-ins'), as
 * `promptKey`s. A line of the document with the same words is a prompt nobody has answered yet.
 * Very short lines ("1.") are left out: they are not distinctive.
 */
export function promptLines(template: Template): Set<string> {
  let lines = promptCache.get(template);
  if (lines) return lines;
  lines = new Set<string>();
  for (const section of [...flattenSections(template.sections), ...flattenSections(ALL_SECTIONS.sections)]) {
    for (const line of section.prompt.split('\n')) {
      const key = promptKey(line);
      if (key.length >= 12) lines.add(key);
    }
  }
  promptCache.set(template, lines);
  return lines;
}
