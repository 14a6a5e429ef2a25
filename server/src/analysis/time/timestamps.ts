/**
 * Timestamps in timeline entries: "14:30 UTC", "9:00 PM", "May 10, 2024, 08:30 UTC", "2023-09-10 14:30",
 * "07-27-2023 2:14 pm", "2100hrs WAT", "3:AM", "10.46 pm", ISO 8601, dates alone ("March 15, 2024").
 *
 * chrono-node finds and reads dates and times; this module decides what was *written* (chrono fills in
 * defaults such as the year or a meridiem it guessed) and reads zones itself (see zones.ts), because chrono
 * resolves ambiguous abbreviations such as IST or CST silently.
 *
 * Work is per line, with a cheap regex gate and a cache keyed by line text: the analysis runs on every
 * keystroke and almost every line is unchanged between runs.
 */
import * as chrono from 'chrono-node';
import { BoundedCache } from '../util/boundedCache';
import { formatOffset, zoneAfter, type ZoneRef } from './zones';

export interface LocalDate {
  /** Only when written; "March 4" has no year. */
  year?: number;
  month: number;
  day: number;
  /** 0 = Sunday ... 6 = Saturday, when a weekday was written ("Monday, March 4"). */
  weekday?: number;
  /**
   * A numeric date whose first two numbers are both 1–12 and differ ("02/03/2022"): month and day were
   * assigned by `options.dateOrder` (month first by default) and could be the other way round.
   */
  dayMonthAmbiguous?: boolean;
  /**
   * For numeric dates whose order the numbers themselves settle: 'dmy' for 13/10/2023, 'mdy' for 07/27/2023.
   * Lets a caller pick `dateOrder` for a whole document (see inferDateOrder).
   */
  writtenOrder?: 'mdy' | 'dmy';
}

export interface LocalTime {
  /** 0–23, after applying a written AM/PM ("9:00 PM" → 21). */
  hour: number;
  minute: number;
  /** Only when written. */
  second?: number;
  /**
   * Written on a 12-hour clock: AM/PM was written ("9:00 PM", "12pm"), or the hour was written 1–12 with no
   * leading zero and no AM/PM ("9:00", "12:30"), which reads as either clock. "09:00", "00:30" and "14:30"
   * are 24-hour. So "12-hour clock without AM/PM" is `twelveHour && !meridiem`.
   */
  twelveHour: boolean;
  /** The AM/PM written, if any. Kept even when it contradicts a 24-hour hour ("13:20pm": hour 13, twelveHour false). */
  meridiem?: 'am' | 'pm';
  /** The hour was written with a leading zero ("09:15"). */
  zeroPadded: boolean;
}

export interface ParsedTimestamp {
  /** UTF-16 offsets into the text given, covering date, time and zone (including a closing parenthesis). */
  start: number;
  end: number;
  text: string;
  date?: LocalDate;
  time?: LocalTime;
  /** A zone written right after the time ("14:30 UTC", "9:00 AM (EAT)", "…T08:30:00+03:00"). */
  zone?: ZoneRef;
  /** The time that ends a range this one opens ("14:20-2:00"), as written; set by readers that look for ranges (timeline entries). */
  until?: { text: string; time: LocalTime };
}

export interface TimestampOptions {
  /** Ignore timestamps starting after this offset (findTimestamp only looks at a line's start, say). */
  maxStart?: number;
  /** How to read ambiguous numeric dates such as 02/03/2022. Default 'mdy'. Unambiguous ones (13/10/2023) are read as written. */
  dateOrder?: 'mdy' | 'dmy';
}

// ---------------------------------------------------------------------------------------------------------
// chrono set-up, created once. From chrono's English configuration we drop:
//  - relative phrases ("5 minutes ago", "within 2 hours"): timelines mention durations all the time;
//  - the zone refiners: zones.ts reads zones (chrono resolves IST or CST silently);
//  - the date-range refiner, so that each end of "X to Y" is its own timestamp.
// They are recognised by what they do on probe texts, not by class name: production bundles are minified,
// which renames classes. The relative parsers are first recognised by their pattern: their first run costs
// about 0.2 s (V8 compiles patterns that spell out every number word), which every start would pay for
// parsers that are then dropped. The probes still check every parser kept.
// A fixed reference keeps results deterministic; implied values are never reported anyway.
const REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 };
const RELATIVE_PATTERN = /\bago\b|\blater\b|from now|\bwithin\b/;

