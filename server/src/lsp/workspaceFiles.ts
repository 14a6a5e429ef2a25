/**
 * Finding the Markdown files of the workspace folders, for the workspace index. The walk and its exclusions live
 * here; reading a folder or a file goes through {@link WorkspaceFileSystem}, so a server without a disk (the
 * browser build) can supply files through its client instead.
 */
import picomatch from 'picomatch';
import { URI, Utils } from 'vscode-uri';

export interface DirectoryEntry {
  name: string;
  kind: 'file' | 'folder';
}

/** How the server reaches files that are not open in the editor, by uri. */
export interface WorkspaceFileSystem {
  readDirectory(uri: string): Promise<DirectoryEntry[]>;
  /** Rejects when the file cannot be read (gone, not a file). */
  readText(uri: string): Promise<string>;
}

/** A server with no files but the open documents (the browser build, until its client supplies files). */
export const NO_FILES: WorkspaceFileSystem = {
  readDirectory: async () => [],
  readText: (uri) => Promise.reject(new Error(`${uri} is not open`)),
};

export const MARKDOWN_FILE = /\.(md|markdown)$/i;
/** Folders never indexed, as in the CLI: dependencies, git's own, and dot-folders (.github, .vscode, caches). */
const SKIPPED_FOLDER = (name: string) => name === 'node_modules' || name.startsWith('.');

/** Whether a path relative to a folder (with `/`) is excluded; folders are asked about before they are entered. */
export type Exclusion = (relativePath: string, isFolder: boolean) => boolean;

/** `files.exclude` of VS Code: globs relative to the folder, each `true` (or a `{ when }` condition, not followed). */
export function filesExclude(setting: unknown): Exclusion {
  const globs = setting && typeof setting === 'object' ? Object.entries(setting as Record<string, unknown>).filter(([, on]) => on === true).map(([glob]) => glob) : [];
  if (!globs.length) return () => false;
  const match = picomatch(globs, { dot: true });
  return (path) => match(path);
}

/**
 * The patterns of a `.gitignore` in `base` (relative to the walked folder, '' for the folder itself). Negations
 * ("!keep.md") are left out: the index then skips a little more than git would, never less.
 */
export function gitignore(text: string, base: string): Exclusion {
  const folderOnly: string[] = [];
  const any: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(?<!\\)\s+$/, '');
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const isFolder = line.endsWith('/');
    let pattern = isFolder ? line.slice(0, -1) : line;
    // A pattern with a slash before its end is anchored to the .gitignore's folder; otherwise it matches at any depth.
    pattern = pattern.includes('/') ? pattern.replace(/^\//, '') : `**/${pattern}`;
    const full = base ? `${base}/${pattern}` : pattern;
    (isFolder ? folderOnly : any).push(full);
  }
  const matchAny = any.length ? picomatch(any, { dot: true }) : () => false;
  const matchFolder = folderOnly.length ? picomatch(folderOnly, { dot: true }) : () => false;
  return (path, isFolder) => matchAny(path) || (isFolder && matchFolder(path));
}

export function childUri(folder: string, name: string): string {
  return Utils.joinPath(URI.parse(folder), name).toString();
}

/** One spelling per uri (clients differ in what they percent-encode). */
export function normalizeUri(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

/**
 * The Markdown files under `root`, with what `exclude` and the `.gitignore` files on the way leave out. Folders
 * that cannot be read are skipped (they may vanish during the walk).
 */
export async function markdownFiles(files: WorkspaceFileSystem, root: string, exclude: Exclusion): Promise<string[]> {
  const found: string[] = [];
  const walk = async (uri: string, relative: string, excluded: Exclusion[]): Promise<void> => {
    let entries: DirectoryEntry[];
    try {
      entries = await files.readDirectory(uri);
    } catch {
      return;
    }
    const ignore = entries.find((entry) => entry.kind === 'file' && entry.name === '.gitignore');
    const rules = ignore ? [...excluded, gitignore(await files.readText(childUri(uri, ignore.name)).catch(() => ''), relative)] : excluded;
    const isExcluded = (path: string, isFolder: boolean) => rules.some((rule) => rule(path, isFolder));
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.kind === 'folder') {
        if (!SKIPPED_FOLDER(entry.name) && !isExcluded(path, true)) await walk(childUri(uri, entry.name), path, rules);
      } else if (MARKDOWN_FILE.test(entry.name) && !isExcluded(path, false)) {
        found.push(childUri(uri, entry.name));
      }
    }
  };
  await walk(root, '', [exclude]);
  return found;
}

/** Whether a file found by a file event is one the walk would have found: not excluded, not in a skipped or ignored folder. */
export async function isIndexable(files: WorkspaceFileSystem, root: string, relativePath: string, exclude: Exclusion): Promise<boolean> {
  const parts = relativePath.split('/');
  if (!MARKDOWN_FILE.test(relativePath) || parts.slice(0, -1).some(SKIPPED_FOLDER)) return false;
  const rules = [exclude];
  let folder = root;
  for (let depth = 0; depth < parts.length; depth++) {
    const base = parts.slice(0, depth).join('/');
    const text = await files.readText(childUri(folder, '.gitignore')).catch(() => undefined);
    if (text !== undefined) rules.push(gitignore(text, base));
    const path = parts.slice(0, depth + 1).join('/');
    const isFolder = depth < parts.length - 1;
    if (rules.some((rule) => rule(path, isFolder))) return false;
    folder = childUri(folder, parts[depth]);
  }
  return true;
}
