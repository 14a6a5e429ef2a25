import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { ROOT, tempDir } from '../helpers/cli';
import { seed } from '../helpers/corpus';
import { LspClient } from '../helpers/lspClient';
import { nested, runNested } from '../helpers/npm';

/**
 * The npm package as a user gets it: `npm pack` (its prepack builds the production bundles), then `npm install` of the
 * tarball into an empty project, offline: every dependency is a devDependency bundled into dist/, so nothing is fetched.
 * The repository is packed from a copy without dist/, so the bundles in the tarball can only come from the prepack.
 */
const temp = tempDir();
after(temp.remove);
const source = join(temp.dir, 'source');
const project = join(temp.dir, 'project');
const env = { ...process.env, npm_config_cache: join(temp.dir, 'npm-cache'), NO_COLOR: '1' };
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const tarballName = `postmortem-writer-${version}.tgz`;
let packOutput = '';
let entries: string[] = [];

before(() => {
  const leftOut = new Set(['node_modules', 'dist', '.git', 'test', 'bench']);
  cpSync(ROOT, source, { recursive: true, filter: (path) => !leftOut.has(relative(ROOT, path)) });
  symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'));
  const pack = runNested(['npm', 'pack', '--pack-destination', temp.dir], { cwd: source, env });
  assert.equal(pack.status, 0, pack.stderr);
  packOutput = pack.stdout;
  entries = spawnSync('tar', ['-tzf', join(temp.dir, tarballName)], { encoding: 'utf8' }).stdout.trim().split('\n').sort();

  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "name": "a-team-repository", "private": true }\n');
  const install = runNested(['npm', 'install', '--offline', '--no-audit', '--no-fund', join(temp.dir, tarballName)], { cwd: project, env });
  assert.equal(install.status, 0, install.stderr);
}, { timeout: 240_000 });

test("npm pack prints only the tarball's name (pre-commit installs a node hook from that line)", () => {
  assert.equal(packOutput, `${tarballName}\n`);
});

test('the tarball holds the CLI and server bundles, the files they read, and nothing else', () => {
  assert.deepEqual(entries.filter((entry) => entry.startsWith('package/dist/')), ['package/dist/cli-core.js', 'package/dist/cli.js', 'package/dist/server.js']);
  const topLevel = new Set(entries.map((entry) => entry.split('/')[1]));
  assert.deepEqual([...topLevel].sort(), ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist', 'docs', 'package.json', 'schemas']);
  assert.deepEqual(entries.filter((entry) => /\.(map|ts|vsix)$/.test(entry) || entry.startsWith('package/docs/') && !entry.startsWith('package/docs/rules/')), []);
  const cli = readFileSync(join(project, 'node_modules/postmortem-writer/dist/cli.js'), 'utf8');
  assert.ok(!cli.includes('sourceMappingURL'), 'a production build has no source map');
});

test('installing the tarball installs no other package', () => {
  assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.')), ['postmortem-writer']);
});

test('npx postmortem-lint checks a postmortem from the installed package (exit 1 with findings, 0 on a clean report)', () => {
  copyFileSync(seed('003').path, join(project, 'incident.md'));
  copyFileSync(join(ROOT, 'examples/clean-postmortem.md'), join(project, 'clean.md'));
  const findings = runNested(['npx', '--no', '--', 'postmortem-lint', '--max-warnings', '0', 'incident.md'], { cwd: project, env });
  assert.equal(findings.status, 1, findings.stderr);
  assert.match(findings.stdout, /^incident\.md\n/);
  assert.match(findings.stdout, /heading-syntax/);
  const clean = runNested(['npx', '--no', '--', 'postmortem-lint', '--today', '2026-03-20', 'clean.md'], { cwd: project, env });
  assert.equal(clean.status, 0, clean.stderr);
  assert.equal(clean.stdout, '✔ 1 postmortem checked, no problems found.\n');
});

test('npx postmortem-language-server --stdio answers initialize and publishes diagnostics', { timeout: 90_000 }, async () => {
  const [file, args] = nested(['npx', '--no', '--', 'postmortem-language-server', '--stdio']);
  const client = await LspClient.start({ capabilities: {}, command: { file, args, cwd: project }, initializeTimeoutMs: 45_000 });
  try {
    assert.equal(client.initializeResult.serverInfo?.name, 'postmortem-language-server');
    assert.equal(client.initializeResult.serverInfo?.version, version);
    const uri = pathToFileURL(join(project, 'incident.md')).href;
    await client.open(uri, readFileSync(seed('003').path, 'utf8'));
    const published = await client.diagnostics(uri, (params) => params.diagnostics.length > 0);
    assert.ok(published.diagnostics.some((diagnostic) => diagnostic.code === 'heading-syntax'));
  } finally {
    await client.stop();
  }
});
