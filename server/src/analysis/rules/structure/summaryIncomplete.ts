import { BoundedCache } from '../../util/boundedCache';
import type { ResolvedConfig } from '../../config/config';
import { firstIndex } from '../../util/firstIndex';
import type { PostmortemDocument, Section } from '../../model';
import { titleSection } from '../../model/sections';
import { endOffset, startOffset } from '../../parsing/parse';
import { SUMMARY_FIELDS } from '../../templates/catalog';
import { promptKey, promptLines } from '../../templates/lookup';
import { findTimestamps } from '../../time/timestamps';
import { findZone } from '../../time/zones';
import type { TextEdit } from '../../types';
import { docsUrl, type Rule } from '../types';
import { proseBlocks } from './prose';
import { outsideRawBlock } from './sectionPlacement';
import { flatChildren } from './topSections';
import { DURATION_FIELD, IMPACT_FIELD, ROOT_CAUSE_FIELD, proseBetween, summaryFields, summarySections, type SummaryField } from './summaryText';

/** Prose that says who or what was affected: "affecting 85% of our user base", "users were unable to log in". */
const IMPACT_WORDS = /\d\s*%|\b(?:affect(?:s|ed|ing)?|impact(?:s|ed|ing)?|users?|customers?|clients?|visitors?|requests?|queries|traffic|orders?|transactions?|payments?|logins?|sign-?ins?|sessions?|unable|could not|couldn't|cannot|fail(?:ed|ing|ures?)|lost|inaccessible|unavailable|unusable|down|downtime|outage|disrupt(?:ed|ion)|degraded|errors?|slow(?:ness|ed)?|stall(?:s|ed)?|halt(?:s|ed)?|crash(?:es|ed)?|delay(?:s|ed)?)\b/i;
/** Prose that gives a cause: "The primary cause was ...", "due to a connection leak". */
const CAUSE_WORDS = /\b(?:root cause|caus(?:e|ed|es|ing)|because|due to|triggered|resulted from|result of|stemm(?:ed|ing) from|traced (?:back )?to|attributed to|culprit|led to|(?:issue|problem|reason|fault) was)\b/i;
/** How long, without when: "for 66 minutes", "2 hours". */
const LENGTH = /\b\d+(?:\.\d+)?\s*(?:-\s*)?(?:h|hrs?|hours?|mins?|minutes?|days?|seconds?|secs?)\b|\b\d+h\d+m?\b|\b(?:an|one|two|three|four|five|six|half an?) (?:hours?|minutes?|days?)\b/i;

interface Reading {
  /** Start and end with a zone; `length` when only how long it lasted is written; `no-zone` when the zone is missing. */
  duration: 'ok' | 'missing' | 'length' | 'no-zone';
  impact: boolean;
  rootCause: boolean;
}

function isPrompt(field: SummaryField, prompts: Set<string>): boolean {
  return prompts.has(promptKey(`${field.fact.name}: ${field.fact.value}`));
}

/** The timestamps of a part of the summary text: how many have a time of day, and whether one of those names a zone. */
interface TimesReading {
  times: number;
  zoned: boolean;
}

/**
 * Timestamps never span lines, so the summary's parts (joined by line breaks) are read one by one, and a part a
 * keystroke did not touch is not read again. The capacity is well above the number of summaries a report holds.
 */
const timesOfPart = new BoundedCache<string, TimesReading>(256);

function readTimes(part: string): TimesReading {
  return timesOfPart.get(part, (own) => {
    const times = findTimestamps(own).filter((timestamp) => timestamp.time);
    return { times: times.length, zoned: times.some((timestamp) => timestamp.zone) };
  });
}

/**
 * The code blocks of a section and its sub-sections, in order: an indented summary is a code block to Markdown,
 * but its words are still the summary (corpus student/050).
 */
function codeOf(section: Section, found: string[] = []): string[] {
  for (const node of section.nodes) if (node.type === 'code') found.push(node.value);
  for (const child of section.children) codeOf(child, found);
  return found;
}

/** What the summary (its title, fields and prose) says about the duration, the impact and the root cause. */
function readSummary(document: PostmortemDocument, summaries: Section[], fields: SummaryField[], prompts: Set<string>, config: ResolvedConfig): Reading {
  // "##### Issue Summary" with nothing under it, then "##### Impact" at the same level: that is the summary too.
  const endOf = (section: Section) => Math.max(section.endOffset, ...flatChildren(document, section, config.template).map((child) => child.endOffset));
  // The lead paragraph under the report's title, before the first section, is read as part of the summary.
  const blocks = proseBlocks(document);
  const title = titleSection(document.sections);
  const lead = title ? proseBetween(document, title.headingEndOffset, title.children[0]?.startOffset ?? title.endOffset, blocks) : '';
  // Titles count too: "### Duration: May 9, 17:30 PST - May 10, 01:00 PST" under the summary states the duration.
  const titles = (section: Section, end: number) => {
    const found: string[] = [];
    for (let index = firstIndex(document.sections, (other) => other.startOffset < section.startOffset); index < document.sections.length && document.sections[index].startOffset < end; index++) {
      found.push(document.sections[index].title);
    }
    return found;
  };
  const summaryText = (section: Section) => {
    const end = endOf(section);
    return [...titles(section, end), proseBetween(document, section.headingEndOffset, end, blocks), ...codeOf(section)].join('\n');
  };
  const parts = [lead, ...summaries.map(summaryText)];
  const text = parts.join('\n');
  const has = (pattern: RegExp) => fields.some((field) => pattern.test(field.fact.name) && (field.text || isPrompt(field, prompts)));
  // A prompt inserted by the fix counts as stated: placeholder-text asks for the answer, this rule need not.
  const promptFor = (pattern: RegExp) => fields.some((field) => pattern.test(field.fact.name) && isPrompt(field, prompts));
  const readings = parts.map(readTimes);
  const times = readings.reduce((count, reading) => count + reading.times, 0);
  const zone = Boolean(config.timezone) || readings.some((reading) => reading.zoned) || Boolean(findZone(text));
  // Start and end, or a start and how long ("at 6:48 AM PDT ... for 45 minutes"), with a zone.
  const length = LENGTH.test(text);
  let duration: Reading['duration'];
  if (promptFor(DURATION_FIELD)) duration = 'ok';
  else if (times >= 2 || (times === 1 && length)) duration = zone ? 'ok' : 'no-zone';
  else duration = length ? 'length' : 'missing';
  return {
    duration,
    impact: has(IMPACT_FIELD) || IMPACT_WORDS.test(text),
    rootCause: has(ROOT_CAUSE_FIELD) || CAUSE_WORDS.test(text),
  };
}

function listPhrase(parts: string[]): string {
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/**
 * Inserts field lines at the end of the summary's own text, in the style of the fields already there:
 * as more list items after a list of fields, as more lines of a paragraph of fields, else as a new paragraph.
 */
function insertFields(document: PostmortemDocument, summary: Section, fields: SummaryField[], lines: string[]): TextEdit | undefined {
  const { source, parsed } = document;
  const eol = source.eol;
  // An HTML block that goes on into the next section ("<h2>Summary</h2><p>...</p><h2>Timeline</h2>") is not the summary's to extend.
  const own = summary.nodes.filter((node) => endOffset(parsed, node) <= summary.endOffset);
  const last = own[own.length - 1];
  const lastEnd = last ? endOffset(parsed, last) : summary.headingEndOffset;
  // Text inserted inside an HTML or code block is raw text: no reading would see it, and the fix would apply on every run.
  if (outsideRawBlock(document, lastEnd, 'after') !== lastEnd) return undefined;
  const at = source.positionAt(lastEnd);
  const fieldIn = (node: typeof last) => node && fields.some((field) => field.start >= startOffset(parsed, node) && field.start < endOffset(parsed, node));
  if (last?.type === 'list' && fieldIn(last)) {
    const first = source.lineText(source.positionAt(startOffset(parsed, last)).line);
    const marker = /^\s*([-*+]|\d+[.)])\s/.exec(first)?.[0] ?? '- ';
    return { range: { start: at, end: at }, newText: lines.map((line) => `${eol}${marker}${line}`).join('') };
  }
  if (last?.type === 'paragraph' && fieldIn(last)) return { range: { start: at, end: at }, newText: lines.map((line) => `${eol}${line}`).join('') };
  // A blank line after the new paragraph when a heading or text follows straight away.
  const rest = source.text.slice(lastEnd);
  const tail = /^(?:\r\n|\n|\r)[ \t]*\S/.test(rest) ? eol : '';
  return { range: { start: at, end: at }, newText: `${eol}${eol}${lines.join(eol)}${tail}` };
}

export const summaryIncomplete: Rule = {
  meta: {
    id: 'summary-incomplete',
    description: 'The summary does not state the duration (start and end, with a zone), the impact, or the root cause.',
    defaultSeverity: 'warning',
    fixable: true,
    docs: docsUrl('summary-incomplete'),
  },
  check({ document, config, report }) {
    const summaries = summarySections(document);
    if (!summaries.length) return;
    const fields = summaryFields(document);
    const reading = readSummary(document, summaries, fields, promptLines(config.template), config);
    const missing: string[] = [];
    const lines: string[] = [];
    if (reading.duration === 'missing') {
      missing.push('when it started and ended (with a time zone)');
      lines.push(SUMMARY_FIELDS.duration);
    } else if (reading.duration === 'length') {
      missing.push('when it started and ended (it says only how long)');
    } else if (reading.duration === 'no-zone') {
      missing.push('the time zone of its start and end times');
    }
    if (!reading.impact) {
      missing.push('the impact (who or what was affected, and how much)');
      lines.push(SUMMARY_FIELDS.impact);
    }
    if (!reading.rootCause) {
      missing.push('the root cause');
      lines.push(SUMMARY_FIELDS.rootCause);
    }
    if (!missing.length) return;
    const summary = summaries[0];
    const names = lines.map((line) => `"${/^\*\*[^*]+\*\*/.exec(line)![0]}"`);
    const advice = [
      ...(names.length ? [`Add ${names.length === 1 ? `a ${names[0]} line` : `${listPhrase(names).replace(/ or /, ' and ')} lines`}, or say it in a sentence.`] : []),
      ...(reading.duration === 'length' ? ['Give the start and end with a zone, e.g. "14:51 to 15:57 UTC".'] : []),
      ...(reading.duration === 'no-zone' ? ['Add the zone to the times, e.g. "14:51 to 15:57 UTC".'] : []),
    ];
    const insert = lines.length ? insertFields(document, summary, fields, lines) : undefined;
    report({
      range: summary.headingRange,
      message: `The summary "${summary.title}" does not state ${listPhrase(missing)}. ${advice.join(' ')}`,
      fixes: insert ? [{ title: `Add ${names.join(', ')} to the summary`, isPreferred: true, placeholder: true, edits: [insert] }] : [],
    });
  },
};
