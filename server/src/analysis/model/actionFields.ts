/**
 * The fields people write into an action item, wherever they put them: owner (`@handle`, `Owner: Jane`,
 * `(owner: SRE team)`, `— Jane`, `assigned to X`), due date (`by 2024-06-01`, `Due: June 30`, "within the
 * next two weeks", "next sprint"), tracking link (an issue URL, `ABC-123`, `#123`), priority (`P0`–`P3`,
 * `Priority: high`) and type (`Type: prevent`).
 *
 * Work is on a masked copy of the item's source text: inline code, HTML tags, link targets and emphasis
 * markers are blanked out with spaces, so offsets still match the source and `**Owner:** Jane` reads as
 * `Owner: Jane`. Dates are read by chrono-node; the code here only decides which phrases are deadlines.
 */
import { casualParser } from '../time/casualParser';
import { BoundedCache } from '../util/boundedCache';
import { explicitType } from './actionType';
import type { ActionPriority, ActionType } from './types';

/** A field found in the text: the value's offsets, and the clause around it ("(owner: SRE team)") that states it. */
export interface FieldSpan {
  text: string;
  start: number;
  end: number;
  clauseStart: number;
  clauseEnd: number;
}

export interface DueSpan extends FieldSpan {
  relative: boolean;
  date?: string;
}

export interface FoundFields {
  owner?: FieldSpan;
  due?: DueSpan;
  tracking?: FieldSpan;
  priority?: FieldSpan & { level: ActionPriority };
  type?: FieldSpan & { type: ActionType };
}

const OWNER_KEYS = ['owners', 'owner', 'owned by', 'assignees', 'assignee', 'assigned to', 'dri', 'responsible', 'who', 'poc'];
const DUE_KEYS = ['due date', 'due by', 'due', 'deadline', 'eta', 'target date', 'by when'];
const TRACKING_KEYS = ['tracked in', 'tracking', 'ticket', 'issue', 'jira', 'link'];
const PRIORITY_KEYS = ['priority', 'prio'];
const TYPE_KEYS = ['type', 'category'];
const ALL_KEYS = [...OWNER_KEYS, ...DUE_KEYS, ...TRACKING_KEYS, ...PRIORITY_KEYS, ...TYPE_KEYS].map((key) => key.replace(/ /g, '\\s+'));

/** `key: value` (or `key = value`), the value running to a separator or the next key. */
function keyValue(keys: string[]): RegExp {
  const alternatives = keys.map((key) => key.replace(/ /g, '\\s+')).join('|');
  return new RegExp(`(^|[\\s(\\[,;|])(${alternatives})\\s*[:=]\\s*([^,;)\\]|\\n]*?)\\s*(?=[,;)\\]|\\n]|$|\\s(?:${ALL_KEYS.join('|')})\\s*[:=])`, 'gid');
}

/** Each `key: value` field of a kind whose value `accept` takes: the value's offsets and its clause. */
function* keyValues<T>(pattern: RegExp, masked: string, accept: (value: string) => T | undefined): Generator<{ start: number; end: number; clauseStart: number; clauseEnd: number; read: T }> {
  // Most items have no field at all: no key pattern, with its lookahead over every key, to run then.
  if (!masked.includes(':') && !masked.includes('=')) return;
  for (const match of masked.matchAll(pattern)) {
    const [valueStart] = match.indices![3];
    const value = match[3].replace(/[.\s]+$/, '');
    const read = value ? accept(value) : undefined;
    if (read === undefined) continue;
    const [clauseStart, clauseEnd] = clauseOf(masked, match.indices![2][0], valueStart + value.length);
    yield { start: valueStart, end: valueStart + value.length, clauseStart, clauseEnd, read };
  }
}
const OWNER_FIELD = keyValue(OWNER_KEYS);
const DUE_FIELD = keyValue(DUE_KEYS);
const PRIORITY_FIELD = keyValue(PRIORITY_KEYS);
const TYPE_FIELD = keyValue(TYPE_KEYS);

const HANDLE = /(?<![\w@./])@[A-Za-z0-9](?:[\w-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9][\w-]*)?/g;
const HANDLES = new RegExp(`${HANDLE.source}(?:\\s*(?:,|&|\\band\\b|/)\\s*${HANDLE.source})*`, 'g');
const ASSIGNED_TO = /\bassigned\s+to\s+((?:the\s+)?(?:@[\w/-]+|[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}(?:\s+team)?))/g;
/** "— Jane", "– SRE team", "-- @ana" at the very end of the item. */
const TRAILING_NAME = /\s(?:—|–|--)\s*((?:@[\w/-]+|[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}(?:\s+[Tt]eam)?))\s*\.?\s*$/;