/** The source of a chrono parser's pattern, without running it (running compiles it); empty when not known. */
export function patternOf(parser: chrono.Parser): string {
  try {
    return (parser as { innerPattern?: (context: unknown) => RegExp }).innerPattern?.({ option: {} }).source ?? '';
  } catch {
    return '';
  }
}

function looksRelative(parser: chrono.Parser): boolean {
  return RELATIVE_PATTERN.test(patternOf(parser));
}

function buildParser(): chrono.Chrono {
  const base = chrono.en.configuration.createConfiguration(false, false);
  const run = (parsers: chrono.Parser[], refiners: chrono.Refiner[], text: string) =>
    new chrono.Chrono({ parsers, refiners }).parse(text, REFERENCE);
  const relative = ['5 minutes ago', 'within 2 hours', 'in 3 days', '2 hours later', '3 days from now'];
  const parsers = base.parsers.filter((p) => !looksRelative(p) && relative.every((text) => run([p], [], text).length === 0));
  const refiners = base.refiners.filter((r) => {
    const first = (text: string) => run(parsers, [r], text)[0]?.text;
    return first('10:00 UTC') === '10:00' && first('10:00 +03:00') === '10:00' && run(parsers, [r], 'March 1 to March 2').length === 2;
  });
  return new chrono.Chrono({ parsers, refiners });
}
let parser: chrono.Chrono | undefined;

/** Built on first use: `--version`, `--help` and the server's `initialize` do not wait for it. */
function chronoParser(): chrono.Chrono {
  return (parser ??= buildParser());
}

// ---------------------------------------------------------------------------------------------------------
// Gate: a line without any of these shapes cannot hold a timestamp, and chrono is not called.
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const GATE_RE = new RegExp(
  [
    '\\d\\s?[:.：]\\s?\\d', // 14:30, 10.46, 12: 48
    '\\d{4}\\s?h', // 2100hrs
    '\\dh[0-5]\\d', // 14h05
    '\\d\\s?:?\\s?[ap]\\.?\\s?m\\b', // 9pm, 3:AM, 12 p.m.
    '\\d[/.-]\\d{1,2}[/.-]\\d', // 07-27-2023, 13/10/2023
    '\\d{4}-\\d', // 2023-09-10
    `\\b${MONTH}\\s+\\d`, // March 15
    `\\d(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}`, // 15 March, 14th may
  ].join('|'),
  'i',
);

// ---------------------------------------------------------------------------------------------------------
// Pre-normalisation. Each rewrite keeps the length, so offsets in the rewritten line are offsets in the
// original; a match ending inside a rewritten token is stretched to the token's end.
interface Rewrite {
  start: number;
  end: number;
}

