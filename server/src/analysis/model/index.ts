import type { ParsedMarkdown } from '../parsing/parse';
import type { Template } from '../templates';
import { buildActionSections, buildInlineActionItems } from './actionItems';
import { buildDirectives } from './directives';
import { incidentDate } from './incidentDate';
import { readKeyMoments } from './keyMoments';
import { buildSections, titleSection } from './sections';
import { buildSummary } from './summary';
import { buildTimeline, extractTimelines, type TimelineOptions } from './timeline';
import type { FrontMatter, PostmortemDocument } from './types';

export * from './types';
export { buildFrontMatter } from './frontMatter';
export type { KeyMoment, KeyMomentDurations, KeyMomentMarker, KeyMomentName, KeyMoments } from './keyMoments';

/** A value computed on the first call and kept. */
function once<T>(compute: () => T): () => T {
  let computed: { value: T } | undefined;
  return () => (computed ??= { value: compute() }).value;
}

/** Builds the postmortem model once per document version; every rule and editor feature reads it. */
export function buildDocument(parsed: ParsedMarkdown, frontMatter: FrontMatter | undefined, template: Template, timelineOptions: TimelineOptions = {}, keyMomentOptions: Record<string, unknown> = {}): PostmortemDocument {
  const { sections, preamble } = buildSections(parsed, template);
  const outline = sections.filter((section) => !section.parent);
  const heading = titleSection(sections);
  const fmTitle = typeof frontMatter?.data.title === 'string' ? frontMatter.data.title : undefined;
  const summary = buildSummary(parsed, sections, preamble);
  const extraction = once(() => extractTimelines(parsed, sections));
  const timeline = once(() => buildTimeline(parsed, sections, summary, frontMatter, timelineOptions, extraction()));
  const keyMoments = once(() => readKeyMoments(parsed, frontMatter, timeline().timeline, timeline().timelineInfo, keyMomentOptions));
  const incident = once(() => incidentDate(frontMatter, summary, () => extraction().extracted.flatMap((extracted) => extracted.entries)));
  // Dates written without a year ("Due: June 30") are read in the incident's year.
  const reference = once(() => {
    const found = incident();
    return found ? new Date(`${found.date}T00:00:00Z`) : undefined;
  });
  if (parsed.nodesRecur) {
    // A document's ParseCache moves its nodes at the next parse: what reads their positions must read them now.
    keyMoments();
    reference();
  }
  const actionSections = buildActionSections(parsed, sections, reference);
  return {
    text: parsed.source.text,
    source: parsed.source,
    parsed,
    tree: parsed.tree,
    frontMatter,
    title: heading ? { text: heading.title, range: heading.headingRange } : fmTitle && frontMatter ? { text: fmTitle, range: frontMatter.range } : undefined,
    sections,
    outline,
    // Read when first asked for: the workspace index asks for none of them, and for the incident's day only when an
    // action item holds a date.
    get timeline() {
      return timeline().timeline;
    },
    get timelineInfo() {
      return timeline().timelineInfo;
    },
    get keyMoments() {
      return keyMoments();
    },
    actionItems: [...actionSections.flatMap((section) => section.items), ...buildInlineActionItems(parsed, sections, reference)].sort((a, b) => a.startOffset - b.startOffset),
    actionSections,
    summary,
    directives: buildDirectives(parsed, parsed.tree),
    get incidentDate() {
      return incident();
    },
  };
}
