/**
 * Incremental parsing (a document's ParseCache, as the language server keeps one) must give exactly what a
 * full parse gives: the same mdast, positions included, and so the same findings and model. Checked on random
 * edits over the corpus (fast-check, seeded) and on hand-written texts where chunking could go wrong.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis/analyze';
import { chunkStarts, ParseCache } from '../../server/src/analysis/parsing/incrementalParse';
import { parseMarkdown } from '../../server/src/analysis/parsing/parse';
import { analysisSnapshot } from '../helpers/analysisSnapshot';
import { corpus, seeds } from '../helpers/corpus';

const DOCUMENTS = [...seeds(), ...corpus()].map((document) => document.text);
const LAYERS = [{ detection: 'always' as const }];

/** The tree of `text` parsed with the cache, compared with a full parse. */
function assertSameTree(text: string, cache: ParseCache, what: string): void {
  const incremental = parseMarkdown(text, cache).tree;
  assert.deepEqual(incremental, parseMarkdown(text).tree, what);
}

function assertSameAnalysis(text: string, cache: ParseCache, what: string): void {
  const incremental = analyze({ text, layers: LAYERS, parseCache: cache });
  assert.deepEqual(analysisSnapshot(incremental), analysisSnapshot(analyze({ text, layers: LAYERS })), what);
}

/** Pieces an edit inserts: Markdown that opens or closes blocks, line breaks of every kind, plain letters. */
const PIECES = ['x', ' ', '\n', '\n\n', '\r\n', '#', '## ', '\n# H\n', '`', '```', '\n```\n', '~~~', '<!--', '-->', '<div>', '- ', '> ', '|', '---', '[x]', '[x]: /u\n', '[^1]', '\t', '***', '1. '];

const editArbitrary = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })),
});

type Edit = { at: number; remove: number; insert: string };

function applyEdit(text: string, edit: Edit): string {
  const at = Math.floor(edit.at * text.length);
  return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.remove));
}

