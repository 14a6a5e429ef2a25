/** The workspace's files on the local disk: what the Node server reads for the workspace index. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DirectoryEntry, WorkspaceFileSystem } from '../lsp/workspaceFiles';
import { filePathOf } from '../lsp/workspace';

function pathOf(uri: string): string {
  const path = filePathOf(uri);
  if (!path) throw new Error(`Not a file on disk: ${uri}`);
  return path;
}

export const nodeFileSystem: WorkspaceFileSystem = {
  async readDirectory(uri) {
    const dir = pathOf(uri);
    const entries: DirectoryEntry[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      // Links to folders are not followed (a link back up would loop); links to files are.
      if (entry.isDirectory()) entries.push({ name: entry.name, kind: 'folder' });
      else if (entry.isFile() || (entry.isSymbolicLink() && (await stat(join(dir, entry.name)).then((found) => found.isFile(), () => false)))) entries.push({ name: entry.name, kind: 'file' });
    }
    return entries;
  },
  readText: (uri) => readFile(pathOf(uri), 'utf8'),
};
