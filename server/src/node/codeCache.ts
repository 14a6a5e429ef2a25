/**
 * Runs a CommonJS bundle through a V8 code cache, as Node 22's `module.enableCompileCache()` does for CLIs (tsc
 * uses that): the functions a run compiled are stored, and the next run starts with their bytecode instead of
 * parsing and compiling the bundle again. Node 20 has no such switch, so the cache is kept here with `vm.Script`.
 * Anything wrong with the cache (missing, unreadable, from another Node or bundle, unwritable folder, a folder another
 * user owns or can write to) only costs the compile it would have saved. `NODE_DISABLE_COMPILE_CACHE=1` turns it off, as it does Node's own.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

type CommonJsWrapper = (exports: object, require: NodeRequire, module: { exports: object }, filename: string, dirname: string) => void;

/** Caches kept in the folder: each build of the bundle (and each Node version) writes its own, so old ones are removed. */
export const KEPT_CACHES = 8;

/** The user's own folder of caches in the temporary folder (which other users share on Linux and macOS). */
export function codeCacheFolder(): string {
  const user = process.getuid?.();
  return join(tmpdir(), user === undefined ? 'postmortem-lint-code-cache' : `postmortem-lint-code-cache-${user}`);
}

/**
 * Whether the folder can be trusted with code: it belongs to this user and nobody else can write to it. A cache is
 * compiled code; one planted by another user of a shared temporary folder would run as this one.
 */
export function isPrivateFolder(folder: string): boolean {
  if (process.getuid === undefined) return true;
  try {
    const stat = statSync(folder);
    return stat.isDirectory() && stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** Where the cache of a bundle is kept: one file per bundle content, Node version and architecture. */
function codeCachePath(source: string): string {
  const key = createHash('sha256').update(`${process.version} ${process.arch}\n`).update(source).digest('hex').slice(0, 24);
  return join(codeCacheFolder(), `${key}.bin`);
}

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Removes all but the most recently written caches of the folder. */
function pruneCaches(folder: string): void {
  const caches = readdirSync(folder)
    .filter((name) => name.endsWith('.bin'))
    .map((name) => ({ path: join(folder, name), written: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const old of caches.slice(KEPT_CACHES)) rmSync(old.path, { force: true });
}

/** Writes beside the cache and renames, so that a run reading it at the same moment sees a whole file or none. */
function writeCache(path: string, data: Buffer): void {
  const partial = `${path}.${process.pid}.partial`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (!isPrivateFolder(dirname(path))) return;
    writeFileSync(partial, data);
    renameSync(partial, path);
    pruneCaches(dirname(path));
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // The folder is not there to hold it either.
    }
  }
}

/** Runs `file` as `require` would, compiled from its code cache when there is a usable one; writes one at exit when not. */
export function runWithCodeCache(file: string, env: NodeJS.ProcessEnv = process.env): void {
  const source = readFileSync(file, 'utf8');
  const enabled = !env.NODE_DISABLE_COMPILE_CACHE;
  const cachePath = enabled ? codeCachePath(source) : undefined;
  const cachedData = cachePath && isPrivateFolder(dirname(cachePath)) ? readCache(cachePath) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  if (cachePath && (!cachedData || script.cachedDataRejected)) {
    // At exit the cache holds every function the run compiled, not only the bundle's top level.
    process.once('exit', () => writeCache(cachePath, script.createCachedData()));
  }
  const module = { exports: {} };
  (script.runInThisContext() as CommonJsWrapper).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
}
