/**
 * A parse enables only the GFM constructs its text can hold (parsing/parseTree.ts). The tree must be the one full GFM
 * gives, positions included: compared with remark-parse and every GFM extension (in remark-gfm's order) on the seeds
 * and the corpus, on texts where a construct hides behind an escape or a character reference, and on random texts
 * made of the characters the constructs start with.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { gfmConstructsIn, parseTree } from '../../server/src/analysis/parsing/parseTree';
import { corpus, seeds } from '../helpers/corpus';

const fullGfm = unified()
  .use(remarkParse)
  .use(function gfm() {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(gfmAutolinkLiteral(), gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
    (data.fromMarkdownExtensions ??= []).push(
      gfmAutolinkLiteralFromMarkdown(),
      gfmFootnoteFromMarkdown(),
      gfmStrikethroughFromMarkdown(),
      gfmTableFromMarkdown(),
      gfmTaskListItemFromMarkdown(),
    );
  })
  .use(remarkFrontmatter, ['yaml']);

function assertFullGfmTree(text: string): void {
  assert.deepEqual(parseTree(text), fullGfm.parse(text) as Root, JSON.stringify(text));
}

describe('a parse enables only the GFM constructs its text can hold', () => {
  test('reads which constructs a text can hold from the characters they need', () => {
    assert.deepEqual(gfmConstructsIn('Plain prose: @alice restarted db-1 at 10:05.'), { urlLiterals: false, emailLiterals: false, tables: false, footnotes: false, strikethrough: false });
    assert.deepEqual(gfmConstructsIn('See https://status.example.com, mail oncall@example.com.'), { urlLiterals: true, emailLiterals: true, tables: false, footnotes: false, strikethrough: false });
    assert.deepEqual(gfmConstructsIn('| a |\n| - |\n\n~~no~~ [^1]'), { urlLiterals: false, emailLiterals: false, tables: true, footnotes: true, strikethrough: true });
  });

  test('every seed and corpus report parses to the tree full GFM gives', () => {
    for (const document of [...seeds(), ...corpus()]) assertFullGfmTree(document.text.replace(/^\uFEFF/, ''));
  });

  test('constructs behind escapes, character references, capitals and one-column tables', () => {
    const texts = [
      'Mail oncall&#64;example.com now',
      'Mail oncall&commat;example.com now',
      'Open https:&#x2F;&#x2F;status.example.com',
      'Open www\\.example.com and oncall\\@example.com',
      'Open WWW.EXAMPLE.COM or HTTPS://EXAMPLE.COM/a?b',
      'Write to a@.bc',
      'Write to mailto:a@b.co or xmpp:a@b.co/r',
      'Owner\n:-',
      'Owner\n-:',
      'Owner\n:-:\nalice',
      'A note[^1].\n\n[^1]: The note.',
      '~one~ and ~~two~~',
      '- [x] done\n- [ ] open',
    ];
    for (const text of texts) assertFullGfmTree(text);
  });

  test('random texts of the characters GFM constructs start with', () => {
    const pieces = ['a', 'w', 'W', 'h', 't', 'p', 's', 'x', '1', '.', '@', ':', '/', '-', '_', '+', '|', '~', '[', ']', '^', '\\', '&', '#', ';', ' ', '\n', '\n\n', 'www', 'http', '://', '&#64;', '- [ ] ', '| a |\n| - |\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => assertFullGfmTree(parts.join(''))),
      { seed: 11, numRuns: 2000 },
    );
  });
});
