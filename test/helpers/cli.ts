/** Runs the BUILT `dist/cli.js` as users do, building it first when it is missing. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RULES } from '../../server/src/analysis/rules';

export const ROOT = resolve(__dirname, '../..');
export const CLI = join(ROOT, 'dist', 'cli.js');
/** The CLI's bundle, which `dist/cli.js` runs from its code cache. */
const CLI_CORE = join(ROOT, 'dist', 'cli-core.js');

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds `dist/` when `dist/cli.js` or its bundle is missing. Test files run in parallel processes, so a lock folder makes
 * the others wait for one build instead of reading a bundle while it is being written.
 */
export function ensureBuilt(): void {
  if (existsSync(CLI) && existsSync(CLI_CORE)) return;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const lock = join(ROOT, 'dist', '.cli-test-build.lock');
  try {
    mkdirSync(lock);
  } catch {
    for (let waited = 0; existsSync(lock) && waited < 120_000; waited += 200) sleep(200);
    if (existsSync(CLI) && existsSync(CLI_CORE)) return;
  }
  try {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stderr}`);
  } finally {
    rmdirSync(lock);
  }
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `--rule ID=off` for every rule but these: exact assertions on one rule's output stay true as other rules are added. */
export function onlyRules(...ids: string[]): string[] {
  return RULES.filter((rule) => !ids.includes(rule.meta.id)).flatMap((rule) => ['--rule', `${rule.meta.id}=off`]);
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-lint-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