const REWRITES: Array<{ re: RegExp; replace: (match: string[]) => string }> = [
  // "2100hrs", "0930 hrs", "2100h" → "21:00" padded; chrono reads four bare digits as a year.
  {
    re: /(?<![\d:.])([01]\d|2[0-3])([0-5]\d)(\s?)(hrs?|h)\b/gi,
    replace: (x) => `${x[1]}:${x[2]}`.padEnd(x[0].length, ' '),
  },
  // "14h05", "09h30" (two-digit hours: "3h30" is more often a length) → "14:05".
  { re: /(?<![\w:.])([01]\d|2[0-3])h([0-5]\d)(?!\w)/g, replace: (x) => `${x[1]}:${x[2]}` },
  // "3:AM", "5:PM" → "3 AM"
  { re: /(?<![\d:.])(\d{1,2}):([AaPp]\.?[Mm]\b)/g, replace: (x) => `${x[1]} ${x[2]}` },
  // "12:05-pm-GMT" → "12:05 pm GMT"
  { re: /(?<![\d:.])(\d{1,2}[:.]\d{2})-([AaPp][Mm])-(?=[A-Z])/g, replace: (x) => `${x[1]} ${x[2]} ` },
  // "15.25 PST", "8.35 AM": chrono drops a dotted number standing alone, as it would "99.9". With AM/PM or
  // something zone-like after it, read it as a time; toCandidate still demands the zone be real.
  {
    re: /(?<![\d.:])(\d{1,2})\.([0-5]\d)(?=\s*(?:[AaPp]\.?[Mm]\b|\(?[A-Z]{2,5}\b|\(?(?:UTC|GMT)\s?[+-]))/g,
    replace: (x) => `${x[1]}:${x[2]}`,
  },
  // "12: 48pm" → "12:48 pm" (only before AM/PM: "Step 3: 10 servers" is no time)
  {
    re: /(?<![\d:.])(\d{1,2}):\s+(\d{2})(?=\s*[AaPp]\.?[Mm]\b)/g,
    replace: (x) => `${x[1]}:${x[2]}`.padEnd(x[0].length, ' '),
  },
  // "13:20pm": a 24-hour time with a stray meridiem, which chrono rejects. Drop the meridiem for chrono;
  // it is still reported in LocalTime.meridiem from the original text.
  {
    re: /(?<![\d:.])(1[3-9]|2[0-3])([:.]\d{2})(\s*)(a\.\s?m\.?|p\.\s?m\.?|am|pm)(?![a-z])/gi,
    replace: (x) => `${x[1]}${x[2]}`.padEnd(x[0].length, ' '),
  },
];

function normalise(line: string): { text: string; rewrites: Rewrite[] } {
  let text = line;
  const rewrites: Rewrite[] = [];
  for (const { re, replace } of REWRITES) {
    re.lastIndex = 0;
    if (!re.test(text)) continue;
    text = text.replace(re, (...args: unknown[]) => {
      // replace() passes the match, its groups, then the offset and the whole string.
      const offset = args[args.length - 2] as number;
      const match = args.slice(0, -2) as string[];
      rewrites.push({ start: offset, end: offset + match[0].length });
      return replace(match);
    });
  }
  return { text, rewrites };
}

// ---------------------------------------------------------------------------------------------------------
// What was written, read back from the original text of a match.

// Range end chrono folded into one result ("9:00 - 10:00 pm", "July 27-31"): cut it off, it is parsed on its own.
const RANGE_TAIL_RE =
  /\s*(?:-|–|—|~|〜|\bto\b|\buntil\b|\bthrough\b|\btill\b)\s*\d{1,4}(?:[.:：]\d{1,2}(?:[.:：]\d{1,2}(?:\.\d{1,6})?)?)?(?:\s*(?:a\.m\.|p\.m\.|am?|pm?))?(?:st|nd|rd|th)?$/i;
// Words chrono includes before a time or date ("at 9:00", "from 9:35 PM", "On 14th May").
const LEADING_WORDS_RE = /^(?:(?:at|from|on|by|since|after|before|of)\s*)+(?=[\dA-Za-z])/i;
// The time as written. The lookbehind stops a match inside "10:11:12" or a dotted date.
const WRITTEN_TIME_RE =
  /(?<![\d:.：])(\d{1,2})(?:(\s*[:.：]\s*|h(?=[0-5]\d(?!\w)))(\d{2})(?:[:：](\d{2}))?(?:\.\d+)?|(\d{2})\s?h(?:ou)?r?s?\b)?(?:\s*[:-]?\s*(a\.\s?m\.?|p\.\s?m\.?|am|pm|a|p)(?![a-z]))?/gi;
// A numeric date as written: 07-27-2023, 13/10/2023, 05.02.2022, 07/27/23.
const NUMERIC_DATE_RE = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-]|\.\d)/;
const LOWERCASE_MONTH_RE = new RegExp(`\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\b`);

interface WrittenTime {
  hourText: string;
  separator?: string;
  hasMinutes: boolean;
  meridiem?: 'am' | 'pm';
}

