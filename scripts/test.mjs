// Runs every test suite: the node:test suites under test/ (rules, model, time, LSP over stdio, CLI,
// grammar, property tests, a short fuzz run), then the editor journeys in code-server (test/e2e).
// `--unit` stops after the node:test suites. The @vscode/test-electron suite needs a VS Code download,
// so it runs only through `npm run test:vscode`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const skipDirs = new Set(['e2e', 'vscode', 'fixtures']);
function collect(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!skipDirs.has(name)) files.push(...collect(path));
    } else if (name.endsWith('.test.ts')) {
      files.push(path);
    }
  }
  return files;
}

const files = collect('test');
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
const unit = run(['--unhandled-rejections=strict', '--import', 'tsx', '--test', '--test-concurrency=2', ...files]);
if (unit.status !== 0) process.exit(unit.status ?? 1);

console.log('\nSkipping the @vscode/test-electron suite (test/vscode): it downloads VS Code, which this machine cannot reach. Run it with `npm run test:vscode`.\n');
if (process.argv.includes('--unit')) process.exit(0);

const e2e = spawnSync('bash', ['test/e2e/run.sh'], { stdio: 'inherit' });
process.exit(e2e.status ?? 1);
