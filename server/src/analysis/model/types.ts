import type { Nodes, Root } from 'mdast';
import type { ParsedMarkdown } from '../parse';
import type { SourceText } from '../sourceText';
import type { Range } from '../types';

/** How a section title was written. Everything but atx, setext and html is a title Markdown does not read as a heading. */
export type HeadingSyntax = 'atx' | 'setext' | 'html' | 'hashes-without-space' | 'bold-line' | 'label-line';

export interface Section {
  /** The visible title, without markup. */
  title: string;
  level: number;
  syntax: HeadingSyntax;
  /** Ids of the active template's sections this one satisfies (several for "Root Cause and Resolution"). */
  kinds: string[];
  headingRange: Range;
  /** From the heading to the next heading of the same or a higher level. */
  range: Range;
  startOffset: number;
  headingEndOffset: number;
  endOffset: number;
  /** Top-level Markdown nodes up to the next heading of any level. */
  nodes: Nodes[];
  children: Section[];
  parent?: Section;
}

export interface FrontMatter {
  data: Record<string, unknown>;
  range: Range;
  error?: string;
}

export interface TimelineEntry {
  /** The entry's own text (its first paragraph or line, or its table row), markup removed. */
  text: string;
  kind: 'list-item' | 'line' | 'table-row';
  /** The whole entry with its nested content. */
  range: Range;
  startOffset: number;
  endOffset: number;
  /** The line the entry starts on, for diagnostics. */
  lineRange: Range;
  section: Section;
}

export interface ActionItem {
  text: string;
  kind: 'list-item' | 'task-item' | 'table-row';
  checked?: boolean;
  range: Range;
  startOffset: number;
  endOffset: number;
  section: Section;
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
  actionItems: ActionItem[];
  summary: SummaryFact[];
  directives: InlineDirective[];
}