/** The written shape of the time whose hour chrono read as `hour` (0–23). */
function writtenTime(text: string, hour: number): WrittenTime | undefined {
  let found: WrittenTime | undefined;
  WRITTEN_TIME_RE.lastIndex = 0;
  for (let match = WRITTEN_TIME_RE.exec(text); match; match = WRITTEN_TIME_RE.exec(text)) {
    if (match[0].length === 0) {
      WRITTEN_TIME_RE.lastIndex++;
      continue;
    }
    const hasMinutes = match[3] !== undefined || match[5] !== undefined;
    const meridiemText = match[6]?.toLowerCase();
    // A lone "a"/"p" counts only glued to the digits ("9a"), not as the English article.
    const meridiem = meridiemText && (meridiemText.length > 1 || /\d\s*:?[ap]$/i.test(match[0])) ? (meridiemText[0] === 'a' ? 'am' : 'pm') : undefined;
    if (!hasMinutes && !meridiem) continue;
    if (Number(match[1]) % 12 !== hour % 12) continue;
    // The last such shape is the time: dates mostly come first in what chrono merges.
    found = { hourText: match[1], separator: match[2]?.trim(), hasMinutes, meridiem };
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------

interface Candidate extends ParsedTimestamp {
  /** Time alone, date alone: used to merge "14:30 UTC, March 9, 2024" and "On 13/10/2023 at 2100hrs". */
  hasDateOnly: boolean;
}

function toCandidate(
  result: chrono.ParsedResult,
  absStart: number,
  resultText: string,
  line: string,
  rewrites: Rewrite[],
  dateOrder: 'mdy' | 'dmy',
): Candidate | undefined {
  let start = absStart;
  let end = absStart + resultText.length;
  const lead = LEADING_WORDS_RE.exec(resultText);
  if (lead) start += lead[0].length;
  for (const r of rewrites) if (r.start < end && r.end > end) end = r.end;
  const written = line.slice(start, end);
  const c = result.start;

  let date: LocalDate | undefined;
  if (c.isCertain('month') && c.isCertain('day')) {
    date = { month: c.get('month')!, day: c.get('day')! };
    if (c.isCertain('year')) date.year = c.get('year')!;
    if (c.isCertain('weekday')) date.weekday = c.get('weekday')!;
    const tags = result.tags();
    if (tags.has('parser/SlashDateFormatParser')) {
      const numeric = NUMERIC_DATE_RE.exec(written);
      const glued = numeric && /[\d./-]/.test(line[start + numeric.index - 1] ?? '');
      if (!numeric || glued || (numeric[2] !== '/' && numeric[4].length !== 4)) {
        // "1/2", "24/7", "3-4": a numeric date needs its year before it is believed, and a four-digit one
        // with dots or dashes, else "10.12.5.36" or "1.5.10" would be dates.
        date = undefined;
      } else {
        const a = Number(numeric[1]);
        const b = Number(numeric[3]);
        const dayFirst = a > 12 || (b <= 12 && dateOrder === 'dmy');
        date.month = dayFirst ? b : a;
        date.day = dayFirst ? a : b;
        if (a <= 12 && b <= 12 && a !== b) date.dayMonthAmbiguous = true;
        else if (a > 12 || b > 12) date.writtenOrder = a > 12 ? 'dmy' : 'mdy';
      }
    } else if (date.year !== undefined && !/(?<!\d)\d{4}(?!\d)|'\d{2}\b/.test(written)) {
      // "October 21, 28, and 29-30": chrono takes the second day for a year. Years are written in full.
      delete date.year;
      const yearText = /\s*,\s*\d{1,2}$/.exec(written);
      if (yearText && !c.isCertain('hour')) end -= yearText[0].length;
    } else if (date.year === undefined && !c.isCertain('hour') && LOWERCASE_MONTH_RE.test(written) && !/[A-Z]/.test(written)) {
      // "2 may", "1 march" in prose: a lowercase month with no year and no time is more likely a verb.
      date = undefined;
    }
  }

  let time: LocalTime | undefined;
  let dotted = false;
  if (c.isCertain('hour')) {
    const hour = c.get('hour')!;
    const w = writtenTime(written, hour);
    // No minutes and no AM/PM ("at 5", "6 GMT"): a bare number is too often a count; no time then.
    if (w) {
      const writtenHour = Number(w.hourText);
      const zeroPadded = w.hourText.length === 2 && w.hourText[0] === '0';
      // ISO 8601 ("2023-04-05T12:34") is a 24-hour clock by definition.
      const iso = /\dT\d/.test(written);
      time = {
        hour,
        minute: c.get('minute') ?? 0,
        twelveHour: !iso && writtenHour <= 12 && (w.meridiem !== undefined || (writtenHour >= 1 && !zeroPadded)),
        zeroPadded,
      };
      if (w.meridiem) time.meridiem = w.meridiem;
      if (c.isCertain('second')) time.second = c.get('second')!;
      dotted = w.separator === '.';
    }
  }

  if (!date && !time) return undefined;
  if (!time && c.isCertain('hour')) {
    // The hour chrono saw was not a time ("2024-03-13 14:??", "May 5 at 5", "1.5.10 on 05-02-2022"):
    // keep the date's text only.
    const span = line.slice(start, end);
    const leading = /^\d{1,2}(?:\s*(?:on|,))?\s+(?=\D)/i.exec(span);
    const trailing = /(?:\s*,\s*|\s+|T)(?:at\s+)?\d{1,2}$/i.exec(span);
    if (leading) start += leading[0].length + (LEADING_WORDS_RE.exec(span.slice(leading[0].length))?.[0].length ?? 0);
    else if (trailing && span.slice(0, trailing.index).includes(String(date!.day))) end -= trailing[0].length;
  }
  while (end > start && /\s/.test(line[end - 1])) end--;

  let zone: ZoneRef | undefined;
  if (time) {
    // "09:00 hours", "14:30 hrs UTC": the unit belongs to the time, and the zone may follow it.
    const unit = /^\s?(?:hours|hrs|hr)\b/i.exec(line.slice(end));
    if (unit) end += unit[0].length;
    const after = zoneAfter(line, end);
    if (after) {
      zone = after.zone;
      end = after.end;
    } else if (c.isCertain('timezoneOffset')) {
      // ISO 8601 with its offset inside chrono's match ("…T08:30:00+03:00", "…Z").
      const iso = /(Z|[+-]\d{2}:?\d{2})$/.exec(written);
      const minutes = c.get('timezoneOffset')!;
      if (iso) zone = { text: iso[1], start: end - iso[1].length, end, kind: 'offset', offsetMinutes: minutes, label: formatOffset(minutes) };
    }
    // "Ubuntu 20.04", "Python 3.10": a dotted time stands only with AM/PM, a zone or a date.
    if (dotted && !time.meridiem && !zone && !date) return undefined;
  }

  const out: Candidate = { start, end, text: line.slice(start, end), hasDateOnly: !!date && !time };
  if (date) out.date = date;
  if (time) out.time = time;
  if (zone) out.zone = zone;
  return out;
}

// "14:30 UTC, March 9, 2024" / "10:00 PM on November 10th": a time, then its date.
const TIME_THEN_DATE_GAP_RE = /^[\s,*]*(?:(?:on|of)\s+)?(?:the\s+)?$/i;
// "On 13/10/2023 at 2100hrs", "March 15, 2024, at 09:00 AM": a date, then its time.
const DATE_THEN_TIME_GAP_RE = /^[\s,*]*(?:(?:at|@|from|by|around|approximately|approx\.?|~)\s*)*$/i;

function mergeAdjacent(line: string, items: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < items.length; i++) {
    const a = items[i];
    const b = items[i + 1];
    if (b) {
      const gap = line.slice(a.end, b.start);
      const timeThenDate = a.time && !a.date && b.hasDateOnly && TIME_THEN_DATE_GAP_RE.test(gap);
      const dateThenTime = a.hasDateOnly && b.time && !b.date && DATE_THEN_TIME_GAP_RE.test(gap);
      if (timeThenDate || dateThenTime) {
        const merged: Candidate = { start: a.start, end: b.end, text: line.slice(a.start, b.end), hasDateOnly: false };
        merged.date = a.date ?? b.date;
        merged.time = a.time ?? b.time;
        const zone = a.zone ?? b.zone;
        if (zone) merged.zone = zone;
        out.push(merged);
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** All timestamps of one line, offsets relative to the line. */
function parseLine(line: string, dateOrder: 'mdy' | 'dmy'): ParsedTimestamp[] {
  if (!GATE_RE.test(line)) return [];
  const { text, rewrites } = normalise(line);
  const found: Candidate[] = [];
  let cursor = 0;
  // Usually one chrono call per line; another only after splitting a folded range.
  outer: while (cursor < text.length) {
    const results = chronoParser().parse(cursor === 0 ? text : text.slice(cursor), REFERENCE);
    for (const result of results) {
      const absStart = cursor + result.index;
      let resultText = result.text;
      let chosen: chrono.ParsedResult = result;
      if (result.end) {
        const tail = RANGE_TAIL_RE.exec(resultText);
        if (tail && tail.index > 0) {
          resultText = resultText.slice(0, tail.index);
          // Re-read the start alone: chrono lets a range's AM/PM leak into its start ("9:00 - 10:00 pm").
          chosen = chronoParser().parse(resultText, REFERENCE).find((r) => r.index === 0) ?? result;
          if (chosen !== result) resultText = chosen.text;
          const candidate = toCandidate(chosen, absStart, resultText, line, rewrites, dateOrder);
          if (candidate) found.push(candidate);
          cursor = Math.max(absStart + resultText.length, candidate?.end ?? 0);
          continue outer;
        }
      }
      const candidate = toCandidate(chosen, absStart, resultText, line, rewrites, dateOrder);
      if (candidate && (found.length === 0 || candidate.start >= found[found.length - 1].end)) found.push(candidate);
    }
    break;
  }
  return mergeAdjacent(line, found).map(({ hasDateOnly: _hasDateOnly, ...rest }) => rest);
}

// ---------------------------------------------------------------------------------------------------------
// Per-line results by date order and line text. A bounded cache of its own copies: a result's text is a slice of
// the line, and a line sliced from a document kept that whole version of the document alive.
const lineCache = new BoundedCache<string, ParsedTimestamp[]>(5000);

function parseLineCached(line: string, dateOrder: 'mdy' | 'dmy'): ParsedTimestamp[] {
  return lineCache.get(dateOrder + line, (key) => parseLine(key.slice(dateOrder.length), dateOrder));
}

function shift(t: ParsedTimestamp, by: number): ParsedTimestamp {
  // Copies, so that callers may mutate results without corrupting the cache.
  const out: ParsedTimestamp = { start: t.start + by, end: t.end + by, text: t.text };
  if (t.date) out.date = { ...t.date };
  if (t.time) out.time = { ...t.time };
  if (t.zone) {
    out.zone = { ...t.zone, start: t.zone.start + by, end: t.zone.end + by };
    if (t.zone.meanings) out.zone.meanings = t.zone.meanings.map((x) => ({ ...x }));
  }
  return out;
}

function* lines(text: string): Generator<{ line: string; offset: number }> {
  // A fresh regex per walk: callers may stop early, and a shared lastIndex would leak into the next walk.
  const lineBreak = /\r\n|\r|\n/g;
  let offset = 0;
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    yield { line: text.slice(offset, m.index), offset };
    offset = m.index + m[0].length;
  }
  yield { line: text.slice(offset), offset };
}

/** Every timestamp in `text` (a line or a whole document), in order. Timestamps never span lines. */
export function findTimestamps(text: string, options: TimestampOptions = {}): ParsedTimestamp[] {
  const dateOrder = options.dateOrder ?? 'mdy';
  const out: ParsedTimestamp[] = [];
  for (const { line, offset } of lines(text)) {
    if (options.maxStart !== undefined && offset > options.maxStart) break;
    for (const t of parseLineCached(line, dateOrder)) {
      if (options.maxStart !== undefined && t.start + offset > options.maxStart) break;
      out.push(shift(t, offset));
    }
  }
  return out;
}

/**
 * The first timestamp in `text`: one with a time, or a date alone. With `maxStart`, only one starting at or
 * before that offset (e.g. `maxStart: 12` for "the entry starts with a timestamp" after list markers and bold).
 */
export function findTimestamp(text: string, options: TimestampOptions = {}): ParsedTimestamp | undefined {
  const dateOrder = options.dateOrder ?? 'mdy';
  for (const { line, offset } of lines(text)) {
    if (options.maxStart !== undefined && offset > options.maxStart) return undefined;
    const first = parseLineCached(line, dateOrder)[0];
    if (first) return options.maxStart !== undefined && first.start + offset > options.maxStart ? undefined : shift(first, offset);
  }
  return undefined;
}

/**
 * The day/month order a document's numeric dates settle: 'dmy' when some date only reads day-first
 * (13/10/2023), 'mdy' when some only reads month-first (07/27/2023), undefined when none decides or they
 * disagree. Pass the result as `dateOrder` to read the ambiguous ones (02/03/2022) the same way.
 */
export function inferDateOrder(timestamps: readonly ParsedTimestamp[]): 'mdy' | 'dmy' | undefined {
  let order: 'mdy' | 'dmy' | undefined;
  for (const t of timestamps) {
    const written = t.date?.writtenOrder;
    if (!written) continue;
    if (order && order !== written) return undefined;
    order = written;
  }
  return order;
}
