import type { ActionItem, PostmortemDocument, Section, TimelineEntry } from '../analysis/model';
import { insertSectionEdit, siblingLevel } from '../analysis/rules/structure/sectionPlacement';
import type { Template } from '../analysis/templates';
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

export function timelineEntryToOutline(entry: TimelineEntry, findings: Finding[]): OutlineTimelineEntry {
  const { text, kind, range, lineRange } = entry;
  return { text, kind, range, lineRange, section: entry.section.title, problems: problemsIn(findings, range) };
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

/** The declared zone, with what it stands for, so the client can write "now" in it. */
function declaredZone(name: string): OutlineZone {
  const zone = parseZone(name);
  if (zone?.iana) return { name, iana: zone.iana };
  return zone?.offsetMinutes === undefined ? { name } : { name, offsetMinutes: zone.offsetMinutes };
}

/** The template's top-level sections the document lacks, each with the edit that inserts it. */
export function missingSectionsOutline(document: PostmortemDocument, template: Template): OutlineMissingSection[] {
  const level = siblingLevel(document);
  return template.sections
    .filter((section) => !document.sections.some((existing) => existing.kinds.includes(section.id)))
    .map((section) => {
      const heading = `${'#'.repeat(level)} ${section.title}`;
      const body = section.prompt ? `${heading}\n\n${section.prompt}` : heading;
      return { id: section.id, title: section.title, required: section.required, insert: insertSectionEdit(document, template, section.id, body) };
    });
}

/** `postmortem/outline`: plain JSON the client's views render. */
export function outline(analysis: DocumentAnalysis): OutlineModel {
  const { result } = analysis;
  const document = result.isPostmortem ? result.document : undefined;
  const findings = result.findings;
  return {
    uri: analysis.uri,
    version: analysis.version,
    isPostmortem: result.isPostmortem,
    detection: result.detection,
    template: result.config.templateName,
    ...(result.config.timezone ? { timezone: declaredZone(result.config.timezone) } : {}),
    ...(result.config.unknownTemplate ? { unknownTemplate: result.config.unknownTemplate } : {}),
    ...(document?.title ? { title: document.title } : {}),
    sections: document?.sections.map(sectionToOutline) ?? [],
    missingSections: document ? missingSectionsOutline(document, result.config.template) : [],
    timeline: document?.timeline.map((entry) => timelineEntryToOutline(entry, findings)) ?? [],
    actionItems: document?.actionItems.map((item) => actionItemToOutline(item, findings)) ?? [],
    problems: findings.length,
    ...(result.skipped ? { skipped: result.skipped } : {}),
  };
}
