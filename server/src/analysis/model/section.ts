import type { Nodes } from 'mdast';
import type { Range } from '../types';

/**
 * How a section title was written. Everything but atx, setext and html is a title Markdown does not read as a heading
 * (`indented-line`: indented into a code block; `fenced-line`: inside a ``` fence).
 */
export type HeadingSyntax = 'atx' | 'setext' | 'html' | 'hashes-without-space' | 'bold-line' | 'label-line' | 'indented-line' | 'fenced-line';

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
