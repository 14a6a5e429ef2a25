/**
 * Incremental parsing: a keystroke re-parses only the part of the document it touched.
 *
 * The text is cut into chunks where Markdown starts a top-level block afresh, outside front matter, fenced code and
 * the HTML blocks that run past blank lines: at a line after a blank line that goes on with no list or indented block
 * above, and at a heading line at column 0 (see `chunkStarts`). Every block before such a line is closed, so parsing
 * each chunk on its own gives the nodes a full parse gives. Each chunk's tree is kept by its exact text; the next
 * parse of the document reuses every chunk whose text is unchanged, moving its positions by the distance the chunk
 * moved, and parses only new text. The stitched `Root` is indistinguishable from a full parse
 * (test/incremental/equivalence.test.ts compares them).
 *
 * Link and footnote definitions resolve across the whole document: `[text][ref]` is a link only if `[ref]:` is
 * defined somewhere. When the document has definitions, each chunk is parsed with them appended.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { ownCopy } from '../util/boundedCache';
import { complexityReason } from './complexity';
import { parseTree } from './parseTree';

/** Where a chunk starts: an offset into the text (without byte-order mark) and its 1-based line. */
interface ChunkStart {
  offset: number;
  line: number;
}

/** A chunk's tree, with the place in the document its positions describe now. */
interface CachedTree extends ChunkStart {
  tree: Root;
  /** The link and footnote definitions it makes, for references in other chunks (see `definitionsOf`). */
  definitions: string[] | undefined;
}

interface Chunk {
  text: string;
  start: ChunkStart;
  cached: CachedTree;
}

const LINE_BREAK = /\r\n|\r|\n/g;
/**
 * A line after a blank line that still belongs with the blocks above: an indented line (a list item's, a footnote's or
 * indented code's continuation), a list item (the list above goes on, and its items' spacing decides whether it is
 * loose); or one that reads differently at a chunk's start: `---` (front matter), a byte-order mark (dropped there).
 */
const CONTINUES_ABOVE = /^(?:[ \t]|[-+*](?:[ \t]|$)|\d+[.)](?:[ \t]|$)|---[ \t]*$|\uFEFF)/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const HTML_START = /^ {0,3}</;
const BLANK = /^[ \t]*$/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/**
 * HTML blocks that blank lines do not end (CommonMark kinds 1 to 5): how each starts, the text that ends it, and
 * that text written out (from the start's match) to close one left open.
 */
const HTML_BLOCKS: ReadonlyArray<readonly [start: RegExp, end: RegExp, closing: (start: RegExpExecArray) => string]> = [
  [/^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i, (start) => `</${start[1].toLowerCase()}>`],
  [/^ {0,3}<!--/, /-->/, () => '-->'],
  [/^ {0,3}<\?/, /\?>/, () => '?>'],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/, () => ']]>'],
  [/^ {0,3}<![a-zA-Z]/, />/, () => '>'],
];
/** Chunk trees of texts no longer in the document kept for an undo or a retyped character. */
const DEFAULT_SPARE_CHUNKS = 64;

type LineState = { kind: 'text' } | { kind: 'front-matter' } | { kind: 'fence'; marker: string } | { kind: 'html'; end: RegExp };

function fenceCloses(line: string, marker: string): boolean {
  const close = FENCE_CLOSE.exec(line);
  return Boolean(close && close[1][0] === marker[0] && close[1].length >= marker.length);
}

/** Fences and HTML blocks start with one of these after at most three spaces: most lines are ruled out by one look. */
const BLOCK_OPENERS = new Set(['`', '~', '<']);

/** The block a line in plain text opens that blank lines do not end, if any. */
function opens(line: string): LineState | undefined {
  let indent = 0;
  while (indent < 3 && line[indent] === ' ') indent++;
  if (!BLOCK_OPENERS.has(line[indent])) return undefined;
  const fence = FENCE_OPEN.exec(line);
  if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) return { kind: 'fence', marker: fence[1] };
  for (const [start, end] of HTML_BLOCKS) {
    const match = start.exec(line);
    if (match) return end.test(line.slice(match[0].length)) ? undefined : { kind: 'html', end };
  }
  return undefined;
}

