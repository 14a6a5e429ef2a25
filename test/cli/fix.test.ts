import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { ensureBuilt, onlyRules, runCli, tempDir } from '../helpers/cli';
import { seed } from '../helpers/corpus';

before(ensureBuilt);

const temp = tempDir();
after(temp.remove);

const SEED = seed('003').text;
/** Seed 003 with its three `###Title:` lines made real headings, and nothing else changed. */
const FIXED = SEED.replace('###Timeline:', '### Timeline')
  .replace('###Root Cause and Resolution:', '### Root Cause and Resolution')
  .replace('###Corrective and Preventative Measures:', '### Corrective and Preventative Measures');

function copy(name: string, text = SEED): string {
  const path = join(temp.dir, name);
  writeFileSync(path, text);
  return path;
}

test('--fix writes the fixed text of a copy of seed 003 back, then reports what is left', () => {
  const path = copy('003.md');
  const run = runCli(['--fix', ...onlyRules('heading-syntax'), '003.md'], { cwd: temp.dir });
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  assert.equal(readFileSync(path, 'utf8'), FIXED);
  assert.notEqual(FIXED, SEED);
  assert.equal(run.stdout, '✔ Fixed 3 problems in 003.md\n✔ 1 postmortem checked, no problems found.\n');
});

test('--fix a second time changes nothing and does not touch the file', () => {
  const path = copy('again.md', FIXED);
  const before = statSync(path).mtimeMs;
  const run = runCli(['--fix', ...onlyRules('heading-syntax'), 'again.md'], { cwd: temp.dir });
  assert.equal(run.status, 0);
  assert.equal(readFileSync(path, 'utf8'), FIXED);
  assert.equal(statSync(path).mtimeMs, before);
  assert.equal(run.stdout, '✔ 1 postmortem checked, no problems found.\n');
});

test('--fix with every rule on: the JSON output lists exactly the problems of the written text', () => {
  const path = copy('all-rules.md');
  const run = runCli(['--fix', '--format', 'json', 'all-rules.md'], { cwd: temp.dir });
  assert.notEqual(run.status, 2, run.stderr);
  const written = readFileSync(path, 'utf8');
  assert.ok(!written.includes('###Timeline:'), 'heading-syntax was fixed');
  const remaining = analyze({ text: written }).findings.map((finding) => [finding.ruleId, finding.range.start.line]);
  const [entry] = JSON.parse(run.stdout) as Array<{ diagnostics: Array<{ rule: string; range: { start: { line: number } } }> }>;
  assert.deepEqual(entry.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.range.start.line]), remaining);
});

test('--fix keeps a byte-order mark and CRLF line endings', () => {
  const crlf = (text: string) => `\uFEFF${text.replace(/\r?\n/g, '\r\n')}`;
  const path = copy('windows.md', crlf(SEED));
  assert.equal(runCli(['--fix', ...onlyRules('heading-syntax'), 'windows.md'], { cwd: temp.dir }).status, 0);
  assert.equal(readFileSync(path, 'utf8'), crlf(FIXED));
});

test('without --fix nothing is written, and the summary says how many problems --fix would fix', () => {
  const path = copy('dry.md');
  const run = runCli([...onlyRules('heading-syntax'), 'dry.md'], { cwd: temp.dir });
  assert.equal(readFileSync(path, 'utf8'), SEED);
  assert.match(run.stdout, /\n✖ 3 problems \(0 errors, 3 warnings, 0 infos\)\n {2}3 fixable with --fix\n$/);
});
