/**
 * Reuse of the model between versions of a document (server/src/analysis/util/spanReuse.ts): results derived from
 * sections a keystroke did not touch are moved, not computed again, and the analysis must still equal a full
 * one. Checked while typing into documents made of several corpus reports (many timelines and action-items
 * sections, so that later ones move and number their runs after earlier ones), when sections move, and when a
 * byte-order mark comes and goes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { RootContent } from 'mdast';
import { analyze, type AnalysisResult } from '../../server/src/analysis/analyze';
import { ParseCache } from '../../server/src/analysis/parsing/incrementalParse';
import { parseMarkdown } from '../../server/src/analysis/parsing/parse';
import { SpanReuse } from '../../server/src/analysis/util/spanReuse';
import { analysisSnapshot } from '../helpers/analysisSnapshot';
import { corpus, seeds } from '../helpers/corpus';

const LAYERS = [{ detection: 'always' as const }];
const DOCUMENTS = [...seeds(), ...corpus()].map((document) => document.text);

function assertSameAsFull(text: string, cache: ParseCache, what: string): void {
  const incremental = analyze({ text, layers: LAYERS, parseCache: cache });
  assert.deepEqual(analysisSnapshot(incremental), analysisSnapshot(analyze({ text, layers: LAYERS })), what);
}

/** Several reports one after another, as in a file that collects a quarter's postmortems. */
function joined(first: number, count: number): string {
  return Array.from({ length: count }, (_, index) => DOCUMENTS[(first + index * 17) % DOCUMENTS.length]).join('\n\n');
}

const TYPED = ['x', ' ', 'e', '\n', '1', ':', '-', '\n\n', '*', '#'];

describe('results of unchanged sections are reused, and equal a full analysis', () => {
  test('the joined documents have several timelines and action-items sections', () => {
    const document = analyze({ text: joined(0, 5), layers: LAYERS }).document!;
    assert.ok(document.timelineInfo.timelines.length >= 2, `${document.timelineInfo.timelines.length} timelines`);
    assert.ok(document.actionSections.length >= 2, `${document.actionSections.length} action-items sections`);
  });

  test('typing at random places in several reports joined', () => {
    fc.assert(
      fc.property(fc.nat({ max: DOCUMENTS.length - 1 }), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...TYPED)), { minLength: 3, maxLength: 8 }), (first, typing) => {
        let text = joined(first, 4);
        const cache = new ParseCache();
        analyze({ text, layers: LAYERS, parseCache: cache });
        for (const [index, [at, character]] of typing.entries()) {
          const offset = Math.floor(at * text.length);
          text = text.slice(0, offset) + character + text.slice(offset);
          if (index % 3 === 2) assertSameAsFull(text, cache, `reports from ${first}, after ${JSON.stringify(typing.slice(0, index + 1))}`);
          else analyze({ text, layers: LAYERS, parseCache: cache });
        }
        assertSameAsFull(text, cache, `reports from ${first}, after ${JSON.stringify(typing)}`);
      }),
      { seed: 11, numRuns: 40 },
    );
  });

  test('a section cut and pasted elsewhere, then moved back', () => {
    const text = joined(3, 4);
    const cache = new ParseCache();
    assertSameAsFull(text, cache, 'as written');
    const headings = [...text.matchAll(/^## .*$/gm)].map((match) => match.index!);
    assert.ok(headings.length >= 6);
    const [from, to] = [headings[2], headings[3]];
    const section = text.slice(from, to);
    const cut = text.slice(0, from) + text.slice(to);
    assertSameAsFull(cut, cache, 'cut');
    const pasted = `${cut.slice(0, headings[0])}${section}${cut.slice(headings[0])}`;
    assertSameAsFull(pasted, cache, 'pasted before the first section');
    assertSameAsFull(text, cache, 'moved back');
  });

  test('a byte-order mark added and removed moves every offset but no node', () => {
    const text = joined(5, 3);
    const cache = new ParseCache();
    assertSameAsFull(text, cache, 'without');
    assertSameAsFull(`\uFEFF${text}`, cache, 'with a byte-order mark');
    assertSameAsFull(text, cache, 'without again');
  });
});

describe('the complexity check with a parse cache scans only new chunks, and says what a full check says', () => {
  test('a section made too deeply nested by an edit, then fixed', () => {
    const text = joined(2, 2);
    const cache = new ParseCache();
    assertSameAsFull(text, cache, 'as written');
    const nested = `${text}\n\n## Deep\n\n${'>'.repeat(150)} quoted\n`;
    const skipped = analyze({ text: nested, layers: LAYERS, parseCache: cache });
    assert.match(skipped.skipped ?? '', /nests lists or quotes more than 100 levels deep/);
    assertSameAsFull(nested, cache, 'too deep');
    assertSameAsFull(text, cache, 'fixed');
  });
});

