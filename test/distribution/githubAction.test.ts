import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { ensureBuilt, onlyRules, ROOT, tempDir } from '../helpers/cli';

before(ensureBuilt);

const temp = tempDir();
after(temp.remove);

interface Step {
  name?: string;
  uses?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  run?: string;
  shell?: string;
  'working-directory'?: string;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const step = (name: string) => action.runs.steps.find((candidate) => candidate.name === name)!;

/** The lint step as the runner runs it: `${{ inputs.x }}` filled in (or its default), bash -eo pipefail, in the workspace. */
function runLintStep(inputs: Record<string, string>) {
  const lint = step('Run postmortem-lint');
  const fill = (value: string) => value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? action.inputs[name].default);
  const env = Object.fromEntries(Object.entries(lint.env ?? {}).map(([key, value]) => [key, fill(value)]));
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', lint.run!], {
    cwd: temp.dir,
    env: { ...process.env, NO_COLOR: '1', ...env, GITHUB_ACTION_PATH: ROOT },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function write(relative: string, text: string): void {
  mkdirSync(dirname(join(temp.dir, relative)), { recursive: true });
  writeFileSync(join(temp.dir, relative), text);
}

const POSTMORTEM = '---\ntype: postmortem\n---\n# Database failover\n\n##Summary\n\nThe primary failed over.\n';
write('postmortems/db.md', POSTMORTEM);
write('postmortems/2026/api.md', POSTMORTEM);
write('README.md', '# Team handbook\n\nHow we work.\n');
const HEADING_ERRORS = `${onlyRules('heading-syntax').join(' ')} --rule heading-syntax=error`;
const annotation = (file: string) =>
  `::error file=${file},line=6,col=1,endLine=6,endColumn=10,title=heading-syntax::"##Summary" is meant as the "Summary" section title, but Markdown needs a space after the "#" characters. Write "## Summary".\n`;

test('the action takes paths, config, format, output, args and node-version, and annotates the diff by default', () => {
  assert.equal(action.runs.using, 'composite');
  assert.deepEqual(Object.keys(action.inputs), ['paths', 'config', 'format', 'output', 'args', 'node-version']);
  assert.deepEqual(Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default])), {
    paths: '.',
    config: '',
    format: 'github',
    output: '',
    args: '',
    'node-version': '20',
  });
  const setup = action.runs.steps.find((candidate) => candidate.uses?.startsWith('actions/setup-node@'));
  assert.deepEqual([setup?.if, setup?.with], ["inputs.node-version != ''", { 'node-version': '${{ inputs.node-version }}' }]);
  const build = step('Build postmortem-lint');
  assert.equal(build['working-directory'], '${{ github.action_path }}');
  assert.match(build.run!, /^npm ci .*\nnode scripts\/build\.mjs --production\n$/);
});

test('the lint step annotates the postmortems of the workspace and fails on errors', () => {
  const run = runLintStep({ args: HEADING_ERRORS });
  assert.equal(run.status, 1, run.stderr);
  assert.equal(run.stdout, annotation('postmortems/2026/api.md') + annotation('postmortems/db.md'));
});

test('paths split on spaces and new lines; globs reach postmortem-lint unexpanded', () => {
  // Expanded by bash, **/*.md would be */*.md: one folder deep, and every match named (README.md checked too).
  const run = runLintStep({ paths: 'postmortems/db.md\n**/*.md', args: HEADING_ERRORS });
  assert.equal(run.status, 1, run.stderr);
  assert.equal(run.stdout, annotation('postmortems/db.md') + annotation('postmortems/2026/api.md'));
});

test('format and output write a SARIF file for code scanning; config applies a config file', () => {
  const sarif = runLintStep({ paths: 'postmortems/db.md', format: 'sarif', output: 'postmortem.sarif', args: HEADING_ERRORS });
  assert.equal(sarif.status, 1, sarif.stderr);
  assert.equal(sarif.stdout, '');
  const log = JSON.parse(readFileSync(join(temp.dir, 'postmortem.sarif'), 'utf8'));
  assert.deepEqual(
    log.runs[0].results.map((result: { ruleId: string; level: string }) => [result.ruleId, result.level]),
    [['heading-syntax', 'error']],
  );

  write('ci/postmortemrc.json', '{ "rules": { "heading-syntax": "off" } }\n');
  const configured = runLintStep({ paths: 'postmortems/db.md', config: 'ci/postmortemrc.json', args: onlyRules('heading-syntax').join(' ') });
  assert.equal(configured.status, 0, configured.stderr);
  assert.equal(configured.stdout, '');
});
