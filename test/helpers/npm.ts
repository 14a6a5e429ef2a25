/** Runs npm as a nested npm: started from the user's npm configuration, not from the run of the `npm test` around it. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './cli';

export const NESTED_NPM_SCRIPT = join(ROOT, 'test/e2e/nestedNpm.sh');

export interface NpmRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm ARGS` in `cwd` after `forget_outer_npm_run` (test/e2e/nestedNpm.sh), in `env` (default: this process's). */
export function nestedNpm(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): NpmRun {
  const run = spawnSync('bash', ['-c', 'source "$0" && forget_outer_npm_run && exec npm "$@"', NESTED_NPM_SCRIPT, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: options.timeout ?? 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