describe('spare chunks: trees of text no longer in the document, kept for an undo', () => {
  const text = '# First\n\nA paragraph.\n\n# Second\n\nAnother paragraph.\n\n# Third\n\nThe last one.\n';
  const typed = text.replace('Another', 'Anoxther');

  test('a chunk typed into and restored is the same tree again', () => {
    const cache = new ParseCache();
    const second = cache.parse(text).children[3];
    cache.parse(typed);
    assert.equal(cache.parse(text).children[3], second);
  });

  test('forgotten spares are parsed again; the latest chunks are kept', () => {
    const cache = new ParseCache();
    const [first, , , second] = cache.parse(text).children;
    const typedSecond = cache.parse(typed).children[3];
    cache.forgetSpares();
    assert.equal(cache.parse(typed).children[3], typedSecond, 'the latest parse is kept');
    const restored = cache.parse(text).children;
    assert.notEqual(restored[3], second, 'the spare was forgotten');
    assert.equal(restored[0], first);
    assert.deepEqual(restored[3], second);
  });
});

describe('the timeline of a document with a parse cache', () => {
  test('is read at its analysis, before the next parse moves the nodes it reads (even when no rule reads it)', () => {
    // Dated in its front matter, so that nothing else in the model needs the timeline's entries either.
    const report = DOCUMENTS.find((candidate) => !candidate.startsWith('---') && analyze({ text: candidate, layers: LAYERS }).document!.timeline.length > 3)!;
    const text = `---\ndate: 2024-03-01\n---\n${report}`;
    const cache = new ParseCache();
    const before = analyze({ text, layers: LAYERS, parseCache: cache, rules: [] });
    analyze({ text: text.replace('\n---\n', '\n---\nAdded line.\n\n'), layers: LAYERS, parseCache: cache });
    const full = analyze({ text, layers: LAYERS }).document!;
    const timelineOf = (result: AnalysisResult) => (analysisSnapshot(result) as { timeline: unknown }).timeline;
    assert.deepEqual(timelineOf(before), timelineOf({ ...before, document: full }));
  });
});

describe('SpanReuse', () => {
  const node = (offset: number, line: number): RootContent => ({ type: 'thematicBreak', position: { start: { line, column: 1, offset }, end: { line, column: 4, offset: offset + 3 } } });
  /** A parse whose nodes a ParseCache may hand out again, or (`nodesRecur: false`) one made without a cache. */
  const parsedWith = (nodesRecur: boolean) => ({ ...parseMarkdown(''), nodesRecur });
  const cached = parsedWith(true);

  test('computes once for the same nodes and key, and says how far they moved', () => {
    const reuse = new SpanReuse<string>();
    const nodes = [node(10, 2), node(20, 4)];
    let computed = 0;
    const compute = () => `value ${++computed}`;
    assert.deepEqual(reuse.get(cached, nodes, 'k', compute), { value: 'value 1', moved: { offset: 0, line: 0 } });
    for (const position of nodes.map((each) => each.position!)) {
      position.start.offset! += 5;
      position.start.line += 1;
    }
    assert.deepEqual(reuse.get(cached, nodes, 'k', compute), { value: 'value 1', moved: { offset: 5, line: 1 } });
    assert.equal(computed, 1);
  });

  test('computes again for another key, other nodes, or nodes that did not move as one piece', () => {
    const reuse = new SpanReuse<number>();
    const nodes = [node(0, 1), node(10, 3)];
    let computed = 0;
    reuse.get(cached, nodes, 'k', () => ++computed);
    assert.equal(reuse.get(cached, nodes, 'other', () => ++computed).value, 2);
    assert.equal(reuse.get(cached, [nodes[0], node(10, 3)], 'k', () => ++computed).value, 3);
    nodes[1].position!.start.offset! += 1;
    assert.equal(reuse.get(cached, nodes, 'k', () => ++computed).value, 4);
  });

  test('keeps nothing for nodes of a parse without a cache, which never come back', () => {
    const reuse = new SpanReuse<number>();
    const nodes = [node(0, 1)];
    let computed = 0;
    assert.deepEqual(reuse.get(parsedWith(false), nodes, 'k', () => ++computed), { value: 1, moved: { offset: 0, line: 0 } });
    assert.equal(reuse.get(cached, nodes, 'k', () => ++computed).value, 2);
  });

  test('the parse says whether its nodes can come back', () => {
    assert.equal(parseMarkdown('# Title\n').nodesRecur, false);
    assert.equal(parseMarkdown('# Title\n', new ParseCache()).nodesRecur, true);
  });
});
