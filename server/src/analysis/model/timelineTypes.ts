/**
 * The timeline as the timeline engine reads it: entries with their written timestamp, the zone and date they are
 * read in, and the instant on a real clock that follows. Rules, hover, inlay hints, code lenses and the outline
 * all read these fields; none of them parses a time again.
 */
import type { ParsedTimestamp } from '../time/timestamps';
import type { ZoneRef } from '../time/zones';
import type { Range } from '../types';
import type { LocalDate } from '../time/timestamps';
import type { Section } from './section';

/** Where an entry's effective zone comes from. */
export type TimelineZoneSource =
  /** Written right after the entry's time ("14:05 UTC"). */
  | 'entry'
  /** The timeline heading or a heading above the entry: "Timeline (all times UTC)". */
  | 'declared-heading'
  /** A line of the timeline that is not an entry: "All times are in PST.", "Timezone: UTC". */
  | 'declared-line'
  /** The header of the table column holding the time: "Time (UTC)", "Date and Time in CET". */
  | 'table-header'
  /** The summary's duration line: "Duration: ... 3:00 AM (UTC-5)". */
  | 'summary'
  /** The first timed entry states a zone and no later entry states another: the writer said it once. */
  | 'first-entry'
  | 'front-matter'
  /** `postmortem.defaultTimezone` or `timezone` in a `.postmortemrc.json`. */
  | 'setting';

/** Where an entry's calendar date comes from. */
export type TimelineDateSource =
  | 'entry'
  /** Carried forward from the entry before it. */
  | 'previous'
  /** A heading or a line above the entry that is only a date ("### October 21, 2025", "01-10-2024"). */
  | 'heading'
  /** The summary's duration line. */
  | 'summary'
  | 'front-matter'
  | 'setting'
  /** No source says; a stand-in date keeps the order and elapsed times right but is never shown. */
  | 'unknown';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A zone as the engine uses it: the written mention, where it is declared, and how to resolve it. */
export interface TimelineZone {
  ref: ZoneRef;
  source: TimelineZoneSource;
  /** The declaration's range in the document (for the summary, heading, line, table header or front matter). */
  range?: Range;
}

export interface TimelineEntry {
  /** The entry's own text (its first paragraph or line, or its table row), markup removed. */
  text: string;
  kind: 'list-item' | 'line' | 'table-row' | 'heading';
  /** The whole entry with its nested content. */
  range: Range;
  startOffset: number;
  endOffset: number;
  /** The line the entry starts on, for diagnostics. */
  lineRange: Range;
  section: Section;
  /** The timestamp written for the entry, offsets in the document. Absent: the entry has no time nor date. */
  timestamp?: ParsedTimestamp;
  timestampRange?: Range;
  /** The effective zone: the entry's own, else the declared one. Absent for a time nobody gave a zone. */
  zone?: TimelineZone;
  /** The date the entry is read on and where it comes from. */
  date?: CalendarDate;
  dateSource?: TimelineDateSource;
  /** The clock went back across midnight with no date written: the entry is read on the next day. */
  rollover?: boolean;
  /** The hour the clock reading stands for (0-23), after reading a time without AM/PM in its context. */
  hour?: number;
  /** Epoch milliseconds. A date-only entry stands at the start of its day. */
  instant?: number;
  /** 'day' for an entry with a date and no time: it is ordered by its day only. */
  precision?: 'minute' | 'day';
  /** What the instant had to assume: the zone (no zone anywhere, or an ambiguous abbreviation) or the date. */
  assumed?: { zone?: boolean; date?: boolean };
  /** Milliseconds since the incident start, when both are known. */
  elapsed?: number;
  /**
   * Entries with the same run number are siblings in one container (a list, a table, the lines or the dated
   * headings of one section): sorting moves them among each other only.
   */
  run: number;
  /** Index of the timeline (one per outermost timeline section) the entry belongs to. */
  timeline: number;
}

/** The incident window stated in the summary ("Duration: 14:00 UTC to 16:30 UTC (2.5 hours)"). */
export interface IncidentWindow {
  /** The summary line it was read from. */
  range: Range;
  start?: WindowEnd;
  end?: WindowEnd;
  /** A length written beside the times or alone ("(2 hours 15 minutes)", "Duration: 45 minutes"). */
  stated?: { text: string; range: Range; minutes: number; approximate: boolean; granularity: number; minutesOnly: boolean };
}

export interface WindowEnd {
  timestamp: ParsedTimestamp;
  range: Range;
  instant: number;
  /** The day the time is read on (written, borrowed from the other end, or configured). */
  date: CalendarDate;
  /** The date was written on this very time (not borrowed from the other end or elsewhere on the line). */
  dateWritten: boolean;
  /**
   * Where the day comes from: the summary line, the front matter or configuration, the timeline's first date
   * (a guess), or nowhere (a stand-in day that keeps the length right).
   */
  dateFrom: 'written' | 'configured' | 'timeline' | 'stand-in';
}

/** What one timeline section declares, once its entries are read. */
export interface TimelineSectionInfo {
  section: Section;
  /** The zone declared for the timeline (heading, intro line, summary, front matter, setting, first entry). */
  declaredZone?: TimelineZone;
  /** The zone most of the timeline's own times are written in (ambiguous abbreviations not counted). */
  mostUsedZone?: ZoneRef;
  /** Index of the first and one past the last of its entries in `PostmortemDocument.timeline`. */
  entries: { start: number; end: number };
  /** What reading its entries in order depends on (for replaying a new order, see `readTimeline`). */
  reading: ReadingContext;
}

export interface TimelineInfo {
  timelines: TimelineSectionInfo[];
  window?: IncidentWindow;
  /** The instant elapsed times count from: the window's start, else the earliest timed entry. */
  start?: number;
  startSource?: 'summary' | 'timeline';
  /** Day/month order used for numeric dates. */
  dateOrder: 'mdy' | 'dmy';
}

/** What reading a timeline depends on besides its entries. Plain data, kept in the model for replays. */
export interface ReadingContext {
  window?: IncidentWindow;
  /** The day time-only entries start on, and where it comes from. */
  base: { date: CalendarDate; source: TimelineDateSource };
  /** Headings and lines that are only a date, by offset: the entries after them are on that day. */
  markers: Array<{ offset: number; date: LocalDate }>;
  /** No time has AM/PM and some are plainly 24-hour: "9:15" is 09:15. */
  writtenAs24Hour: boolean;
  /** Where times without a zone are placed: the timeline's usual zone, else UTC. */
  usualZone?: ZoneRef;
}

export interface StatedLength {
  text: string;
  /** Offsets in the text searched. */
  start: number;
  end: number;
  minutes: number;
  approximate: boolean;
  /** The smallest unit written, in minutes ("2 hours": 60; "2.5 hours": 30; "90 minutes": 1). */
  granularity: number;
  /** Counted in minutes only ("103 minutes"): a rewrite keeps to minutes. */
  minutesOnly: boolean;
}
