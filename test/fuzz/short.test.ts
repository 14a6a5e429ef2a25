/**
 * The fuzz campaign that runs with every `npm test`: every regression fixture in test/fixtures/fuzz/, then
 * about 20 s of generated inputs from a fixed seed (smaller shapes than `npm run fuzz`), each within its time
 * limit in a worker thread. A failing input is saved as a new fixture.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextInput, Random } from './inputs';
import { campaign } from './runner';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

test('fuzz: the regression fixtures and a short seeded campaign pass within the time limit', async () => {
  const random = new Random(SEED);
  const { inputs, failures } = await campaign({ next: () => nextInput(random, 0.25), budgetMs: 20_000, timeoutMs: 15_000 });
  assert.ok(inputs > 0);
  assert.deepEqual(
    failures.map((failure) => `${failure.kind}: ${failure.reason.split('\n')[0]}${failure.fixture ? ` (saved as ${failure.fixture})` : ''}`),
    [],
    `seed ${SEED}`,
  );
});
