/**
 * Reuse of what the analysis derived from parts of the document that a keystroke did not touch.
 *
 * A document's ParseCache (parsing/incrementalParse.ts) hands back the very same node objects for every chunk whose
 * text is unchanged, only moved: their offsets and lines shift, their columns do not (chunks start at column
 * one). So when a run of top-level nodes is made of the same objects as at the last analysis, the text it
 * covers is the same text, and whatever was derived from that text alone (the action items of a section, the
 * placeholders of a paragraph) is the same too, moved by the same distance. A `SpanReuse` keeps such results
 * by their first node, with where that node was, and moves them instead of computing them again.
 *
 * Callers key each result by everything else it depends on (a reference date, the shape of the sections
 * in the span, whether the text starts with a byte-order mark, which moves document offsets but not nodes). test/incremental/equivalence.test.ts checks that the results equal a full analysis's.
 */
import type { RootContent } from 'mdast';
import { firstIndex } from './firstIndex';
import type { ParsedMarkdown } from '../parsing/parse';
import type { Position, Range } from '../types';

/** How far a run of nodes moved since its result was computed. */
export interface Shift {
  offset: number;
  line: number;
}

function shiftPosition(position: Position, by: Shift): Position {
  return { line: position.line + by.line, character: position.character };
}

export function shiftRange(range: Range, by: Shift): Range {
  return { start: shiftPosition(range.start, by), end: shiftPosition(range.end, by) };
}

interface Stored<V> {
  key: string;
  /**
   * The run's nodes after the first (the entry's key in `SpanReuse.stored`), held weakly: an entry must not keep the
   * nodes of an earlier version alive (each of them the key of entries of its own, which would keep older versions
   * still, a chain that grew with every keystroke).
   */
  rest: ReadonlyArray<WeakRef<RootContent>>;
  offset: number;
  line: number;
  /** The last node's offset: a check that the run moved as one piece. */
  lastOffset: number;
  value: V;
}

function startOf(node: RootContent): { offset: number; line: number } {
  return { offset: node.position?.start.offset ?? -1, line: node.position?.start.line ?? -1 };
}

/** Whether `nodes` after the first are the `rest` of a stored run (most runs are one node: nothing to compare). */
function sameRest(rest: ReadonlyArray<WeakRef<RootContent>>, nodes: readonly RootContent[]): boolean {
  if (rest.length !== nodes.length - 1) return false;
  for (let index = 0; index < rest.length; index++) if (rest[index].deref() !== nodes[index + 1]) return false;
  return true;
}

/**
 * A stored result and how far its nodes `moved` since it was computed (nothing when it was computed now). The
 * caller places a copy where the nodes are now, and attaches it to objects of the current analysis (sections,
 * nodes made by the model): stored results hold none, so that they keep no older version alive. Stored results
 * are never modified.
 */
export interface Reused<V> {
  value: V;
  moved: Shift;
}

const NOT_MOVED: Shift = { offset: 0, line: 0 };

/** Results derived from runs of top-level nodes, kept by the run's first node. */
export class SpanReuse<V> {
  /** Weak: a chunk the parse cache forgets takes its results with it. */
  private readonly stored = new WeakMap<RootContent, Array<Stored<V>>>();

  /** `perNode`: results kept per first node, for spans starting at the same node under different keys. */
  constructor(private readonly perNode = 4) {}

  /**
   * The result for the run `nodes` of `parsed` under `key`: the stored one with how far it moved, or computed and
   * stored. Nodes of a parse without a cache (the CLI's one analysis per file) never come back: nothing is stored.
   */
  get(parsed: ParsedMarkdown, nodes: readonly RootContent[], key: string, compute: () => V): Reused<V> {
    const first = nodes[0];
    if (!first || !parsed.nodesRecur) return { value: compute(), moved: NOT_MOVED };
    const now = startOf(first);
    const lastOffset = nodes[nodes.length - 1].position?.start.offset ?? -1;
    const list = this.stored.get(first) ?? [];
    const hit = list.find((entry) => entry.key === key && sameRest(entry.rest, nodes));
    if (hit && lastOffset - now.offset === hit.lastOffset - hit.offset) {
      return { value: hit.value, moved: { offset: now.offset - hit.offset, line: now.line - hit.line } };
    }
    const value = compute();
    const entry: Stored<V> = { key, rest: nodes.slice(1).map((node) => new WeakRef(node)), offset: now.offset, line: now.line, lastOffset, value };
    this.stored.set(first, [entry, ...list.filter((other) => other !== hit)].slice(0, this.perNode));
    return { value, moved: NOT_MOVED };
  }
}

/** The top-level nodes overlapping the document offsets `start` to `end`. */
export function nodesBetween(parsed: ParsedMarkdown, start: number, end: number): RootContent[] {
  const { tree, offsetShift } = parsed;
  const nodes: RootContent[] = [];
  // remark's offsets do not count a byte-order mark; the document's do.
  start -= offsetShift;
  end -= offsetShift;
  for (let index = firstIndex(tree.children, (node) => (node.position?.end.offset ?? 0) <= start); index < tree.children.length; index++) {
    const node = tree.children[index];
    if ((node.position?.start.offset ?? 0) >= end) break;
    nodes.push(node);
  }
  return nodes;
}
