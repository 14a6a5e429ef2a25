import type { Paragraph, Root } from 'mdast';
import type { ParsedMarkdown } from '../parsing/parse';
import type { SourceText } from '../parsing/sourceText';
import type { Range } from '../types';
import type { Section } from './section';
import type { KeyMoments } from './keyMomentTypes';
import type { TimelineEntry, TimelineInfo } from './timelineTypes';

export type * from './section';

export interface FrontMatter {
  data: Record<string, unknown>;
  range: Range;
  error?: string;
}

// The timeline engine's shapes live beside it (timeline entries with their instants, the incident window).
export type * from './timelineTypes';

/** A field of an action item as written: its value's text and range. */
export interface ActionField {
  text: string;
  range: Range;
  startOffset: number;
  endOffset: number;
  /** The clause that states it, e.g. "(owner: SRE team)" around "SRE team": what moves into a table column. */
  clauseStartOffset: number;
  clauseEndOffset: number;
  /** Written on the heading or label the item sits under ("Short-term (tracked in #40885)"), not on the item. */
  inherited?: boolean;
}

export interface ActionDue extends ActionField {
  /** "within the next two weeks", "next sprint", "by end of Q3", "Friday": a deadline with no calendar date. */
  relative: boolean;
  /** YYYY-MM-DD, for a calendar date. */
  date?: string;
}

export type ActionType = 'mitigate' | 'prevent' | 'detect' | 'repair' | 'process';
export type ActionPriority = 'P0' | 'P1' | 'P2' | 'P3';

export interface ActionItem {
  /** The item's own text (its first paragraph, or its Action cell), markup removed. */
  text: string;
  /** The text with its fields (owner, due, tracking, priority, type) taken out: what is to be done. */
  action: string;
  /** 'line': a line meant as an item that Markdown does not show as one ("-Fix X", "● Fix X", one per line unmarked; see meantLines.ts). */
  kind: 'list-item' | 'task-item' | 'table-row' | 'line';
  checked?: boolean;
  /** Checked, marked "(done)", or under a heading or label that says the actions are completed. */
  done: boolean;
  /** The label or sub-heading the item sits under ("Tasks", "Short-term Improvements"). */
  group?: string;
  range: Range;
  startOffset: number;
  endOffset: number;
  /** Where text appended to the item belongs: the end of its first paragraph, or of its Action cell. */
  appendOffset: number;
  /** For a table row: the content offsets of the Owner and Due cells, when the table has such columns. */
  cells?: Partial<Record<'owner' | 'due', { startOffset: number; endOffset: number }>>;
  owner?: ActionField;
  due?: ActionDue;
  tracking?: ActionField;
  priority?: ActionPriority;
  priorityField?: ActionField;
  type?: ActionType;
  typeSource?: 'explicit' | 'inferred';
  typeField?: ActionField;
  section: Section;
}

/** An action-items section as read: its discrete items, and the paragraphs written outside any list. */
export interface ActionSection {
  section: Section;
  items: ActionItem[];
  /** Top-level paragraphs of the section and its sub-sections, in order. */
  paragraphs: Array<{ node: Paragraph; text: string; range: Range; startOffset: number; endOffset: number }>;
  /** Raw HTML lists, tables or paragraphs (`<li>`, `<tr>`, `<p>`) that may hold items this model does not read. */
  hasHtmlItems: boolean;
}

export interface SummaryFact {
  /** Lower-case field name as written: "duration", "impact", "root cause", ... */
  name: string;
  value: string;
  range: Range;
}

export interface InlineDirective {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Empty: every rule. */
  rules: string[];
  line: number;
}

/** The day the incident happened (see incidentDate.ts). */
export interface IncidentDate {
  /** YYYY-MM-DD. */
  date: string;
  from: 'front matter' | 'summary' | 'timeline';
}

export interface PostmortemDocument {
  text: string;
  source: SourceText;
  parsed: ParsedMarkdown;
  tree: Root;
  frontMatter?: FrontMatter;
  title?: { text: string; range: Range };
  /** Every section in document order (a flat list; `children` and `parent` give the hierarchy). */
  sections: Section[];
  /** Top-level sections. */
  outline: Section[];
  timeline: TimelineEntry[];
  /** The timelines' declared zones, the summary's incident window and the instant elapsed times count from. */
  timelineInfo: TimelineInfo;
  /** Started, detected, acknowledged, mitigated, resolved, and the times between them. */
  keyMoments: KeyMoments;
  actionItems: ActionItem[];
  /** Every action-items section (outermost), with its items and prose. */
  actionSections: ActionSection[];
  summary: SummaryFact[];
  directives: InlineDirective[];
  /** The day of the incident read from the front matter, the summary or the timeline (no configured `date`). */
  incidentDate?: IncidentDate;
}
