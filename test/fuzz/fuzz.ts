/**
 * `npm run fuzz [-- --seconds 300 --seed 1 --timeout 30000]`: a longer fuzz campaign than the one in
 * `npm test`. Replays test/fixtures/fuzz/, then generates inputs (mutated reports, random bytes, pathological
 * shapes) until the time is up. Exits 1 if any input failed; failures are saved as regression fixtures.
 */
import { nextInput, Random } from './inputs';
import { campaign } from './runner';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : NaN;
  return Number.isFinite(value) ? value : fallback;
}

async function main(): Promise<void> {
  const seconds = option('seconds', 300);
  const seed = option('seed', Date.now() % 1_000_000);
  // Per input: two analyses, two parses and fix-all of texts up to 400 KB on a busy 2-core machine take up to
  // about 10 s; the inputs this is meant to catch (catastrophic backtracking, runaway nesting) take minutes.
  const timeoutMs = option('timeout', 30_000);
  console.log(`fuzzing for ${seconds} s, seed ${seed}, ${timeoutMs} ms per input`);
  const random = new Random(seed);
  const { inputs, failures } = await campaign({ next: () => nextInput(random), budgetMs: seconds * 1000, timeoutMs, log: (line) => console.log(line) });
  console.log(`\n${inputs} inputs, ${failures.length} failed${failures.length ? ':' : ''}`);
  for (const failure of failures) console.log(`- ${failure.kind}${failure.fixture ? ` → ${failure.fixture}` : ''}\n  ${failure.reason.split('\n').slice(0, 3).join('\n  ')}`);
  process.exit(failures.length ? 1 : 0);
}

void main();