/** Whether a line right after a blank line starts a new top-level block, every block above being closed by then. */
function startsFresh(line: string): boolean {
  return !BLANK.test(line) && !CONTINUES_ABOVE.test(line);
}

/**
 * The ends of a text's lines (before `\r\n`, `\r` or `\n`), found with `indexOf`: the chunk scan reads every line
 * of the document on each keystroke, and a pattern's match object per line was a good part of it.
 */
class LineBreaks {
  private nextCr: number;

  constructor(private readonly text: string) {
    this.nextCr = text.indexOf('\r');
  }

  /** The end of the line starting at `lineStart`: its line break's offset, or the text's length. */
  endOfLine(lineStart: number): number {
    if (this.nextCr !== -1 && this.nextCr < lineStart) this.nextCr = this.text.indexOf('\r', lineStart);
    const lf = this.text.indexOf('\n', lineStart);
    const end = this.nextCr !== -1 && (lf === -1 || this.nextCr < lf) ? this.nextCr : lf;
    return end === -1 ? this.text.length : end;
  }
}

/**
 * Where chunks may start after the first: lines with every block before them closed. That is a line after a blank
 * line that does not continue a list, a footnote or indented code (see `startsFresh`), and a heading line at column 0,
 * which ends a paragraph, list, quote or table without a blank line (but not an HTML block: kinds 6 and 7 run to the
 * next blank line, so no heading starts a chunk after a line opening with `<` until then).
 */
export function chunkStarts(text: string): ChunkStart[] {
  const starts: ChunkStart[] = [];
  let state: LineState = { kind: 'text' };
  let previousBlank = false;
  let htmlSinceBlank = false;
  let lineStart = 0;
  const lineBreaks = new LineBreaks(text);
  for (let line = 1; ; line++) {
    const lineEnd = lineBreaks.endOfLine(lineStart);
    const content = text.slice(lineStart, lineEnd);
    if (state.kind === 'front-matter') {
      if (FRONT_MATTER_FENCE.test(content)) state = { kind: 'text' };
    } else if (state.kind === 'fence') {
      if (fenceCloses(content, state.marker)) state = { kind: 'text' };
    } else if (state.kind === 'html') {
      if (state.end.test(content)) state = { kind: 'text' };
    } else if (line === 1 && FRONT_MATTER_FENCE.test(content)) {
      state = { kind: 'front-matter' };
    } else {
      const fresh = previousBlank ? startsFresh(content) : line > 1 && !htmlSinceBlank && ATX_HEADING.test(content);
      if (fresh) starts.push({ offset: lineStart, line });
      state = opens(content) ?? state;
    }
    previousBlank = BLANK.test(content);
    // Read in every state: a fence the scan misread may hide the start of an HTML block.
    htmlSinceBlank = !previousBlank && (htmlSinceBlank || HTML_START.test(content));
    if (lineEnd === text.length) return starts;
    lineStart = lineEnd + (text.startsWith('\r\n', lineEnd) ? 2 : 1);
  }
}

/**
 * What closes the fenced code block or HTML block a chunk ends inside, if it does: the line scan above misread a
 * fence (one inside a list item, say), and the chunks after belong to that block until it closes. The chunk is then
 * joined with them.
 */
function openBlockClosing(tree: Root, chunk: string, base: number): string | undefined {
  const last = tree.children[tree.children.length - 1];
  return last && closingOfOpenBlock(last, chunk.slice((last.position?.start.offset ?? 0) - base, (last.position?.end.offset ?? 0) - base));
}

/**
 * What closes a top-level block left open (a fence with no closing fence, `<!--` with no `-->`), given the
 * node and its source; undefined for a closed block. Such a block runs to the end of the document and
 * swallows whatever is written after it.
 */
