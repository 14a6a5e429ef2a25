import type { Root, Nodes } from 'mdast';
import type { ParseCache } from './incrementalParse';
import { parseTree } from './parseTree';
import { SourceText } from './sourceText';
import type { Range } from '../types';

export interface ParsedMarkdown {
  source: SourceText;
  tree: Root;
  /** micromark drops a leading byte-order mark; its offsets are shifted back by this much. */
  offsetShift: number;
  /**
   * Whether a later parse can hand out these very nodes again (they come from a document's ParseCache): only then is
   * what the model derives from them worth keeping for the next analysis (see util/spanReuse.ts).
   */
  nodesRecur: boolean;
}

/** Parses the whole text, or with a document's `cache` only the chunks that changed since its last parse. */
export function parseMarkdown(text: string, cache?: ParseCache): ParsedMarkdown {
  const offsetShift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = offsetShift ? text.slice(1) : text;
  const tree = cache ? cache.parse(body) : parseTree(body);
  return { source: new SourceText(text), tree, offsetShift, nodesRecur: Boolean(cache) };
}

export function startOffset(parsed: ParsedMarkdown, node: Nodes): number {
  return (node.position?.start.offset ?? 0) + parsed.offsetShift;
}

export function endOffset(parsed: ParsedMarkdown, node: Nodes): number {
  return (node.position?.end.offset ?? 0) + parsed.offsetShift;
}

export function nodeRange(parsed: ParsedMarkdown, node: Nodes): Range {
  return parsed.source.rangeOf(startOffset(parsed, node), endOffset(parsed, node));
}

/** The visible text of a node: inline markup dropped, line breaks kept as spaces. */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html' && node.type !== 'yaml') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}
