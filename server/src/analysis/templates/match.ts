import { KEY_WORDS } from './catalog';
import type { Template, TemplateSection } from './types';

/**
 * Reduces a heading to the words that name it: lower case, no markup, emoji (also `:shortcodes:`),
 * numbering ("Section 2:", "3.", "IV."), parentheticals ("(all times UTC)") or trailing colons.
 */
export function normalizeHeading(title: string): string {
  return title
    .toLowerCase()
    .replace(/:[a-z0-9_+-]+:/g, ' ')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/^\s*(section|part|step)\s+[0-9ivx]+\s*[:.)-]?\s*/, '')
    .replace(/^\s*([0-9]+|[ivx]+|[a-h])(\.[0-9]+)*\s*[.):-]\s*/, '')
    .replace(/^\s*[0-9]+\s+/, '')
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}&/+]+/gu, ' ')
    .trim();
}

const CONJUNCTION = /\s*(?:\band\b|&|\/|\+)\s*/;
/** Extra words a heading may add around a known name ("Detailed Timeline", "Incident Root Cause"). */
const FILLER = new Set([
  'the', 'incident', 'outage', 'detailed', 'full', 'brief', 'short', 'medium', 'long', 'term', 'overall', 'final', 'initial', 'our', 'of',
  'events', 'analysis', 'report', 'issue', 'problem', 'key', 'technical', 'immediate', 'and', 'for', 'a', 'future', 'planned', 'details',
  'corrective', 'preventive', 'preventative', 'protective', 'postmortem', 'post', 'mortem',
]);

export interface SectionIndex {
  /** Every normalised name (title and synonyms) to the section ids it satisfies. */
  names: Map<string, string[]>;
  sections: Map<string, TemplateSection>;
}

const indexCache = new WeakMap<Template, SectionIndex>();

export function sectionIndex(template: Template): SectionIndex {
  let index = indexCache.get(template);
  if (index) return index;
  index = { names: new Map(), sections: new Map() };
  const add = (section: TemplateSection) => {
    index!.sections.set(section.id, section);
    for (const name of [section.title, ...section.synonyms]) {
      const key = normalizeHeading(name);
      const ids = index!.names.get(key) ?? [];
      if (!ids.includes(section.id)) ids.push(section.id);
      index!.names.set(key, ids);
    }
    section.children?.forEach(add);
  };
  template.sections.forEach(add);
  indexCache.set(template, index);
  return index;
}

function matchWhole(normalized: string, index: SectionIndex): string[] | undefined {
  const exact = index.names.get(normalized);
  if (exact) return exact;
  // Allow a few filler words around a known name, never another section's name.
  const words = normalized.split(' ');
  for (let length = words.length - 1; length >= 1; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const ids = index.names.get(words.slice(start, start + length).join(' '));
      if (!ids) continue;
      const rest = [...words.slice(0, start), ...words.slice(start + length)];
      if (rest.length <= 3 && rest.every((word) => FILLER.has(word))) return ids;
    }
  }
  return undefined;
}

/** Where a title goes on past its name: "Root Cause: the pool was full", "Timeline (PST) May 5", "Fix - details". */
const NAME_ENDS = [/:/, /\(/, /\s[-–—]\s/];

/**
 * The parts of "Root Cause and Resolution" or "Corrective/Preventive Measures": every part must name a
 * section. A one-word part borrows the last part's noun ("Corrective" + "measures").
 */
function matchParts(normalized: string, index: SectionIndex): string[] {
  const parts = normalized.split(CONJUNCTION).map((part) => part.trim()).filter(Boolean);
  if (parts.length < 2) return [];
  const noun = parts[parts.length - 1].split(' ').slice(1).join(' ');
  const ids: string[] = [];
  for (const part of parts) {
    const partIds = matchWhole(part, index) ?? (noun && !part.includes(' ') ? matchWhole(`${part} ${noun}`, index) : undefined);
    if (!partIds) return [];
    for (const id of partIds) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

function matchName(title: string, index: SectionIndex): string[] {
  const normalized = normalizeHeading(title);
  if (!normalized) return [];
  return matchWhole(normalized, index) ?? matchParts(normalized, index);
}

/** More words than a title names a section in: past this, key words are read in a sentence, not a title. */
const MAX_KEY_WORD_TITLE = 6;

/** The sections a short title names by key word ("Preventive steps", "Measures going forward"), in the template's order. */
/** A clause rather than a name: "This was caused by two factors", "how the incident was resolved" (a question keeps its verb). */
const CLAUSE = /^(?:this|that|these|those|it|we|i|they|there|he|she)\b|^(?!what|how|why|when|where|who)\S+(?: \S+)* (?:was|were|is|are|has|have|had|did|will)\b/;

function matchKeyWords(title: string, index: SectionIndex): string[] {
  const normalized = normalizeHeading(title);
  if (!normalized || normalized.split(' ').length > MAX_KEY_WORD_TITLE || CLAUSE.test(normalized)) return [];
  return KEY_WORDS.filter(([id, words]) => index.sections.has(id) && words.test(normalized)).map(([id]) => id);
}

/** The ids of the template sections a heading satisfies; "Root Cause and Resolution" satisfies two. */
export function matchSection(title: string, template: Template, keyWords = true): string[] {
  const index = sectionIndex(template);
  const whole = matchName(title, index);
  if (whole.length) return whole;
  // A title that goes on past a known name: "Issue Summary: Duration 2 hours", "Timeline (all times PST) May 5-6".
  const ends = NAME_ENDS.map((end) => title.search(end)).filter((at) => at > 0);
  for (const at of ends) {
    const ids = matchName(title.slice(0, at), index);
    if (ids.length) return ids;
  }
  if (!keyWords) return [];
  // Named by key words, in the title or in its name part ("Summation: The Moral of the Story").
  for (const part of [title, ...ends.map((at) => title.slice(0, at))]) {
    const ids = matchKeyWords(part, index);
    if (ids.length) return ids;
  }
  return [];
}
