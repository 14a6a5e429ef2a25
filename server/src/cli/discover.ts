import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

/** A file to check, from the command line's files, folders and globs. */
export interface Target {
  /** Absolute path. */
  path: string;
  /** Named on the command line: always analysed, postmortem or not. */
  explicit: boolean;
}

/** A path the CLI could not read (exit code 2; the other files are still checked). */
interface ReadError {
  path: string;
  reason: string;
}

const MARKDOWN = /\.(md|markdown)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** How the CLI names a file: relative to the current folder with `/`, or absolute when outside it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  if (!rel) return '.';
  if (rel.startsWith('..') || isAbsolute(rel)) return path;
  return rel.split(sep).join('/');
}

/** The short reason of a file-system error ("no such file or directory"), without Node's code and path. */
export function errorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^[A-Z]+: ([^,]+)/.exec(message);
  return match ? match[1] : message;
}

function isSkippedFolder(name: string): boolean {
  return SKIPPED_FOLDERS.has(name) || name.startsWith('.');
}

/**
 * Markdown files below `dir`, sorted, as paths relative to it (with `/`). Symbolic links to folders are
 * not followed (a link back up would loop); links to files are.
 */
function walk(dir: string, errors: ReadError[], prefix = ''): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    errors.push({ path: dir, reason: errorReason(error) });
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!isSkippedFolder(entry.name)) files.push(...walk(path, errors, `${prefix}${entry.name}/`));
    } else if (MARKDOWN.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && isFile(path)))) {
      files.push(`${prefix}${entry.name}`);
    }
  }
  return files;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Globs use `/`; a backslash is an escape character, except in a Windows path. */
function toGlobSyntax(pattern: string): string {
  return sep === '\\' ? pattern.replace(/\\/g, '/') : pattern;
}

/** Markdown files a glob matches, walking from the glob's fixed base folder. */
function expandGlob(pattern: string, cwd: string, errors: ReadError[]): string[] {
  const { base, glob } = picomatch.scan(toGlobSyntax(pattern));
  const root = resolve(cwd, base || '.');
  let reason: string | undefined;
  try {
    if (!statSync(root).isDirectory()) reason = 'not a directory';
  } catch (error) {
    reason = errorReason(error);
  }
  if (reason) {
    errors.push({ path: base || '.', reason });
    return [];
  }
  const matches = picomatch(glob);
  const files = walk(root, errors).filter((file) => matches(file)).map((file) => join(root, file));
  if (!files.length) errors.push({ path: pattern, reason: 'no Markdown file matches this pattern' });
  return files;
}

/**
 * Turns the command line's files, folders and globs into the files to check, in the order given, each once.
 * A path named on the command line (even a non-Markdown one) is explicit; files found in folders and by globs are not.
 */
export function discoverTargets(args: readonly string[], cwd: string): { targets: Target[]; problems: string[] } {
  const targets = new Map<string, Target>();
  const errors: ReadError[] = [];
  const add = (path: string, explicit: boolean) => {
    const known = targets.get(path);
    if (known) known.explicit ||= explicit;
    else targets.set(path, { path, explicit });
  };
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      // Not an existing path: a glob, or a file that cannot be read.
      if (picomatch.scan(toGlobSyntax(arg)).isGlob) {
        for (const file of expandGlob(arg, cwd, errors)) add(file, false);
      } else {
        errors.push({ path: arg, reason: errorReason(error) });
      }
      continue;
    }
    if (stats.isDirectory()) for (const file of walk(path, errors)) add(join(path, file), false);
    else if (stats.isFile()) add(path, true);
    // A pipe or a device would block the read or never end.
    else errors.push({ path: arg, reason: 'not a regular file' });
  }
  const problems = errors.map(({ path, reason }) => `cannot read ${isAbsolute(path) ? displayPath(path, cwd) : path}: ${reason}`);
  return { targets: [...targets.values()], problems };
}
