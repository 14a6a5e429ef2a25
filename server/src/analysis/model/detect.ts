import picomatch from 'picomatch';
import type { ResolvedConfig } from '../config/config';
import type { FrontMatter, Section } from '.';
import { titleSection } from './sections';

/** A title that names the document a postmortem. */
export const REPORT_TITLE = /post[\s-]?mortem|incident\s+(report|review|analysis|retrospective)|outage\s+report|\brca\b|root\s+cause\s+analysis/i;
/** Kinds that rarely title a section of anything but an incident report. */
const INCIDENT_KINDS = new Set(['timeline', 'root-cause', 'impact', 'resolution', 'trigger', 'detection', 'contributing-factors', 'five-whys']);

export type DetectionReason = 'setting' | 'front-matter' | 'files-glob' | 'title' | 'sections' | 'none';

function frontMatterSays(frontMatter: FrontMatter | undefined): boolean {
  const data = frontMatter?.data ?? {};
  return String(data.type ?? '').toLowerCase().replace(/[\s_-]/g, '') === 'postmortem' || data.postmortem === true;
}

function matchesGlob(files: string[], relativePath: string | undefined): boolean {
  if (!relativePath || !files.length) return false;
  const path = relativePath.replace(/\\/g, '/');
  return picomatch(files, { dot: true })(path);
}

/** A clock time or a calendar date: a report tells of one incident, on a day, at a time. */
const WHEN = /\b\d{1,2}:\d{2}\b|\b\d{1,2} ?[ap]\.?m\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b/i;
/** Words that tell of one outage ("It was down", "the login outage"). */
const OUTAGE = /\b(?:is|was|were|went|been) (?:down|unavailable|offline|degraded|broken)\b|\boutage\b/i;
/** Wording of an assignment that asks for a postmortem ("Issue Summary ... must contain:", "your postmortem"). */
const INSTRUCTIONS = /\b(?:must contain|should contain|your post-?mortem|write an? post-?mortem|mandatory|you (?:must|should|will need to))\b/gi;
/** An assignment says what a postmortem needs in a few such phrases; a report quotes its task once at most. */
const MIN_INSTRUCTIONS = 2;
/** The opening lines read for a title when the report has no heading above them ("Internal post-mortem: <link>"). */
const OPENING_LINES = 3;
const MAX_OPENING_TITLE_WORDS = 12;

/**
 * The titles a reader takes the document's name from: the first heading at any level (a report that opens with
 * "## Postmortem"), and the short opening lines before any heading.
 */
function titles(text: string, sections: Section[], title: string | undefined): string[] {
  const found = title ? [title] : [];
  if (sections[0] && !sections[0].kinds.length) found.push(sections[0].title);
  const opening = text.slice(0, sections[0]?.startOffset ?? Math.min(text.length, 2000)).split(/\r\n|\n|\r/).map((line) => line.trim()).filter(Boolean);
  for (const line of opening.slice(0, OPENING_LINES)) if (line.split(/\s+/).length <= MAX_OPENING_TITLE_WORDS) found.push(line);
  return found;
}

const REAL_HEADINGS = new Set(['atx', 'setext', 'html']);

/**
 * Sections that tell what the document is: a heading, or a label line that is not nested in a section naming
 * nothing ("**Solution**" under "Issue 1: Nginx not running" in a how-to).
 */
function telling(sections: Section[]): Section[] {
  const title = titleSection(sections);
  const named = (section: Section): boolean => {
    if (REAL_HEADINGS.has(section.syntax)) return true;
    for (let at = section.parent; at && at !== title; at = at.parent) if (!at.kinds.length) return false;
    return true;
  };
  return sections.filter((section) => section.kinds.length && named(section));
}

/** Whether a Markdown file is a postmortem: a README, an assignment's instructions or an essay must stay quiet. */
export function detectPostmortem(input: {
  config: ResolvedConfig;
  frontMatter?: FrontMatter;
  sections: Section[];
  title?: string;
  relativePath?: string;
  text?: string;
}): DetectionReason {
  const { config } = input;
  if (config.detection === 'never') return 'none';
  if (config.detection === 'always') return 'setting';
  if (frontMatterSays(input.frontMatter)) return 'front-matter';
  if (matchesGlob(config.files, input.relativePath)) return 'files-glob';
  const text = input.text ?? '';
  const kinds = new Set(telling(input.sections).flatMap((section) => section.kinds));
  const incidentKinds = [...kinds].filter((kind) => INCIDENT_KINDS.has(kind));
  // A report tells of an incident: when it happened, or the sections that only an incident has.
  const tellsOfIncident = WHEN.test(text) || OUTAGE.test(text) || incidentKinds.length > 0;
  // An assignment lists the sections a postmortem must have; an essay says what postmortems are for. Neither has a time of its own.
  const instructions = !WHEN.test(text) && (text.match(INSTRUCTIONS)?.length ?? 0) >= MIN_INSTRUCTIONS;
  if (instructions) return 'none';
  if (tellsOfIncident && titles(text, input.sections, input.title).some((title) => REPORT_TITLE.test(title))) return 'title';
  if (kinds.size >= 2 && incidentKinds.length) return 'sections';
  return 'none';
}
