import type { Nodes, RootContent } from 'mdast';
import type { PostmortemDocument, Section } from '../../model';
import { walk } from '../../model/walk';
import { endOffset, startOffset } from '../../parsing/parse';
import { SpanReuse, type Reused } from '../../util/spanReuse';

/**
 * A block of prose as the reader sees it: a paragraph, a table cell or a heading. `text` is the block's
 * source with everything but its words blanked out (markup, inline code, URLs, inline HTML), so it has the
 * block's length and an index into it plus `start` is an offset into the document.
 */
export interface ProseBlock {
  text: string;
  start: number;
  node: Nodes;
  /** The innermost section the block is in. */
  section?: Section;
  /** A Markdown heading. (A title written without heading syntax, "**Timeline:**", is blanked out of its paragraph.) */
  isHeading: boolean;
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const REAL_HEADINGS = new Set(['atx', 'setext', 'html']);

/** The innermost section containing an offset: sections nest, so it is the last one in order that contains it. */
export function sectionAt(document: PostmortemDocument, offset: number): Section | undefined {
  let found: Section | undefined;
  for (const section of document.sections) if (section.startOffset <= offset && offset <= section.endOffset) found = section;
  return found;
}

/** Whether a section or one of its ancestors is of one of the kinds. */
export function withinKind(section: Section | undefined, kinds: readonly string[]): boolean {
  for (let at = section; at; at = at.parent) if (at.kinds.some((kind) => kinds.includes(kind))) return true;
  return false;
}

/**
 * The prose blocks of one top-level node, with the reading they were placed from: the same `reading.value`
 * as at an earlier analysis when the node is unchanged, so results derived from it can be reused too.
 */
export interface NodeProse {
  node: RootContent;
  blocks: ProseBlock[];
  reading: Reused<DetachedBlock[]>;
}

/** Several rules read the prose of each analysis: it is computed once per document. */
const proseOf = new WeakMap<PostmortemDocument, NodeProse[]>();

/** The prose blocks of each top-level node, in order. */
export function proseByNode(document: PostmortemDocument): NodeProse[] {
  let read = proseOf.get(document);
  if (!read) proseOf.set(document, (read = readProseBlocks(document)));
  return read;
}

/** Each prose block with the object it was placed from: the same one at every analysis while its node is unchanged. */
export function* storedBlocks(document: PostmortemDocument): Generator<{ block: ProseBlock; stored: DetachedBlock }> {
  for (const { blocks, reading } of proseByNode(document)) {
    for (let index = 0; index < blocks.length; index++) yield { block: blocks[index], stored: reading.value[index] };
  }
}

const blocksOf = new WeakMap<PostmortemDocument, ProseBlock[]>();

/** Every prose block of the document, in order. Code, comments and front matter are never prose; HTML tags are blanked out. */
export function proseBlocks(document: PostmortemDocument): ProseBlock[] {
  let blocks = blocksOf.get(document);
  if (!blocks) blocksOf.set(document, (blocks = proseByNode(document).flatMap((read) => read.blocks)));
  return blocks;
}

/**
 * `sectionAt` for increasing offsets in one pass (the walk below meets blocks in order): the last section
 * starting at or before the offset, or its nearest ancestor that reaches the offset.
 */
function sectionsInOrder(sections: Section[]): (offset: number) => Section | undefined {
  let next = 0;
  let last: Section | undefined;
  return (offset) => {
    while (next < sections.length && sections[next].startOffset <= offset) last = sections[next++];
    let at = last;
    while (at && at.endOffset < offset) at = at.parent;
    return at;
  };
}

/** A block as stored for reuse: without its section, which belongs to the analysis that read it. */
export type DetachedBlock = Omit<ProseBlock, 'section'>;

/** The prose blocks of one top-level node; `titles` are the titles written without heading syntax inside it. */
function blocksOfNode(document: PostmortemDocument, node: RootContent, titles: Section[]): DetachedBlock[] {
  const { parsed, text } = document;
  const blocks: DetachedBlock[] = [];
  walk(node, (node) => {
    if (node.type === 'html' && !/^\s*<!--/.test(node.value)) {
      // A report written in HTML (`<h2>Impact:</h2><p>...</p>`): its words, without the tags.
      const start = startOffset(parsed, node);
      const words = text.slice(start, endOffset(parsed, node)).replace(/<!--[^]*?-->|<[^>]*>|&[a-z]+;|&#\d+;/gi, (markup) => ' '.repeat(markup.length));
      blocks.push({ text: words, start, node, isHeading: false });
      return false;
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'inlineCode') return false;
    if (!BLOCKS.has(node.type)) return true;
    const start = startOffset(parsed, node);
    const end = endOffset(parsed, node);
    // The block's text nodes, in order, with blanks between them: built from slices, not character by character.
    const pieces: string[] = [];
    let cursor = start;
    walk(node, (child) => {
      if (child.type === 'inlineCode' || child.type === 'html') return false;
      if (child.type !== 'text') return true;
      const from = Math.max(startOffset(parsed, child), cursor);
      const to = Math.min(endOffset(parsed, child), end);
      if (to > from) {
        pieces.push(' '.repeat(from - cursor), text.slice(from, to));
        cursor = to;
      }
      return false;
    });
    pieces.push(' '.repeat(end - cursor));
    let words = pieces.join('');
    for (const title of titles) {
      if (title.headingEndOffset <= start || title.startOffset >= end) continue;
      const from = Math.max(title.startOffset, start) - start;
      const to = Math.min(title.headingEndOffset, end) - start;
      words = words.slice(0, from) + ' '.repeat(to - from) + words.slice(to);
    }
    blocks.push({ text: words, start, node, isHeading: node.type === 'heading' });
    return false;
  });
  return blocks;
}

/** Blocks of top-level nodes read at earlier versions of the document, reused while the nodes are (see util/spanReuse.ts). */
const readBefore = new SpanReuse<DetachedBlock[]>(1);

function readProseBlocks(document: PostmortemDocument): NodeProse[] {
  const { parsed } = document;
  const pseudoTitles = document.sections.filter((section) => !REAL_HEADINGS.has(section.syntax));
  const sectionOf = sectionsInOrder(document.sections);
  // Titles are in order too: those ending before a node end before every later node.
  let firstTitle = 0;
  const read: NodeProse[] = [];
  for (const node of document.tree.children) {
    const start = startOffset(parsed, node);
    const end = endOffset(parsed, node);
    while (firstTitle < pseudoTitles.length && pseudoTitles[firstTitle].headingEndOffset <= start) firstTitle++;
    const titles: Section[] = [];
    for (let index = firstTitle; index < pseudoTitles.length && pseudoTitles[index].startOffset < end; index++) titles.push(pseudoTitles[index]);
    // What a node's blocks depend on besides its text: the titles in it, and a byte-order mark (see sectionShape.ts).
    let key = parsed.offsetShift ? 'bom' : '';
    for (const title of titles) key += `|${title.startOffset - start}-${title.headingEndOffset - start}`;
    const reading = readBefore.get(parsed, [node], key, () => blocksOfNode(document, node, titles));
    const blocks = reading.value.map((block): ProseBlock => {
      const at = block.start + reading.moved.offset;
      return { text: block.text, start: at, node: block.node, section: sectionOf(at), isHeading: block.isHeading };
    });
    read.push({ node, blocks, reading });
  }
  return read;
}

/** Source text of a top-level code block that holds prose, with its offset in the document. */
export interface IndentedProse {
  text: string;
  start: number;
}

const indentedOf = new WeakMap<PostmortemDocument, IndentedProse[]>();

/**
 * Sentences indented by four spaces or a tab: Markdown renders them as a code block, but a reviewer still reads
 * them as the report's words. Fenced blocks are code by intent, and so is indented text with code's punctuation.
 */
export function indentedProse(document: PostmortemDocument): IndentedProse[] {
  let found = indentedOf.get(document);
  if (found) return found;
  found = [];
  for (const node of document.tree.children) {
    if (node.type !== 'code' || node.lang) continue;
    const start = startOffset(document.parsed, node);
    const text = document.text.slice(start, endOffset(document.parsed, node));
    if (!/^[ \t]*(?:```|~~~)/.test(text) && readsAsProse(text)) found.push({ text, start });
  }
  indentedOf.set(document, found);
  return found;
}

/** Runs of plain words ("one of the interns added a letter"), and little of code's punctuation. */
function readsAsProse(text: string): boolean {
  const symbols = text.match(/[{}[\]()=<>$|\\`;#]/g)?.length ?? 0;
  return symbols * 40 <= text.length && /\p{L}+(?:,?[ \t]+\p{L}+){5}/u.test(text);
}
