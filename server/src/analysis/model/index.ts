import type { ParsedMarkdown } from '../parse';
import type { Template } from '../templates';
import { buildActionItems } from './actionItems';
import { buildDirectives } from './directives';
import { buildSections } from './sections';
import { buildSummary } from './summary';
import { buildTimeline } from './timeline';
import type { FrontMatter, PostmortemDocument } from './types';

export * from './types';
export { buildFrontMatter } from './frontMatter';

/** Builds the postmortem model once per document version; every rule and editor feature reads it. */
export function buildDocument(parsed: ParsedMarkdown, frontMatter: FrontMatter | undefined, template: Template): PostmortemDocument {
  const { sections, preamble } = buildSections(parsed, template);
  const outline = sections.filter((section) => !section.parent);
  // A first-level heading that names no section is the report's title; "# Issue Summary" is not.
  const heading = sections[0]?.level === 1 && !sections[0].kinds.length ? sections[0] : undefined;
  const fmTitle = typeof frontMatter?.data.title === 'string' ? frontMatter.data.title : undefined;
  return {
    text: parsed.source.text,
    source: parsed.source,
    parsed,
    tree: parsed.tree,
    frontMatter,
    title: heading ? { text: heading.title, range: heading.headingRange } : fmTitle && frontMatter ? { text: fmTitle, range: frontMatter.range } : undefined,
    sections,
    outline,
    timeline: buildTimeline(parsed, sections),
    actionItems: buildActionItems(parsed, sections),
    summary: buildSummary(parsed, sections, preamble),
    directives: buildDirectives(parsed, parsed.tree),
  };
}
