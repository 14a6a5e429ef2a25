import { URI, Utils } from 'vscode-uri';
import type { ConfigLayer } from '../analysis/config/config';
import { rcLayersOf, type RcError, type RcLayers } from '../analysis/config/files';
import type { RcFilesParams, RcFilesResult } from './protocol';

/** Where the `.postmortemrc.json` files that apply to a document come from: the disk, or the client. */
export interface RcSource {
  /** Documents with the same key share their rc files; undefined: this source has none for the document. */
  keyOf(documentUri: string): string | undefined;
  /** The rc layers of a document, outermost first; errors name their rc file by uri. */
  load(documentUri: string): Promise<RcLayers>;
}

/** The first source that has a key for a document reads its rc files (the disk for `file:` documents, then the client). */
export function firstSource(sources: readonly RcSource[]): RcSource {
  const sourceOf = (documentUri: string) => {
    for (const [index, source] of sources.entries()) {
      const key = source.keyOf(documentUri);
      if (key !== undefined) return { source, key: `${index}:${key}` };
    }
    return undefined;
  };
  return {
    keyOf: (documentUri) => sourceOf(documentUri)?.key,
    load: (documentUri) => sourceOf(documentUri)?.source.load(documentUri) ?? Promise.resolve({ layers: [], files: [], errors: [] }),
  };
}

/** Asks the client (`postmortem/rcFiles`), which reads through the editor's file systems; for every saved document. */
export function clientRcSource(sendRequest: (params: RcFilesParams) => Promise<RcFilesResult>): RcSource {
  return {
    // The client reads from the document's folder up: documents in one folder share the answer.
    keyOf: (documentUri) => {
      const uri = URI.parse(documentUri);
      return uri.scheme === 'untitled' ? undefined : Utils.dirname(uri).toString();
    },
    load: async (documentUri) => {
      const result = await sendRequest({ uri: documentUri });
      const files = Array.isArray(result?.files) ? result.files : [];
      return rcLayersOf(files.map((found) => ('unreadable' in found ? { file: found.uri, unreadable: found.unreadable } : { file: found.uri, text: found.text })));
    },
  };
}

/**
 * `.postmortemrc.json` layers per folder, read once and kept until a watched rc file changes. A broken rc
 * file gets its errors published as diagnostics in that file; its documents fall back to the defaults.
 */
export class RcFiles {
  private readonly cache = new Map<string, Promise<RcLayers>>();
  private readonly loaded = new Map<string, RcLayers>();
  /** rc files (uris) with published errors, with the errors' JSON (to publish only what changed). */
  private readonly published = new Map<string, string>();

  constructor(
    private readonly source: RcSource,
    private readonly publish: (fileUri: string, errors: RcError[]) => void,
  ) {}

  /** The rc layers for a document, outermost first; none for a document no source reads rc files for. */
  async layersFor(documentUri: string): Promise<ConfigLayer[]> {
    const key = this.source.keyOf(documentUri);
    if (key === undefined) return [];
    let layers = this.cache.get(key);
    if (!layers) {
      layers = this.source.load(documentUri);
      this.cache.set(key, layers);
      layers.then(
        (loaded) => {
          // Read before an invalidation: not kept, the next analysis reads again.
          if (this.cache.get(key) !== layers) return;
          this.loaded.set(key, loaded);
          this.syncErrors();
        },
        // A failed read is not kept either.
        () => this.cache.get(key) === layers && this.cache.delete(key),
      );
    }
    return (await layers).layers;
  }

  /** An rc file was created, changed or deleted: read them all again on the next analysis. */
  invalidate(): void {
    this.cache.clear();
    this.loaded.clear();
    this.syncErrors();
  }

  private syncErrors(): void {
    const byFile = new Map<string, RcError[]>();
    for (const layers of this.loaded.values()) {
      for (const error of layers.errors) {
        const errors = byFile.get(error.file) ?? [];
        // Several folders share an ancestor's rc file: its errors are listed once per cache entry.
        if (!errors.some((known) => known.message === error.message && JSON.stringify(known.range) === JSON.stringify(error.range))) errors.push(error);
        byFile.set(error.file, errors);
      }
    }
    for (const file of this.published.keys()) {
      if (!byFile.has(file)) {
        this.published.delete(file);
        this.publish(file, []);
      }
    }
    for (const [file, errors] of byFile) {
      const json = JSON.stringify(errors);
      if (this.published.get(file) === json) continue;
      this.published.set(file, json);
      this.publish(file, errors);
    }
  }
}
