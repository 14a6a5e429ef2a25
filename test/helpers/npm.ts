/** Runs npm, npx or a package's command as a nested npm would: from the user's npm configuration, not from the run of
 * the `npm test` around it (`forget_outer_npm_run`, test/e2e/nestedNpm.sh). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './cli';

export const NESTED_NPM_SCRIPT = join(ROOT, 'test/e2e/nestedNpm.sh');

/** `[file, args]` for `spawn`/`spawnSync`: COMMAND run after `forget_outer_npm_run`. */
export function nested(command: readonly string[]): [string, string[]] {
  return ['bash', ['-c', 'source "$0" && forget_outer_npm_run && exec "$@"', NESTED_NPM_SCRIPT, ...command]];
}

export interface NestedRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runNested(command: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): NestedRun {
  const [file, args] = nested(command);
  const run = spawnSync(file, args, { cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8', timeout: options.timeout ?? 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
