import { loadRcLayers, type RcError, type RcLayers } from '../analysis/config/files';

/**
 * `.postmortemrc.json` layers per folder, read once and kept until a watched rc file changes. A broken rc
 * file gets its errors published as diagnostics in that file; its documents fall back to the defaults.
 */
export class RcFiles {
  private readonly cache = new Map<string, RcLayers>();
  /** rc files with published errors, with the errors' JSON (to publish only what changed). */
  private readonly published = new Map<string, string>();

  constructor(private readonly publish: (file: string, errors: RcError[]) => void) {}

  /** The rc layers for a document in `dir`, looking up to `stopDir` (its workspace folder) or the root. */
  layersFor(dir: string, stopDir?: string): RcLayers {
    const key = `${dir}\u0000${stopDir ?? ''}`;
    let layers = this.cache.get(key);
    if (!layers) {
      layers = loadRcLayers(dir, stopDir);
      this.cache.set(key, layers);
      this.syncErrors();
    }
    return layers;
  }

  /** An rc file was created, changed or deleted: read them all again on the next analysis. */
  invalidate(): void {
    this.cache.clear();
    this.syncErrors();
  }

  private syncErrors(): void {
    const byFile = new Map<string, RcError[]>();
    for (const layers of this.cache.values()) {
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