const PRIORITY_WORD = /(?<![\w-])P([0-3])(?![\w-])/g;
const PRIORITY_LEVELS: Record<string, ActionPriority> = {
  p0: 'P0', '0': 'P0', critical: 'P0', urgent: 'P0', highest: 'P0', blocker: 'P0',
  p1: 'P1', '1': 'P1', high: 'P1',
  p2: 'P2', '2': 'P2', medium: 'P2', normal: 'P2', moderate: 'P2',
  p3: 'P3', '3': 'P3', low: 'P3', lowest: 'P3',
};

/** The priority a Priority field or column names ("high", "P1"), if any. */
export function priorityLevel(value: string): ActionPriority | undefined {
  return PRIORITY_LEVELS[value.trim().toLowerCase().split(/\s+/)[0] ?? ''];
}

/** Markdown links and autolinks, so tracking links are found on the source and blanked before other fields. */
const LINK = /!?\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|<(https?:\/\/[^>\s]+)>|\bhttps?:\/\/[^\s)<>\]]+/g;
/** Paths of issue trackers and code review tools; a link to documentation or an example is not tracking. */
const TRACKER_URL = /\/issues?\/\d|\/pulls?\/\d|\/merge_requests\/\d|\/-\/(?:issues|work_items)\/|\/browse\/[A-Z][A-Z0-9]+-\d|atlassian\.net|jira|linear\.app\/.+\/issue|\/tickets?\/|\/projects\/\d+\/|trello\.com\/c\/|app\.asana\.com|youtrack|bugzilla|\/show_bug|\/task\/\d|\/tasks\/\d|shortcut\.com\/.+\/story/i;
const TRACKER_TEXT = /\b(issue|ticket|pr|pull request|jira|bug|tracking|tracked|task)\b/i;
const TICKET_KEY = /(?<![\w-])([A-Z][A-Z0-9]{1,9})-(\d{1,7})(?![\w-])/g;
/** Upper-case prefixes that are standards, encodings or vulnerability ids, not issue keys. */
const NOT_TICKET = new Set(['UTF', 'ISO', 'SHA', 'HTTP', 'HTTPS', 'RFC', 'TLS', 'SSL', 'CVE', 'CWE', 'GHSA', 'PEP', 'IPV', 'ECMA', 'ES', 'MD', 'AES', 'RSA', 'CRC', 'UTC', 'GMT', 'COVID', 'HDD', 'SSD', 'DDR', 'PCI', 'RAID', 'E2E', 'T', 'X']);
const ISSUE_NUMBER = /(?<![\w&/#])(?:[\w.-]+\/[\w.-]+)?#(\d{1,7})(?!\w)/g;
const TRACKING_CUE = /(?:\b(?:ticket|issue|tracking|tracked\s+in|jira|link)\s*:\s*)$/i;

const DUE_CUE = /(?:\b(?:by|before|until|till|due|due\s+by|no\s+later\s+than|on\s+or\s+before|deadline|eta|target)\s*:?\s*(?:the\s+)?)$/i;
/** Deadlines chrono does not read: sprints, quarters, "EOW". Relative by nature. */
const RELATIVE_DEADLINE = /\b(?:(?:by|before|until|in|during|within)\s+)?(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:this\s+|next\s+|current\s+)?(?:sprint|week|month|quarter|half|year|q[1-4])(?:\s+\d{4})?|(?:this|next|the\s+next|the\s+following|upcoming)\s+(?:sprint|release|quarter|iteration|cycle|milestone)|eo[dwmqy]\b|q[1-4](?:\s*(?:'\d{2}|\d{4}|fy\d{2,4}))?(?!\w)|h[12]\s+\d{4}|within\s+(?:the\s+)?(?:next\s+)?(?:\d+|a|an|one|two|three|four|five|six|few|couple\s+of)\s+(?:sprints?|days?|weeks?|months?|quarters?|business\s+days?)\b)/gi;
const SHORT_UNITS = /\b(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|ms|milliseconds?)\b/i;
const DATE_HINT = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tomorrow|next|this|end|week|month|within|eo[dwmqy])/i;

/** Blanks out what fields must not be read from, keeping every offset. */
function mask(text: string): string {
  return text
    .replace(/`+[^`]*`+/g, (code) => ' '.repeat(code.length))
    .replace(/<\/?[A-Za-z][^>]*>/g, (tag) => (/^<https?:/i.test(tag) ? tag : ' '.repeat(tag.length)))
    .replace(/\*\*|__|~~|(?<!\w)[*_]|[*_](?!\w)/g, (marker) => ' '.repeat(marker.length));
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

/** By reference date and text; the cache's own copies, as a result's text is a slice of the text read. */
const dueCache = new BoundedCache<string, { index: number; text: string; relative: boolean; date?: string }[]>(2000);

function isoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/**
 * The day a date without a year ("June 30") or a relative one ("Friday") is read from: the incident's. Asked for only
 * when a text holds a date, as finding the incident's day can mean reading the timeline.
 */
export type DueReference = () => Date | undefined;

const NO_REFERENCE: DueReference = () => undefined;

/** Dates chrono reads in the text, with whether each is a calendar date or relative ("in two weeks", "Friday"). */
function chronoDates(text: string, reference: DueReference): { index: number; text: string; relative: boolean; date?: string }[] {
  if (!DATE_HINT.test(text)) return [];
  // The reference moves the dates chrono finds, not where it finds them: a text without one needs no reference.
  const standIn = datesIn(text, undefined);
  const date = standIn.length ? reference() : undefined;
  return date ? datesIn(text, date) : standIn;
}

function datesIn(text: string, reference: Date | undefined): { index: number; text: string; relative: boolean; date?: string }[] {
  const key = `${reference?.getTime() ?? ''}\u0000${text}`;
  // A deadline is never in the past: no "5 days ago". Read from the cache's own copy, so results hold no slice of the document.
  return dueCache.get(key, (own) => {
    const read = own.slice(own.indexOf('\u0000') + 1);
    return casualParser(read, { past: false })
      .parse(read, { instant: reference ?? new Date(Date.UTC(2000, 0, 1)), timezone: 0 }, { forwardDate: true })
      .filter((result) => !SHORT_UNITS.test(result.text) && (result.start.isCertain('day') || result.start.isCertain('weekday') || result.start.isCertain('month') || [...result.tags()].some((tag) => tag.startsWith('result/relative'))))
      .map((result) => {
        const tags = [...result.tags()];
        const calendar = result.start.isCertain('month') && result.start.isCertain('day') && !tags.some((tag) => tag.startsWith('result/relative') || tag.startsWith('casualReference') || tag.includes('EndOf'));
        return { index: result.index, text: result.text, relative: !calendar, date: calendar ? isoDate(result.start.date()) : undefined };
      });
  });
}

/** A due value ("June 30", "next sprint", "within two weeks") read from a field or column, or undefined. */
export function readDue(value: string, reference: DueReference = NO_REFERENCE): { relative: boolean; date?: string } | undefined {
  const found = chronoDates(value, reference)[0];
  if (found) return { relative: found.relative, date: found.date };
  RELATIVE_DEADLINE.lastIndex = 0;
  return RELATIVE_DEADLINE.test(value) ? { relative: true } : undefined;
}

function span(text: string, offset: number, start: number, end: number, clauseStart = start, clauseEnd = end): FieldSpan {
  return { text: text.slice(start, end), start: offset + start, end: offset + end, clauseStart: offset + clauseStart, clauseEnd: offset + clauseEnd };
}

/** The clause of a `key: value` field, widened to its parentheses when it is alone in them: "(owner: SRE team)". */
function clauseOf(masked: string, keyStart: number, valueEnd: number): [number, number] {
  const before = masked.slice(0, keyStart);
  const after = masked.slice(valueEnd);
  const open = /[([]\s*$/.exec(before);
  const close = /^\s*[)\]]/.exec(after);
  if (open && close) {
    const start = keyStart - open[0].length;
    return [/\s$/.test(masked.slice(0, start)) ? start - 1 : start, valueEnd + close[0].length];
  }
  return [keyStart, valueEnd];
}

function findTracking(source: string, masked: string, offset: number): { tracking?: FieldSpan; masked: string } {
  let tracking: FieldSpan | undefined;
  let result = masked;
  // Every link holds "](" or "http".
  const links = source.includes('](') || source.includes('http') ? source.matchAll(LINK) : [];
  for (const match of links) {
    const url = match[2] ?? match[3] ?? match[0];
    const linkText = match[1] ?? '';
    const start = match.index;
    const end = start + match[0].length;
    if (masked.slice(start, end).trim() === '') continue; // inside inline code
    if (!tracking && (TRACKER_URL.test(url) || (match[1] !== undefined && TRACKER_TEXT.test(linkText)))) {
      const cue = TRACKING_CUE.exec(masked.slice(0, start));
      tracking = span(source, offset, start, end, cue ? start - cue[0].length : start);
    }
    // Link text stays readable ("[@ana](...)"); the target never holds fields.
    if (match[1] !== undefined) {
      const textEnd = start + match[0].indexOf(']');
      result = blank(blank(result, start, start + (match[0].startsWith('!') ? 2 : 1)), textEnd, end);
    } else {
      result = blank(result, start, end);
    }
  }
  if (!tracking) {
    const keys = result.includes('-') ? [...result.matchAll(TICKET_KEY)].find((match) => !NOT_TICKET.has(match[1])) : undefined;
    const numbers = result.includes('#') ? [...result.matchAll(ISSUE_NUMBER)].find((match) => !/\b(?:task|step|item|no|number|rank)\s*$/i.test(result.slice(0, match.index))) : undefined;
    const found = [keys, numbers].filter((match) => match !== undefined).sort((a, b) => a.index - b.index)[0];
    if (found) {
      const cue = TRACKING_CUE.exec(result.slice(0, found.index));
      tracking = span(source, offset, found.index, found.index + found[0].length, cue ? found.index - cue[0].length : found.index);
    }
  }
  return { tracking, masked: result };
}

function findOwner(source: string, masked: string, offset: number): FieldSpan | undefined {
  for (const field of keyValues(OWNER_FIELD, masked, (value) => value)) return span(source, offset, field.start, field.end, field.clauseStart, field.clauseEnd);
  const handles = HANDLES.exec(masked);
  HANDLES.lastIndex = 0;
  if (handles) return span(source, offset, handles.index, handles.index + handles[0].length);
  for (const match of masked.matchAll(ASSIGNED_TO)) {
    const start = match.index + match[0].length - match[1].length;
    return span(source, offset, start, start + match[1].length, match.index, start + match[1].length);
  }
  const trailing = TRAILING_NAME.exec(masked);
  if (trailing) {
    const start = trailing.index + trailing[0].indexOf(trailing[1]);
    return span(source, offset, start, start + trailing[1].length, trailing.index, start + trailing[1].length);
  }
  return undefined;
}

function findDue(source: string, masked: string, offset: number, reference: DueReference): DueSpan | undefined {
  for (const field of keyValues(DUE_FIELD, masked, (value) => readDue(value, reference))) {
    return { ...span(source, offset, field.start, field.end, field.clauseStart, field.clauseEnd), ...field.read };
  }
  const candidates: DueSpan[] = [];
  for (const found of chronoDates(masked, reference)) {
    const cue = DUE_CUE.exec(masked.slice(0, found.index));
    const selfCued = /^(?:within|in|next|this|end of)\b/i.test(found.text);
    const within = /\bwithin\s+(?:the\s+)?$/i.exec(masked.slice(0, found.index));
    if (!cue && !selfCued && !within) continue;
    const start = within ? found.index - within[0].length : found.index;
    const end = found.index + found.text.length;
    candidates.push({ ...span(source, offset, start, end, cue ? found.index - cue[0].length : start, end), relative: found.relative, date: found.date });
  }
  RELATIVE_DEADLINE.lastIndex = 0;
  for (const match of masked.matchAll(RELATIVE_DEADLINE)) {
    const lead = /^(?:by|before|until|in|during)\s+/i.exec(match[0]);
    const start = match.index + (lead ? lead[0].length : 0);
    candidates.push({ ...span(source, offset, start, match.index + match[0].length, match.index), relative: true });
  }
  return candidates.sort((a, b) => a.start - b.start)[0];
}

function findPriority(source: string, masked: string, offset: number): FoundFields['priority'] {
  for (const field of keyValues(PRIORITY_FIELD, masked, priorityLevel)) {
    return { ...span(source, offset, field.start, field.end, field.clauseStart, field.clauseEnd), level: field.read };
  }
  const word = PRIORITY_WORD.exec(masked);
  PRIORITY_WORD.lastIndex = 0;
  if (!word) return undefined;
  const [clauseStart, clauseEnd] = clauseOf(masked, word.index, word.index + word[0].length);
  return { ...span(source, offset, word.index, word.index + word[0].length, clauseStart, clauseEnd), level: `P${word[1]}` as ActionPriority };
}

function findType(source: string, masked: string, offset: number): FoundFields['type'] {
  for (const field of keyValues(TYPE_FIELD, masked, explicitType)) {
    return { ...span(source, offset, field.start, field.end, field.clauseStart, field.clauseEnd), type: field.read };
  }
  return undefined;
}

/** Every field written in `text.slice(start, end)`; offsets are into `text`. */
export function findFields(text: string, start: number, end: number, reference: DueReference = NO_REFERENCE): FoundFields {
  const source = text.slice(start, end);
  const { tracking, masked: withoutLinks } = findTracking(source, mask(source), start);
  let masked = withoutLinks;
  if (tracking) masked = blank(masked, tracking.start - start, tracking.end - start);
  const owner = findOwner(source, masked, start);
  if (owner) masked = blank(masked, owner.clauseStart - start, owner.clauseEnd - start);
  const due = findDue(source, masked, start, reference);
  return { owner, due, tracking, priority: findPriority(source, masked, start), type: findType(source, masked, start) };
}
