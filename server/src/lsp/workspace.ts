import { URI } from 'vscode-uri';

/** The file path of a `file:` uri; undefined for untitled documents and virtual file systems. */
export function filePathOf(uri: string): string | undefined {
  const parsed = parseUri(uri);
  return parsed?.scheme === 'file' ? parsed.fsPath : undefined;
}

export function fileUri(path: string): string {
  return URI.file(path).toString();
}

function parseUri(uri: string): URI | undefined {
  try {
    return URI.parse(uri);
  } catch {
    return undefined;
  }
}

/** Markdown documents only; a client that sends no language id is judged by the file name. */
export function isMarkdownDocument(languageId: string | undefined, uri: string): boolean {
  if (languageId === 'markdown') return true;
  return !languageId && /\.(md|markdown)$/i.test(uri);
}

/** A folder's uri without a trailing slash: the key folders are compared and removed by. */
function folderKey(uri: URI): string {
  return uri.with({ path: uri.path.replace(/\/+$/, '') }).toString();
}

/**
 * The workspace folders (multi-root: each document belongs to the innermost folder that holds it). Compared by uri,
 * so folders of virtual file systems (github.dev, vscode.dev) count as well as folders on disk.
 */
export class WorkspaceFolders {
  private folders = new Map<string, URI>();

  set(uris: readonly string[]): void {
    this.folders.clear();
    this.add(uris);
  }

  add(uris: readonly string[]): void {
    for (const uri of uris.map(parseUri)) if (uri) this.folders.set(folderKey(uri), uri.with({ path: uri.path.replace(/\/+$/, '') }));
  }

  remove(uris: readonly string[]): void {
    for (const uri of uris.map(parseUri)) if (uri) this.folders.delete(folderKey(uri));
  }

  /** Every folder, as a uri. */
  uris(): string[] {
    return [...this.folders.values()].map((folder) => folder.toString());
  }

  /** The innermost folder holding a document, as a uri. */
  folderOf(documentUri: string): string | undefined {
    return this.innermost(documentUri)?.folder.toString();
  }

  /** The path the `files` globs are matched against: relative to the folder, with `/` separators. */
  relativePath(documentUri: string): string | undefined {
    return this.innermost(documentUri)?.relativePath;
  }

  private innermost(documentUri: string): { folder: URI; relativePath: string } | undefined {
    const document = parseUri(documentUri);
    if (!document) return undefined;
    let best: { folder: URI; relativePath: string } | undefined;
    for (const folder of this.folders.values()) {
      if (folder.scheme !== document.scheme || folder.authority !== document.authority) continue;
      if (!document.path.startsWith(`${folder.path}/`) || (best && best.folder.path.length >= folder.path.length)) continue;
      best = { folder, relativePath: document.path.slice(folder.path.length + 1) };
    }
    return best;
  }
}
