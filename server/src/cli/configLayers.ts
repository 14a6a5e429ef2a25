import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ConfigLayer } from '../analysis/config/config';
import { parseRc, type RcError, type RcLayers } from '../analysis/config/files';
import { loadRcLayers } from '../node/rcFilesOnDisk';
import { displayPath, errorReason } from './discover';

/**
 * The `.postmortemrc.json` files that apply to each file: from the file's folder up to the root of its git
 * repository (the nearest folder holding `.git`), or to the filesystem root outside a repository, then the
 * `--config` file. Read once per folder: a run over a corpus asks for the same folders again and again.
 */
export class CliConfig {
  private readonly byDir = new Map<string, RcLayers>();
  private readonly repoRoots = new Map<string, string | undefined>();
  private readonly reported = new Set<string>();
  /** Messages for stderr about config files that cannot be read or parsed (exit code 2). */
  readonly problems: string[] = [];

  private constructor(private readonly cwd: string, private readonly explicit?: ConfigLayer) {}

  /** Reads `--config FILE` (resolved from the current folder); its problems are reported like an rc file's. */
  static create(cwd: string, configFile?: string): CliConfig {
    if (!configFile) return new CliConfig(cwd);
    const path = resolve(cwd, configFile);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const config = new CliConfig(cwd);
      config.problems.push(`cannot read ${configFile}: ${errorReason(error)}`);
      return config;
    }
    const { layer, errors } = parseRc(path, text);
    const config = new CliConfig(cwd, layer);
    config.report(errors);
    return config;
  }

  /** Configuration layers for a file, least specific first (rc files from the outermost folder down, then `--config`). */
  layersFor(file: string): ConfigLayer[] {
    const dir = dirname(file);
    let rc = this.byDir.get(dir);
    if (!rc) {
      rc = loadRcLayers(dir, this.repoRoot(dir));
      this.byDir.set(dir, rc);
      this.report(rc.errors);
    }
    return this.explicit ? [...rc.layers, this.explicit] : rc.layers;
  }

  /** Every layer read so far (to tell whether a `--template` name is defined in some config file). */
  allLayers(): ConfigLayer[] {
    return [...[...this.byDir.values()].flatMap((rc) => rc.layers), ...(this.explicit ? [this.explicit] : [])];
  }

  private repoRoot(dir: string): string | undefined {
    if (this.repoRoots.has(dir)) return this.repoRoots.get(dir);
    const parent = dirname(dir);
    // `.git` is a folder in a clone and a file in a worktree or submodule.
    const root = existsSync(join(dir, '.git')) ? dir : parent === dir ? undefined : this.repoRoot(parent);
    this.repoRoots.set(dir, root);
    return root;
  }

  private report(errors: RcError[]): void {
    for (const error of errors) {
      const message = `${displayPath(error.file, this.cwd)}:${error.range.start.line + 1}:${error.range.start.character + 1}: ${error.message}`;
      if (this.reported.has(message)) continue;
      this.reported.add(message);
      this.problems.push(message);
    }
  }
}
