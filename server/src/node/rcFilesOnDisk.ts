import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RC_FILE, rcLayersOf, type RcFileContent, type RcLayers } from '../analysis/config/files';
import type { RcSource } from '../lsp/rcFiles';
import { filePathOf, fileUri, type WorkspaceFolders } from '../lsp/workspace';

/** Finds `.postmortemrc.json` files from `startDir` up to `stopDir` (or the filesystem root), nearest last. */
export function loadRcLayers(startDir: string, stopDir?: string, read: (file: string) => string = (file) => readFileSync(file, 'utf8')): RcLayers {
  const found: string[] = [];
  const stop = stopDir ? resolve(stopDir) : undefined;
  for (let dir = resolve(startDir); ; dir = dirname(dir)) {
    const file = join(dir, RC_FILE);
    if (existsSync(file)) found.push(file);
    if (dir === stop || dirname(dir) === dir) break;
  }
  return rcLayersOf(
    found.reverse().map((file): RcFileContent => {
      try {
        return { file, text: read(file) };
      } catch (error) {
        return { file, unreadable: (error as Error).message };
      }
    }),
  );
}

/** The language server's rc files of `file:` documents: read from disk, up to the document's workspace folder. */
export function diskRcSource(folders: WorkspaceFolders): RcSource {
  const placeOf = (documentUri: string) => {
    const path = filePathOf(documentUri);
    if (path === undefined) return undefined;
    const folder = folders.folderOf(documentUri);
    return { dir: dirname(path), stopDir: folder === undefined ? undefined : filePathOf(folder) };
  };
  return {
    keyOf: (documentUri) => {
      const place = placeOf(documentUri);
      return place && `${place.dir}\u0000${place.stopDir ?? ''}`;
    },
    load: async (documentUri) => {
      const place = placeOf(documentUri);
      if (!place) return { layers: [], files: [], errors: [] };
      const rc = loadRcLayers(place.dir, place.stopDir);
      return { ...rc, files: rc.files.map(fileUri), errors: rc.errors.map((error) => ({ ...error, file: fileUri(error.file) })) };
    },
  };
}
