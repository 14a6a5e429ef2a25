/**
 * The caches the analysis keeps between keystrokes stay within their bounds while a writer types, and keep what
 * every keystroke reads again (the blocks of the document that did not change).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoundedCache, withCacheScope } from '../../server/src/analysis/util/boundedCache';

const paragraph = 'The deploy at 14:05 UTC raised the error rate of the checkout service to 12% for twenty minutes. '.repeat(5);

/** A paragraph after `count` keystrokes, each adding a character at a place of its own. */
function typed(count: number): string {
  const at = (count * 37) % paragraph.length;
  return `${paragraph.slice(0, at)}${'x'.repeat(count)}${paragraph.slice(at)}`;
}

test('typing into a paragraph keeps the cache within its characters of keys, however many versions pass', () => {
  const cache = new BoundedCache<string, number>(50_000, 20_000);
  for (let keystroke = 1; keystroke <= 2_000; keystroke++) cache.get(typed(keystroke), (text) => text.length);
  const { entries, keyCharacters } = cache.size;
  assert.ok(keyCharacters <= 20_000, `${keyCharacters} characters of keys kept`);
  assert.ok(entries < 50, `${entries} entries kept for 2,000 versions`);
});

test('the number of entries is bounded too', () => {
  const cache = new BoundedCache<number, number>(3);
  for (let key = 0; key < 10; key++) cache.get(key, (value) => value);
  assert.equal(cache.size.entries, 3);
});

test('what every keystroke reads again stays cached while typed versions come and go', () => {
  const cache = new BoundedCache<string, string>(50_000, 5_000);
  const unchanged = 'Timeline (all times UTC)';
  let computed = 0;
  const read = (text: string) => cache.get(text, (own) => (computed++, own.toUpperCase()));
  read(unchanged);
  for (let keystroke = 1; keystroke <= 500; keystroke++) {
    read(typed(keystroke));
    read(unchanged);
  }
  assert.equal(computed, 501, 'the unchanged heading is computed once, each typed version once');
});

test('the least recently used entry is forgotten first, however often the others were read', () => {
  const cache = new BoundedCache<string, string>(3);
  const computed: string[] = [];
  const read = (key: string) => cache.get(key, (own) => (computed.push(own), own.toUpperCase()));
  for (const key of ['a', 'b', 'c', 'a', 'c', 'a', 'd']) read(key);
  assert.deepEqual(computed, ['a', 'b', 'c', 'd'], 'hits are not computed again');
  assert.equal(cache.size.entries, 3);
  // "b" was used least recently: "d" took its place, and "a" and "c" are still there.
  for (const key of ['a', 'c', 'd']) read(key);
  assert.deepEqual(computed, ['a', 'b', 'c', 'd']);
  assert.equal(read('b'), 'B');
  assert.deepEqual(computed, ['a', 'b', 'c', 'd', 'b']);
  // Reading "b" forgot "a", the least recently used of a, c, d.
  read('c');
  read('a');
  assert.deepEqual(computed, ['a', 'b', 'c', 'd', 'b', 'a']);
});

test('a bound in characters forgets as many of the least recently used entries as a long key needs', () => {
  const cache = new BoundedCache<string, number>(100, 3 * (32 + 10));
  const computed: string[] = [];
  const read = (key: string) => cache.get(key, (own) => (computed.push(own), own.length));
  for (const key of ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc']) read(key);
  read('aaaaaaaaaa');
  read('x'.repeat(40));
  // 32 + 40 characters of weight need two places: "b" and "c" go, "a" was used since.
  assert.deepEqual(cache.size, { entries: 2, keyCharacters: 32 + 10 + 32 + 40 });
  read('aaaaaaaaaa');
  assert.equal(computed.filter((key) => key === 'aaaaaaaaaa').length, 1);
});

test("a document's analysis forgets what its previous one added and nobody read since: the block before the keystroke", () => {
  const cache = new BoundedCache<string, string>(50_000);
  const document = {};
  const unchanged = ['# Outage', '## Timeline', '- 10:00 UTC alert fired'];
  let computed = 0;
  const analyse = (edited: string) =>
    withCacheScope(document, () => [...unchanged, edited].map((block) => cache.get(block, (own) => (computed++, own.toUpperCase()))));
  analyse(paragraph);
  for (let keystroke = 1; keystroke <= 500; keystroke++) {
    analyse(typed(keystroke));
    analyse(paragraph);
  }
  assert.equal(cache.size.entries, unchanged.length + 1, 'the unchanged blocks and the paragraph as it is now');
  assert.equal(computed, unchanged.length + 1 + 1_000, 'the unchanged blocks once; the paragraph again after each keystroke that left it');
});

test('what another document read since is kept, and so is everything outside a scope', () => {
  const cache = new BoundedCache<string, string>(50_000);
  const [first, second] = [{}, {}];
  const read = (key: string) => cache.get(key, (own) => own.toUpperCase());
  withCacheScope(first, () => ['shared', 'only in the first'].map(read));
  withCacheScope(second, () => read('shared'));
  withCacheScope(first, () => read('edited'));
  assert.equal(cache.size.entries, 2, '"shared" (the second document read it) and "edited"');
  read('no scope');
  withCacheScope(undefined, () => read('the CLI'));
  withCacheScope(first, () => read('edited'));
  assert.equal(cache.size.entries, 4);
});
