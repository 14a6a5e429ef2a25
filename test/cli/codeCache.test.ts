/**
 * The CLI starts from a V8 code cache (server/src/node/codeCache.ts): the first run writes it, later runs read it,
 * and whatever is wrong with it (corrupt, unwritable, turned off) changes nothing a user sees.
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import { codeCacheFolder, isPrivateFolder, KEPT_CACHES } from '../../server/src/node/codeCache';
import { ensureBuilt, ROOT, runCli, tempDir } from '../helpers/cli';

// The user's own folder in the temporary folder (the test's TMPDIR), as codeCacheFolder() names it.
const CACHE_FOLDER = basename(codeCacheFolder());
const args = ['--format', 'json', '--today', '2026-12-03', join(ROOT, '../shared/seeds')];
let temp: ReturnType<typeof tempDir>;
let expected: { status: number | null; stdout: string };

before(() => {
  ensureBuilt();
  temp = tempDir();
  const plain = runCli(args, { env: { NODE_DISABLE_COMPILE_CACHE: '1', TMPDIR: temp.dir } });
  assert.equal(plain.stderr, '');
  assert.ok(plain.stdout.includes('"diagnostics"'), plain.stdout);
  expected = { status: plain.status, stdout: plain.stdout };
});
after(() => temp.remove());

const cacheFiles = (tmp: string) => (existsSync(join(tmp, CACHE_FOLDER)) ? readdirSync(join(tmp, CACHE_FOLDER)).map((name) => join(tmp, CACHE_FOLDER, name)) : []);

function checkWith(tmp: string, env: Record<string, string> = {}): void {
  const run = runCli(args, { env: { TMPDIR: tmp, ...env } });
  assert.equal(run.stderr, '');
  assert.deepEqual({ status: run.status, stdout: run.stdout }, expected);
}

test('NODE_DISABLE_COMPILE_CACHE=1 writes no cache', () => {
  assert.deepEqual(cacheFiles(temp.dir), []);
});

test('the first run writes the cache, the next reads it and leaves it as it is', () => {
  const tmp = join(temp.dir, 'fresh');
  checkWith(temp.dir, { TMPDIR: tmp });
  const [cache, ...others] = cacheFiles(tmp);
  assert.ok(cache && others.length === 0, `one cache file: ${cacheFiles(tmp)}`);
  assert.ok(statSync(cache).size > 100_000, 'the cache holds the functions the run compiled, not only the top level');
  const written = statSync(cache).ino;
  checkWith(tmp);
  assert.equal(statSync(cache).ino, written, 'a cache V8 accepted is not written again (a write renames a new file over it)');
});

test('a corrupt cache gives the same output, and a good cache replaces it', () => {
  const tmp = join(temp.dir, 'corrupt');
  checkWith(tmp);
  const [cache] = cacheFiles(tmp);
  writeFileSync(cache, 'not a V8 code cache');
  checkWith(tmp);
  assert.ok(statSync(cache).size > 100_000, 'the cache was written again');
});

test('a cache folder others can write to is not written to (a planted cache would run as this user; reading is checked below)', { skip: process.getuid === undefined }, () => {
  const tmp = join(temp.dir, 'shared');
  checkWith(tmp);
  const [cache] = cacheFiles(tmp);
  assert.equal(statSync(join(tmp, CACHE_FOLDER)).mode & 0o777, 0o700, 'the folder is created for this user alone');
  chmodSync(join(tmp, CACHE_FOLDER), 0o777);
  writeFileSync(cache, 'not a V8 code cache');
  checkWith(tmp);
  assert.equal(readFileSync(cache, 'utf8'), 'not a V8 code cache', 'the cache in a folder others can write to was not replaced');
  chmodSync(join(tmp, CACHE_FOLDER), 0o700);
  checkWith(tmp);
  assert.ok(statSync(cache).size > 100_000, 'in the user\'s own folder it is replaced');
});

test('only a folder of this user that nobody else can write to is trusted with caches, for reading as for writing', { skip: process.getuid === undefined }, () => {
  const folder = join(temp.dir, 'trust');
  assert.equal(isPrivateFolder(folder), false, 'a missing folder');
  mkdirSync(folder, { mode: 0o700 });
  assert.equal(isPrivateFolder(folder), true);
  for (const mode of [0o770, 0o757, 0o777]) {
    chmodSync(folder, mode);
    assert.equal(isPrivateFolder(folder), false, mode.toString(8));
  }
  const file = join(temp.dir, 'a-file');
  writeFileSync(file, '', { mode: 0o700 });
  assert.equal(isPrivateFolder(file), false, 'a file');
});

test('a cache folder that cannot be created changes nothing', () => {
  const blocked = join(temp.dir, 'blocked');
  writeFileSync(blocked, 'a file where the temporary folder should be');
  checkWith(blocked);
});

test('a new cache removes all but the most recent ones (each build writes its own)', () => {
  const tmp = join(temp.dir, 'many');
  const folder = join(tmp, CACHE_FOLDER);
  mkdirSync(folder, { recursive: true });
  const old = Array.from({ length: KEPT_CACHES + 2 }, (_, index) => join(folder, `old-build-${index}.bin`));
  old.forEach((path, index) => {
    writeFileSync(path, 'a cache of an earlier build');
    const written = new Date(Date.now() - (index + 1) * 60_000);
    utimesSync(path, written, written);
  });
  checkWith(tmp);
  const kept = cacheFiles(tmp);
  assert.equal(kept.length, KEPT_CACHES);
  assert.deepEqual(kept.filter((path) => !old.includes(path)).length, 1, 'the new cache is kept');
  assert.deepEqual(old.filter((path) => kept.includes(path)), old.slice(0, KEPT_CACHES - 1), 'the most recent earlier ones are kept');
});
