import type { ActionItem, PostmortemDocument, Section, TimelineEntry } from '../analysis/model';
import { insertSectionEdit, sectionMarkdown, siblingLevel } from '../analysis/rules/structure/sectionPlacement';
import { KEY_MOMENTS } from '../analysis/model/keyMoments';
import type { Template } from '../analysis/templates';
import { formatElapsed, toIsoUtc } from '../analysis/time/instants';
import { parseZone } from '../analysis/time/zones';
import type { Finding, Position, Range } from '../analysis/types';
import type { DocumentAnalysis } from './analyses';
import type { OutlineActionItem, OutlineMissingSection, OutlineModel, OutlineProblem, OutlineSection, OutlineTimelineEntry, OutlineZone } from './protocol';

// One `…ToOutline` per part of the model: the timeline and action-item work adds its fields (parsed
// times, T+ offsets, owners, due dates) there, and the views pick them up.

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function contains(range: Range, position: Position): boolean {
  return !before(position, range.start) && before(position, range.end);
}

/** The findings that start inside a range, for the warning icon beside a view entry. */
function problemsIn(findings: Finding[], range: Range): OutlineProblem[] {
  return findings.filter((finding) => contains(range, finding.range.start)).map(({ ruleId, severity, message }) => ({ ruleId, severity, message }));
}

function isEmpty(section: Section): boolean {
  return section.children.length === 0 && section.nodes.every((node) => node.type === 'html' && /^\s*<!--[^]*-->\s*$/.test(node.value));
}

export function sectionToOutline(section: Section): OutlineSection {
  const { title, level, kinds, range, headingRange, syntax } = section;
  return { title, level, kinds, range, headingRange, syntax, empty: isEmpty(section) };
}

export function timelineEntryToOutline(entry: TimelineEntry, findings: Finding[], keyMoments: string[] = []): OutlineTimelineEntry {
  const { text, kind, range, lineRange, instant, elapsed, timestamp, zone } = entry;
  const problems = problemsIn(findings, range);
  return {
    text,
    kind,
    range,
    lineRange,
    section: entry.section.title,
    problems,
    hasProblem: problems.length > 0,
    ...(timestamp ? { time: timestamp.text } : {}),
    ...(instant === undefined ? {} : { instant }),
    ...(instant !== undefined && !entry.assumed?.date ? { iso: toIsoUtc(instant) } : {}),
    ...(elapsed === undefined ? {} : { elapsed: formatElapsed(elapsed) }),
    ...(zone ? { zone: zone.ref.text } : {}),
    ...(keyMoments.length ? { keyMoments } : {}),
  };
}

/** The key moments read from each entry, by entry index. */
function keyMomentsByEntry(document: PostmortemDocument): Map<number, string[]> {
  const byEntry = new Map<number, string[]>();
  for (const name of KEY_MOMENTS) {
    const entry = document.keyMoments.moments[name]?.entry;
    if (entry !== undefined) byEntry.set(entry, [...(byEntry.get(entry) ?? []), name]);
  }
  return byEntry;
}

export function actionItemToOutline(item: ActionItem, findings: Finding[]): OutlineActionItem {
  const { text, action, kind, checked, done, owner, due, tracking, range } = item;
  return {
    text,
    action,
    kind,
    ...(checked === undefined ? {} : { checked }),
    done,
    ...(owner ? { owner: owner.text } : {}),
    ...(due ? { due: due.text } : {}),
    ...(tracking ? { tracking: tracking.text } : {}),
    range,
    section: item.section.title,
    problems: problemsIn(findings, range),
  };
}

/**
 * The zone the timeline is declared in (as the timeline engine reads it: heading, intro line, summary, front matter,
 * setting), else the configured one, with what it stands for, so the client can write "now" in it.
 */
function timelineZone(document: PostmortemDocument | undefined, configured: string | undefined): OutlineZone | undefined {
  const declared = document?.timelineInfo.timelines.find((timeline) => timeline.declaredZone)?.declaredZone?.ref;
  const zone = declared ?? (configured ? parseZone(configured) : undefined);
  if (!zone) return configured ? { name: configured } : undefined;
  if (zone.iana) return { name: zone.text, iana: zone.iana };
  return zone.offsetMinutes === undefined ? { name: zone.text } : { name: zone.text, offsetMinutes: zone.offsetMinutes };
}

/** The template's top-level sections the document lacks, each with the edit that inserts it. */
export function missingSectionsOutline(document: PostmortemDocument, template: Template): OutlineMissingSection[] {
  const level = siblingLevel(document);
  return template.sections
    .filter((section) => !document.sections.some((existing) => existing.kinds.includes(section.id)))
    .map((section) => ({ id: section.id, title: section.title, required: section.required, insert: insertSectionEdit(document, template, section.id, sectionMarkdown(section, level)) }));
}

function timelineOutline(document: PostmortemDocument, findings: Finding[]): OutlineTimelineEntry[] {
  const moments = keyMomentsByEntry(document);
  return document.timeline.map((entry, index) => timelineEntryToOutline(entry, findings, moments.get(index)));
}

/** `postmortem/outline`: plain JSON the client's views render. */
export function outline(analysis: DocumentAnalysis): OutlineModel {
  const { result } = analysis;
  const document = result.isPostmortem ? result.document : undefined;
  const findings = result.findings;
  const timezone = timelineZone(document, result.config.timezone);
  return {
    uri: analysis.uri,
    version: analysis.version,
    isPostmortem: result.isPostmortem,
    detection: result.detection,
    template: result.config.templateName,
    ...(timezone ? { timezone } : {}),
    ...(result.config.unknownTemplate ? { unknownTemplate: result.config.unknownTemplate } : {}),
    ...(document?.title ? { title: document.title } : {}),
    sections: document?.sections.map(sectionToOutline) ?? [],
    missingSections: document ? missingSectionsOutline(document, result.config.template) : [],
    timeline: document ? timelineOutline(document, findings) : [],
    actionItems: document?.actionItems.map((item) => actionItemToOutline(item, findings)) ?? [],
    problems: findings.length,
    ...(result.skipped ? { skipped: result.skipped } : {}),
  };
}