export function closingOfOpenBlock(node: RootContent, raw: string): string | undefined {
  if (node.type === 'html') {
    for (const [start, end, closing] of HTML_BLOCKS) {
      const match = start.exec(raw);
      if (match) return end.test(raw.slice(match[0].length)) ? undefined : closing(match);
    }
    return undefined;
  }
  if (node.type !== 'code') return undefined;
  const lines = raw.split(LINE_BREAK);
  const fence = FENCE_OPEN.exec(lines[0]);
  if (!fence) return undefined;
  return lines.length < 2 || !fenceCloses(lines[lines.length - 1], fence[1]) ? fence[1] : undefined;
}

/** Depth-first over a tree without recursion: a list nested ten thousand deep must not overflow the stack. */
function* nodesOf(tree: Root): Generator<Root | Nodes> {
  const stack: Array<Root | Nodes> = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    yield node;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

/**
 * The definitions a chunk makes, as lines that define the same labels (`[label]: #`, `[^label]: #`); undefined
 * for a definition nested in a list or quote, whose label as written carries the container's markers.
 */
function definitionsOf(tree: Root): string[] | undefined {
  const lines: string[] = [];
  for (const node of nodesOf(tree)) {
    if (node.type !== 'definition' && node.type !== 'footnoteDefinition') continue;
    if (!tree.children.includes(node)) return undefined;
    const label = (node.label ?? node.identifier).replace(/\s+/g, ' ');
    lines.push(node.type === 'definition' ? `[${label}]: #` : `[^${label}]: #`);
  }
  return lines;
}

/**
 * A chunk parsed with the document's definitions appended, so its references resolve as in the whole
 * document; the appended definitions are taken out again. Undefined when they did not parse back as written.
 */
function parseWithDefinitions(chunk: string, definitions: string[]): Root | undefined {
  const tree = parseTree(`${chunk}\n\n${definitions.join('\n')}`);
  const own = tree.children.findIndex((node) => (node.position?.start.offset ?? 0) >= chunk.length);
  const appended = own < 0 ? [] : tree.children.splice(own);
  if (appended.length !== definitions.length || appended.some((node) => node.type !== 'definition' && node.type !== 'footnoteDefinition')) return undefined;
  return tree;
}

/** Labels match whatever their case (Unicode case folding, as micromark compares them) and spacing. */
function foldCase(text: string): string {
  return text.toLowerCase().toUpperCase();
}

/**
 * The first word of the label an appended definition line defines, case-folded: a reference to the label writes that
 * word (a reference's label equals the definition's once case is folded and spaces collapsed).
 */
function firstLabelWord(line: string): string {
  const label = line.slice(line.startsWith('[^') ? 2 : 1, line.lastIndexOf(']: #'));
  return foldCase(label).split(' ').find(Boolean) ?? '';
}

function mentionsAny(text: string, labelWords: string[]): boolean {
  const folded = foldCase(text);
  return labelWords.some((word) => folded.includes(word));
}

/** Moves every position in a tree by whole lines and offsets (chunks start at column 1, so columns stay). */
function shift(tree: Root, lines: number, offsets: number): void {
  for (const { position } of nodesOf(tree)) {
    if (!position) continue;
    position.start.line += lines;
    position.end.line += lines;
    if (position.start.offset !== undefined) position.start.offset += offsets;
    if (position.end.offset !== undefined) position.end.offset += offsets;
  }
}

/**
 * The parsed chunks of one document, held by whoever analyses it version after version (the language
 * server keeps one per open document). Trees given out are reused by later parses, which move their
 * positions: only the latest parse's tree is valid.
 */
export class ParseCache {
  private trees = new Map<string, CachedTree[]>();
  /**
   * The chunks of the text last asked about: the complexity check and the parse that follows share them (and
   * the slices, whose hashes the lookups by text compute once).
   */
  private lastSplit?: { text: string; starts: ChunkStart[]; texts: string[] };
  /** How many of `trees` (listed first) are the latest parse's chunks; the others are spares. */
  private latestChunks = 0;

  /** A fork's parent, and the trees they share: the parent's record of each (where it has it) and the fork's. */
  private forkOf?: { parent: ParseCache; shared: Array<{ parents: CachedTree; own: CachedTree }> };

  constructor(private readonly spareChunks = DEFAULT_SPARE_CHUNKS) {}

  /**
   * A cache for other versions of the same text (fix-all's passes) that starts with this cache's trees instead of
   * parsing them again. It moves the trees it shares with this cache: call `restore()` (in a `finally`) before
   * anything reads this cache's latest tree again.
   */
  fork(): ParseCache {
    const fork = new ParseCache(this.spareChunks);
    const shared: Array<{ parents: CachedTree; own: CachedTree }> = [];
    fork.forkOf = { parent: this, shared };
    for (const [chunk, list] of this.trees) {
      fork.trees.set(chunk, list.map((parents) => {
        const own = { ...parents };
        shared.push({ parents, own });
        return own;
      }));
    }
    fork.lastSplit = this.lastSplit;
    return fork;
  }

  /**
   * Puts the trees this fork shares with its parent back where the parent has them, and gives the parent the fork's
   * other trees: the text of the fork's last parse (fix-all's result) is usually the document's next version.
   */
  restore(): void {
    if (!this.forkOf) return;
    const { parent } = this.forkOf;
    const shared = new Set<CachedTree>();
    for (const { parents, own } of this.forkOf.shared) {
      shared.add(own);
      if (own.line === parents.line && own.offset === parents.offset) continue;
      shift(parents.tree, parents.line - own.line, parents.offset - own.offset);
      own.line = parents.line;
      own.offset = parents.offset;
    }
    for (const [chunk, list] of this.trees) {
      const added = list.filter((cached) => !shared.has(cached));
      if (added.length) parent.trees.set(chunk, [...(parent.trees.get(chunk) ?? []), ...added]);
    }
    this.trees = new Map();
    this.forkOf = undefined;
  }

  private split(text: string): { starts: ChunkStart[]; texts: string[] } {
    if (this.lastSplit?.text !== text) {
      const starts = chunkStarts(text);
      const texts = [0, ...starts.map((start) => start.offset)].map((offset, index) => text.slice(offset, index < starts.length ? starts[index].offset : text.length));
      this.lastSplit = { text, starts, texts };
    }
    return this.lastSplit;
  }

  /**
   * `complexityReason` of `text` (without byte-order mark), scanning only chunks not parsed before: a parsed chunk
   * passed the check. Chunks start after a blank line, where the check's counts start again, so checking them
   * one by one says what checking the whole text says.
   */
  complexityReason(text: string): string | undefined {
    for (const chunk of this.split(text).texts) {
      if (this.trees.has(chunk)) continue;
      const reason = complexityReason(chunk);
      if (reason) return reason;
    }
    return undefined;
  }

  /** The mdast of `text` (without byte-order mark), as `parseTree` would give it. */
  parse(text: string): Root {
    const used = new Map<string, number>();
    const chunks = this.chunks(text, this.split(text), used);
    const trees = chunks.length > 1 ? this.resolveReferences(text, chunks, used) : [chunks[0].cached.tree];
    this.retain(used);
    if (trees.length === 1) return trees[0];
    const children: RootContent[] = trees.flatMap((tree) => tree.children);
    const end = chunks[chunks.length - 1].cached.tree.position?.end;
    return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: end?.line ?? 1, column: end?.column ?? 1, offset: end?.offset } } };
  }

  /**
   * The chunks' trees when the document defines links or footnotes: each chunk that may reference one is
   * parsed with every definition appended. The whole text when a definition cannot be carried over.
   */
  private resolveReferences(text: string, chunks: Chunk[], used: Map<string, number>): Root[] {
    const definitions = new Set<string>();
    for (const { cached } of chunks) {
      if (cached.definitions === undefined) return [this.chunks(text, { starts: [], texts: [text] }, used)[0].cached.tree];
      for (const line of cached.definitions) definitions.add(line);
    }
    if (!definitions.size) return chunks.map((chunk) => chunk.cached.tree);
    const appended = [...definitions];
    const labelWords = appended.map(firstLabelWord);
    const appendedText = appended.join('\n');
    const trees: Root[] = [];
    for (const chunk of chunks) {
      const key = `${chunk.text}\u0000${appendedText}`;
      // A chunk that names no defined label reads the same without the definitions: it is not parsed a second time.
      if (!chunk.text.includes('[') || (!this.trees.has(key) && !mentionsAny(chunk.text, labelWords))) {
        trees.push(chunk.cached.tree);
        continue;
      }
      const resolved = this.take(key, chunk.start, used, (own) => parseWithDefinitions(own.slice(0, chunk.text.length), appended));
      if (!resolved) return [this.chunks(text, { starts: [], texts: [text] }, used)[0].cached.tree];
      trees.push(resolved.tree);
    }
    return trees;
  }

  /** The chunks between `starts` (with their `texts`), a chunk that ends inside a block joined with the next ones. */
  private chunks(text: string, { starts, texts }: { starts: ChunkStart[]; texts: string[] }, used: Map<string, number>): Chunk[] {
    const chunks: Chunk[] = [];
    let start: ChunkStart = { offset: 0, line: 1 };
    for (let next = 0; next <= starts.length; next++) {
      let chunk = texts[next];
      let cached = this.take(chunk, start, used, parseTree)!;
      for (let closing = openBlockClosing(cached.tree, chunk, start.offset); next < starts.length && closing !== undefined; closing = openBlockClosing(cached.tree, chunk, start.offset)) {
        // Joined through the first place the block may close, not chunk by chunk: one parse per such place.
        const closesAt = text.indexOf(closing, starts[next].offset);
        next++;
        while (next < starts.length && (closesAt < 0 || starts[next].offset <= closesAt)) next++;
        chunk = text.slice(start.offset, next < starts.length ? starts[next].offset : text.length);
        cached = this.take(chunk, start, used, parseTree)!;
      }
      chunks.push({ text: chunk, start, cached });
      if (next < starts.length) start = starts[next];
    }
    return chunks;
  }

  /**
   * The tree cached under `key` placed at `start`: one not yet used in this parse, a copy of one used already, or a
   * new one that `parse` makes from the cache's own copy of the key (see `ownCopy`: the tree's strings must not keep
   * the document's whole text of this version alive).
   */
  private take(key: string, start: ChunkStart, used: Map<string, number>, parse: (own: string) => Root | undefined): CachedTree | undefined {
    const index = used.get(key) ?? 0;
    let list = this.trees.get(key);
    let cached = list?.[index];
    if (list && !cached) {
      // The same text again (a second "TBD" paragraph): a copy of its tree costs a fraction of a parse.
      const { tree, definitions, offset, line } = list[0];
      list.push((cached = { tree: structuredClone(tree), definitions, offset, line }));
    } else if (!cached) {
      const own = ownCopy(key);
      const tree = parse(own);
      if (!tree) return undefined;
      this.trees.set(own, (list = []));
      list.push((cached = { tree, definitions: definitionsOf(tree), offset: 0, line: 1 }));
    }
    used.set(key, index + 1);
    if (cached.line !== start.line || cached.offset !== start.offset) {
      shift(cached.tree, start.line - cached.line, start.offset - cached.offset);
      cached.line = start.line;
      cached.offset = start.offset;
    }
    return cached;
  }

  /**
   * Keeps the chunks of the latest parse, then the most recently used others up to the spare count (the map
   * lists the chunks of the previous parse first). The cache's own key strings are kept, not the parse's slices.
   */
  private retain(used: Map<string, number>): void {
    const kept = new Map<string, CachedTree[]>();
    const spares: Array<[string, CachedTree[]]> = [];
    for (const [chunk, list] of this.trees) {
      if (used.has(chunk)) kept.set(chunk, list);
      else if (spares.length < this.spareChunks) spares.push([chunk, list]);
    }
    this.latestChunks = kept.size;
    for (const [chunk, list] of spares) kept.set(chunk, list);
    this.trees = kept;
  }

  /**
   * Forgets the spare chunks, keeping the latest parse's. For a document no longer being edited: spares serve an
   * undo or a retyped character, and the spares of every open document (with what the analysis keeps for their
   * nodes) grew to most of a long session's memory.
   */
  forgetSpares(): void {
    this.trees = new Map([...this.trees].slice(0, this.latestChunks));
  }
}
