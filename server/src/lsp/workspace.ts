import { relative, sep } from 'node:path';
import { URI } from 'vscode-uri';

/** The file path of a `file:` uri; undefined for untitled documents and virtual file systems. */
export function filePathOf(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

export function fileUri(path: string): string {
  return URI.file(path).toString();
}

/** Markdown documents only; a client that sends no language id is judged by the file name. */
export function isMarkdownDocument(languageId: string | undefined, uri: string): boolean {
  if (languageId === 'markdown') return true;
  return !languageId && /\.(md|markdown)$/i.test(uri);
}

/** The workspace folders (multi-root: each document belongs to the innermost folder that holds it). */
export class WorkspaceFolders {
  private folders: string[] = [];

  set(uris: readonly string[]): void {
    this.folders = uris.map(filePathOf).filter((path): path is string => Boolean(path));
  }

  add(uris: readonly string[]): void {
    this.set([...this.folders.map(fileUri), ...uris]);
  }

  remove(uris: readonly string[]): void {
    const gone = new Set(uris.map(filePathOf));
    this.folders = this.folders.filter((folder) => !gone.has(folder));
  }

  uris(): string[] {
    return this.folders.map(fileUri);
  }

  folderOf(path: string): string | undefined {
    return this.folders
      .filter((folder) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep))
      .sort((a, b) => b.length - a.length)[0];
  }

  /** The path the `files` globs are matched against: relative to the folder, with `/` separators. */
  relativePath(path: string): string | undefined {
    const folder = this.folderOf(path);
    return folder === undefined ? undefined : relative(folder, path).split(sep).join('/');
  }
}
