/**
 * CLI throughput over every file of the corpus: `postmortem-lint --format json` against `markdownlint-cli2`
 * with its defaults, alternated in one run, several repetitions, median. Wall time is what a CI job waits;
 * CPU time (user + system, from /usr/bin/time when present) is what the work costs on a busy machine.
 *
 * Alone: `npm run bench:cli [-- REPETITIONS]` (default 5) times the bundle as built, so build it first with
 * `npm run build -- --production`, as `npm run bench` does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS, ROOT, corpusFiles } from './buildDocuments';
import { stats, type Stats } from './keystrokes';

const TIME = '/usr/bin/time';

export interface CliRuns {
  files: number;
  wall: Stats;
  cpu?: Stats;
  exitCode: number | null;
}

function timed(args: string[], cwd: string, scratch: string): { wall: number; cpu?: number; exitCode: number | null } {
  const cpuFile = join(scratch, 'cpu');
  const useTime = existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const commandArgs = useTime ? ['-o', cpuFile, '-f', '%U %S', process.execPath, ...args] : args;
  const start = performance.now();
  const run = spawnSync(command, commandArgs, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = performance.now() - start;
  if (run.error) throw run.error;
  const cpu = useTime ? readFileSync(cpuFile, 'utf8').trim().split('\n').pop()!.split(' ').reduce((sum, seconds) => sum + Number(seconds) * 1000, 0) : undefined;
  return { wall, cpu, exitCode: run.status };
}

export function cliThroughput(repetitions: number): { ours: CliRuns; markdownlint: CliRuns } {
  const files = corpusFiles().length;
  const scratch = mkdtempSync(join(tmpdir(), 'pm-bench-cli-'));
  const ours = { wall: [] as number[], cpu: [] as number[], exitCode: null as number | null };
  const theirs = { wall: [] as number[], cpu: [] as number[], exitCode: null as number | null };
  try {
    for (let repetition = 0; repetition < repetitions; repetition++) {
      const a = timed([join(ROOT, 'dist/cli.js'), '--format', 'json', '.'], CORPUS, scratch);
      const b = timed([join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), '**/*.md'], CORPUS, scratch);
      for (const [runs, run] of [[ours, a], [theirs, b]] as const) {
        runs.wall.push(run.wall);
        if (run.cpu !== undefined) runs.cpu.push(run.cpu);
        runs.exitCode = run.exitCode;
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const summary = (runs: typeof ours): CliRuns => ({ files, wall: stats(runs.wall), cpu: runs.cpu.length ? stats(runs.cpu) : undefined, exitCode: runs.exitCode });
  return { ours: summary(ours), markdownlint: summary(theirs) };
}

if (require.main === module) {
  const repetitions = Number(process.argv[2] ?? 5);
  const { ours, markdownlint } = cliThroughput(repetitions);
  const ratio = (key: 'wall' | 'cpu') => (ours[key] && markdownlint[key] ? (markdownlint[key].median / ours[key].median).toFixed(2) : 'n/a');
  for (const [name, runs] of [['postmortem-lint', ours], ['markdownlint-cli2', markdownlint]] as const) {
    console.log(`${name}: ${runs.files} files, median ${runs.wall.median.toFixed(0)} ms wall, ${runs.cpu?.median.toFixed(0) ?? 'n/a'} ms CPU (${runs.wall.samples} runs, exit ${runs.exitCode})`);
  }
  console.log(`ours / markdownlint-cli2 files per second: ${ratio('wall')}x wall, ${ratio('cpu')}x CPU; load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
}
