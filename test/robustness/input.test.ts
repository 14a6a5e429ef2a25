/**
 * Input the parser would choke on is reported, not analysed: lists or quotes nested thousands deep, paragraphs
 * with thousands of emphasis or link markers, tables with thousands of rows. Inputs just inside the limits are
 * analysed. Front matter with many YAML aliases is refused (resolving them takes quadratic time).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { MAX_INLINE_MARKERS, MAX_NESTING, MAX_TABLE_ROWS } from '../../server/src/analysis/parsing/complexity';

const LAYERS = [{ detection: 'always' as const }];
const skippedBecause = (text: string) => analyze({ text, layers: LAYERS }).skipped;
const table = (rows: number) => `## Timeline\n\n| Time | Event |\n|---|---|\n${Array.from({ length: rows }, (_, index) => `| 10:${String(index % 60).padStart(2, '0')} | event ${index} |`).join('\n')}\n`;

describe('input too complex to parse quickly', () => {
  test('lists and quotes nested 10 000 deep, by markers or by indentation', () => {
    const nested = 'This file is too complex to check quickly: it nests lists or quotes more than 100 levels deep. Postmortem Writer does not check it.';
    assert.equal(skippedBecause(`# Postmortem\n\n${'- '.repeat(10_000)}deep\n`), nested);
    assert.equal(skippedBecause(`# Postmortem\n\n${'> '.repeat(10_000)}deep\n`), nested);
    assert.equal(skippedBecause(`# Postmortem\n\n${'1. > * '.repeat(40)}deep\n`), nested);
    assert.equal(skippedBecause(`${' '.repeat(2 * MAX_NESTING + 2)}- deep\n`), nested);
  });

  test('a paragraph with thousands of emphasis or link markers; a table with thousands of rows', () => {
    assert.match(skippedBecause(`# Postmortem\n\n${'*a'.repeat(MAX_INLINE_MARKERS)}*\n`) ?? '', /one of its paragraphs holds more than 2000 emphasis or link markers/);
    assert.match(skippedBecause(`# Postmortem\n\n${'!['.repeat(1_500)}x${'](y)'.repeat(1_500)}\n`) ?? '', /emphasis or link markers/);
    assert.match(skippedBecause(table(MAX_TABLE_ROWS + 1)) ?? '', /one of its tables has more than 2000 rows/);
  });

  test('just inside the limits, the text is analysed', () => {
    const cases = [
      `# Postmortem\n\n${'- '.repeat(MAX_NESTING - 1)}deep\n`,
      // A long task list: every item is a paragraph of its own, so its markers do not add up.
      `# Postmortem\n\n## Action Items\n\n${Array.from({ length: 3000 }, (_, index) => `- [ ] Task ${index} (owner: @ana)`).join('\n')}\n`,
      table(200),
    ];
    for (const text of cases) {
      const result = analyze({ text, layers: LAYERS });
      assert.equal(result.skipped, undefined, text.slice(0, 80));
      assert.deepEqual(result.failures, []);
    }
  });

  test('front matter with more than 16 YAML aliases is not read; the rest of the report is', () => {
    const aliases = Array.from({ length: 100 }, (_, index) => `key${index}: &a${index} [*a0, *a0]`).join('\n');
    const result = analyze({ text: `---\nanchor: &a0 x\n${aliases}\n---\n# Postmortem\n\n## Summary\n\nText.\n`, layers: LAYERS });
    assert.equal(result.document?.frontMatter?.error, 'The front matter uses more than 16 YAML aliases (*name), so it is not read.');
    assert.deepEqual(result.document?.sections.map((section) => section.title), ['Postmortem', 'Summary']);
  });
});

describe('postmortem.maxFileSize counts UTF-8 bytes, as on disk', () => {
  const sizeOf = (text: string, maxFileSize: number) => analyze({ text, layers: [{ detection: 'always' as const, maxFileSize }] }).skipped;
  const tooLarge = /^This file is larger than .+ \(postmortem\.maxFileSize\)/;

  test('two-, three- and four-byte characters (a surrogate pair) count their bytes, not their UTF-16 units', () => {
    // 36 characters, 2 + 3 + 4 bytes each per group of three: 108 bytes in 48 UTF-16 units.
    const text = 'é€😀'.repeat(12);
    assert.equal(Buffer.byteLength(text), 108);
    assert.match(sizeOf(text, 107) ?? '', tooLarge);
    assert.equal(sizeOf(text, 108), undefined);
  });

  test('a text of three-byte characters one byte over the limit is too large (the shortest text that can be)', () => {
    const text = '€'.repeat(40);
    assert.match(sizeOf(text, 119) ?? '', tooLarge);
    assert.equal(sizeOf(text, 120), undefined);
  });

  test('a lone surrogate counts three bytes (the replacement character it is written as)', () => {
    const text = `# Postmortem ${'\ud800'.repeat(40)}`;
    assert.equal(Buffer.byteLength(text), 13 + 120);
    assert.match(sizeOf(text, 132) ?? '', tooLarge);
    assert.equal(sizeOf(text, 133), undefined);
  });
});