describe('incremental parsing gives what a full parse gives', () => {
  test('the corpus is cut into several chunks, and unchanged chunks are reused as they are', () => {
    const chunked = DOCUMENTS.filter((text) => chunkStarts(text.replace(/^\uFEFF/, '')).length > 0);
    assert.ok(chunked.length > DOCUMENTS.length / 2, `only ${chunked.length} of ${DOCUMENTS.length} documents have more than one chunk`);
    const text = DOCUMENTS.find((candidate) => chunkStarts(candidate).length >= 3)!;
    const cache = new ParseCache();
    const before = parseMarkdown(text, cache).tree;
    const after = parseMarkdown(`${text}\nOne more line.\n`, cache).tree;
    assert.equal(after.children[0], before.children[0], 'the first chunk is reused, not parsed again');
  });

  test('chunks start at a block after a blank line that nothing above continues, and at a heading outside an HTML block', () => {
    const text = 'Intro\n\n- one\n\n- two\n\n  more\n\nAfter\n# Heading\ntext\n\n---\n\n<div>\n# inside\n\n2. item\n\n    code\n\n> quote\n';
    assert.deepEqual(chunkStarts(text).map((start) => start.line), [9, 10, 15, 22]);
  });

  test('random edits over the seeds and the corpus (trees after each edit, analyses after the last)', () => {
    fc.assert(
      fc.property(fc.nat({ max: DOCUMENTS.length - 1 }), fc.array(editArbitrary, { minLength: 1, maxLength: 4 }), (index, edits) => {
        const cache = new ParseCache();
        let text = DOCUMENTS[index];
        parseMarkdown(text, cache);
        analyze({ text, layers: LAYERS, parseCache: cache });
        for (const edit of edits) {
          text = applyEdit(text, edit);
          assertSameTree(text, cache, `document ${index} after ${JSON.stringify(edits)}`);
          // Analysed after each edit, as the server does, so that results of unchanged sections are reused.
          analyze({ text, layers: LAYERS, parseCache: cache });
        }
        assertSameAnalysis(text, cache, `document ${index} after ${JSON.stringify(edits)}`);
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  const TRICKY: Record<string, string> = {
    'a fence holding # lines': '# Report\n\nText.\n\n```\n\n# not a heading\n\n```\n\n## Timeline\n\n- 10:00 start\n',
    'a tilde fence with a longer closing fence': '# A\n\n~~~ sh\n\n# no\n~~~~\n\n# B\n',
    'an unclosed fence at the end': '# A\n\ntext\n\n```\ncode\n\n# B\n\nmore\n',
    'a fence inside a list item, broken by a line at column 0': '# A\n\n1. Item\n\n   ```\n   log\n7-09 line\n   ```\n\n# B\n\ntext\n\n# C\n',
    'an HTML comment spanning headings': '# A\n\n<!--\n\n# hidden\n\n-->\n\n# Shown\n\ntext\n',
    'a comment inside an HTML block': '<div>\n<!--\n\n# B\n-->\n\n# C\n',
    'an HTML block runs until a blank line': '# A\n\n<div>\n# not a heading\n</div>\n\n# yes\n',
    '<pre> keeps blank lines': '# A\n\n<pre>\n\n# inside pre\n\n</pre>\n\n# B\n',
    'a setext heading right after a chunk border': '# A\n\nText\n\n# B\nPara\n===\n\nLine\n---\n\n# C\n',
    'front matter with # comments': '---\ntitle: x\n# a yaml comment\n\n# another\n---\n\n# Title\n\n## Summary\n\ntext\n',
    'CRLF line breaks': '# A\r\n\r\ntext\r\n\r\n```\r\n\r\n# no\r\n```\r\n\r\n# B\r\n\r\nmore\r\n',
    'CR line breaks': '# A\r\rtext\r\r# B\r\rmore\r',
    'a byte-order mark': '\uFEFF# Report\n\n## Summary\n\ntext\n\n## Timeline\n\n- 10:00 UTC start\n',
    'link reference definitions in another chunk': '# A\n\nSee [the runbook][rb] and [rb].\n\n# B\n\n[rb]: https://example.com/runbook\n',
    'a footnote defined in another chunk': '# A\n\nText[^1].\n\n# B\n\n[^1]: The note.\n',
    'a definition inside a quote': '# A\n\n> [x]: /url\n\n# B\n\n[x]\n',
    'identical chunks': '# Same\n\nsame text\n\n# Same\n\nsame text\n\n# Same\n\nsame text\n',
    'a tab after the hashes, and an empty heading': '#\tTabbed\n\n#\n\ntext\n\n######\n',
    'indented code and lists before headings': '    # code\n\n# H\n\n- item\n\n  # nested\n\n# I\n\n> quote\n\n# J\n',
    'a table before a heading': '# A\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n# B\n',
    // Chunks also start at any block after a blank line, and at headings without one.
    'a loose list, then a paragraph': 'Intro\n\n- one\n\n- two\n\nAfter.\n\n* three\n*\n\nEnd\n',
    'an ordered list going on after blank lines': 'Intro\n\n1. first\n\n3. third\n\n10) other\n\nText\n',
    'indented continuations of a list item and a footnote': '- item\n\n  more of the item\n\n[^1]: note\n\n    more of the note\n\nText[^1].\n',
    'indented code across blank lines': 'Text\n\n    code\n\n    more code\n\nafter\n\n\tcode\n',
    'quotes apart and a lazy line': '> one\n\n> two\n>\n> three\nlazy\n\nafter\n',
    'setext underlines and thematic breaks after a blank line': 'Para\n\n===\n\nTitle\n---\n\n***\n\n___\n\n---\n\nx\n',
    '--- after a blank line, which opens front matter only at the start': 'Text\n\n---\ntitle: no\n---\n\nmore\n',
    'HTML blocks that end at a blank line': '<div>\n# not a heading\n</div>\n\n<span>\n# inside\n\n# B\n\n<custom-tag>\n\ntext\n',
    'headings with no blank line before them': 'Intro\n# A\n- item\n## B\n| a |\n|---|\n| 1 |\n### C\n> quote\n# D\ntext\n#E\n',
    'link reference definitions on several lines': '[a]: /a\n\nSee [a] and [b].\n\n[b]:\n/b\n"title"\n\n[c]\n# H\n[c]: /c\n',
    'blank lines of spaces and tabs': 'a\n  \n\t\nb\n \n- c\n\t\nd\n',
    'a byte-order mark after a blank line': 'a\n\n\uFEFF# x\n\nb\n',
    'a misread fence that holds several chunks': '1. Item\n\n   ```\n   log\nline\n   ```\n\nA\n\nB\n# C\n\n<!-- x\n\n```\n\nE\n\n-->\n\nF\n',
  };

  for (const [name, text] of Object.entries(TRICKY)) {
    test(`${name}: every single-character edit`, () => {
      const cache = new ParseCache();
      assertSameAnalysis(text, cache, 'as written');
      let current = text;
      for (let at = 0; at <= text.length; at++) {
        for (const insert of ['x', '\n', '#', '`', '']) {
          const edited = text.slice(0, at) + insert + text.slice(insert ? at : at + 1);
          assertSameTree(edited, cache, `${JSON.stringify(edited)}`);
          assertSameAnalysis(edited, cache, `${JSON.stringify(edited)}`);
          current = edited;
        }
      }
      assertSameAnalysis(current, cache, 'after the edits');
    });
  }

  test('a chunk with brackets that name no defined label is parsed once; a label written in another case or spacing still resolves', () => {
    const text = '# Report\n\nSee the [Run  Book] and [^Note].\n\n[run book]: https://example.com/rb\n[^note]: A note.\n\n## Actions\n\n- [ ] ask [run\nbook]\n\n## Other\n\n- [x] done [elsewhere]\n\n## Street\n\nAsk [STRASSE].\n\n## Last\n\n[Straße]: /s\n';
    const cache = new ParseCache();
    const tree = parseMarkdown(text, cache).tree;
    assert.deepEqual(tree, parseMarkdown(text).tree);
    assert.equal(JSON.stringify(tree).split('"linkReference"').length - 1, 3, 'the run book twice and Straße once');
    assertSameTree(text.replace('[elsewhere]', '[elsewhere] [other]'), cache, 'after an edit to the chunk that names no label');
  });

  test('removing a link definition turns its references back into text in every chunk', () => {
    const cache = new ParseCache();
    const text = TRICKY['link reference definitions in another chunk'];
    const linked = parseMarkdown(text, cache).tree;
    assert.ok(JSON.stringify(linked).includes('"linkReference"'));
    const unlinked = parseMarkdown(text.replace('[rb]: https://example.com/runbook\n', ''), cache).tree;
    assert.ok(!JSON.stringify(unlinked).includes('"linkReference"'));
    assertSameTree(text.replace('[rb]: https://example.com/runbook\n', ''), cache, 'without the definition');
  });
});

describe('a fork of a cache (fix-all\'s passes) starts from its parent\'s trees and gives them back unmoved', () => {
  test('random edits parsed by a fork: full-parse trees, the parent\'s tree as it was after, and the fork\'s trees handed over', () => {
    fc.assert(
      fc.property(fc.nat({ max: DOCUMENTS.length - 1 }), fc.array(editArbitrary, { minLength: 1, maxLength: 3 }), (index, edits) => {
        const original = DOCUMENTS[index];
        const parent = new ParseCache();
        const tree = parseMarkdown(original, parent).tree;
        const before = structuredClone(tree);
        const fork = parent.fork();
        let text = original;
        let forked = tree;
        for (const edit of edits) {
          text = applyEdit(text, edit);
          forked = parseMarkdown(text, fork).tree;
          assert.deepEqual(forked, parseMarkdown(text).tree, `fork after ${JSON.stringify(edits)}`);
        }
        fork.restore();
        assert.deepEqual(tree, before, 'the parent\'s tree moved');
        const next = parseMarkdown(text, parent).tree;
        assert.deepEqual(next, parseMarkdown(text).tree, 'the parent parsing the fork\'s text');
        assert.ok(next.children.every((node, at) => node === forked.children[at]), 'the parent parsed again what the fork had parsed');
      }),
      { seed: 11, numRuns: 60 },
    );
  });

  test('the fork reuses the parent\'s trees of chunks an edit did not touch', () => {
    const text = DOCUMENTS.find((candidate) => chunkStarts(candidate).length >= 3)!;
    const parent = new ParseCache();
    const tree = parseMarkdown(text, parent).tree;
    const fork = parent.fork();
    const edited = parseMarkdown(`${text}\nOne more line.\n`, fork).tree;
    assert.equal(edited.children[0], tree.children[0]);
    fork.restore();
  });
});
