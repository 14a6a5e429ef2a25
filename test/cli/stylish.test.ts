import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { ensureBuilt, onlyRules, runCli } from '../helpers/cli';
import { seed, SHARED } from '../helpers/corpus';

before(ensureBuilt);

const SEEDS = join(SHARED, 'seeds');
const SEED_003 = seed('003').name;
const ESCAPE = '\u001b[';

test('stylish: the file, then 1-based line:col, severity, message and rule id in aligned columns, then the summary', () => {
  const lines = runCli([...onlyRules('heading-syntax'), SEED_003], { cwd: SEEDS }).stdout.split('\n');
  assert.equal(lines[0], SEED_003);
  const rows = lines.slice(1, 4);
  assert.deepEqual(rows.map((row) => /^ {2,}(\d+):(\d+) {2}(\w+) {2}/.exec(row)?.slice(1)), [
    ['9', '1', 'warning'],
    ['20', '1', 'warning'],
    ['25', '1', 'warning'],
  ]);
  assert.ok(rows.every((row) => row.endsWith('  heading-syntax')));
  assert.equal(new Set(rows.map((row) => row.indexOf('heading-syntax', 20))).size, 1, 'the rule column is aligned');
  assert.equal(new Set(rows.map((row) => row.indexOf('"###'))).size, 1, 'the message column is aligned');
  assert.ok(rows[0].startsWith('   9:1'), 'line numbers are right-aligned');
  assert.deepEqual(lines.slice(4), ['', '✖ 3 problems (0 errors, 3 warnings, 0 infos)', '  3 fixable with --fix', '']);
  assert.ok(!lines.join('\n').includes(ESCAPE), 'no colours when the output is not a terminal');
});

test('colours: FORCE_COLOR turns them on; --no-color and NO_COLOR turn them off', () => {
  const args = [...onlyRules('heading-syntax'), SEED_003];
  const forced = runCli(args, { cwd: SEEDS, env: { FORCE_COLOR: '1' } }).stdout;
  assert.ok(forced.startsWith(`${ESCAPE}4m${SEED_003}${ESCAPE}24m`), 'the file path is underlined');
  assert.ok(forced.includes(`${ESCAPE}33mwarning${ESCAPE}39m`), 'warnings are yellow');
  assert.ok(!runCli(['--no-color', ...args], { cwd: SEEDS, env: { FORCE_COLOR: '1' } }).stdout.includes(ESCAPE));
  assert.ok(!runCli(args, { cwd: SEEDS, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes(ESCAPE));
});

test('stylish counts errors, warnings and infos separately, and says what --fix would fix', () => {
  const run = runCli([...onlyRules('heading-syntax'), '--rule', 'heading-syntax=info', SEED_003], { cwd: SEEDS });
  assert.equal(run.status, 0);
  assert.match(run.stdout, /\n✖ 3 problems \(0 errors, 0 warnings, 3 infos\)\n {2}3 fixable with --fix\n$/);
  const errors = runCli([...onlyRules('heading-syntax'), '--rule', 'heading-syntax=error', SEED_003], { cwd: SEEDS });
  assert.equal(errors.status, 1);
  assert.match(errors.stdout, /\n✖ 3 problems \(3 errors, 0 warnings, 0 infos\)\n/);
});
