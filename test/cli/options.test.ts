import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { RULES } from '../../server/src/analysis/rules';
import { BUILT_IN_TEMPLATES } from '../../server/src/analysis/templates';
import { OPTIONS } from '../../server/src/cli/args';
import { ensureBuilt, onlyRules, ROOT, runCli, tempDir } from '../helpers/cli';
import { seed, SHARED } from '../helpers/corpus';

before(ensureBuilt);

const SEEDS = join(SHARED, 'seeds');
const SEED_003 = seed('003').name;
const USAGE_HINT = 'Run "postmortem-lint --help" to see the options.\n';

const json = (stdout: string) => JSON.parse(stdout) as Array<{ file: string; diagnostics: Array<{ rule: string; severity: string }> }>;
const rulesOf = (stdout: string) => json(stdout).flatMap((entry) => entry.diagnostics.map((diagnostic) => `${diagnostic.rule}:${diagnostic.severity}`));

const temp = tempDir();
after(temp.remove);

/** The clean example's action items are open: they are not overdue on a day before their due dates. */
const BEFORE_EXAMPLE_DUE_DATES = ['--today', '2026-03-20'];

test('exit code 0: the clean example has no problems', () => {
  const run = runCli([...BEFORE_EXAMPLE_DUE_DATES, 'examples/clean-postmortem.md']);
  assert.equal(run.stderr, '');
  assert.equal(run.stdout, '✔ 1 postmortem checked, no problems found.\n');
  assert.equal(run.status, 0);
});

test('exit code 0 with warnings only; 1 once a problem is an error', () => {
  const onlyHeadings = onlyRules('heading-syntax');
  assert.equal(runCli([...onlyHeadings, SEED_003], { cwd: SEEDS }).status, 0);
  const run = runCli([...onlyHeadings, '--rule', 'heading-syntax=error', '--format', 'json', SEED_003], { cwd: SEEDS });
  assert.equal(run.status, 1);
  assert.deepEqual(rulesOf(run.stdout), ['heading-syntax:error', 'heading-syntax:error', 'heading-syntax:error']);
});

test('--max-warnings N: exit code 1 when the warnings exceed N, 0 within it', () => {
  const args = [...onlyRules('heading-syntax'), SEED_003];
  const over = runCli(['--max-warnings', '0', ...args], { cwd: SEEDS });
  assert.equal(over.status, 1);
  assert.equal(over.stderr, 'postmortem-lint: 3 warnings, more than --max-warnings 0 allows.\n');
  assert.equal(runCli(['--max-warnings=3', ...args], { cwd: SEEDS }).status, 0);
});

test('--rule ID=off switches a rule off; an unknown rule or level is a usage error listing what is known', () => {
  const off = runCli(['--format', 'json', '--rule', 'heading-syntax=off', SEED_003], { cwd: SEEDS });
  assert.ok(!rulesOf(off.stdout).some((finding) => finding.startsWith('heading-syntax')), off.stdout);

  const unknown = runCli(['--rule', 'no-such-rule=off', SEED_003], { cwd: SEEDS });
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stdout, '');
  assert.equal(unknown.stderr, `postmortem-lint: unknown rule "no-such-rule". Known rules: ${RULES.map((rule) => rule.meta.id).join(', ')}.\n${USAGE_HINT}`);

  const level = runCli(['--rule', 'heading-syntax=loud', SEED_003], { cwd: SEEDS });
  assert.equal(level.status, 2);
  assert.match(level.stderr, /--rule heading-syntax= must be one of off, error, warning, info, hint \(got "loud"\)/);
});

test('--quiet reports errors only', () => {
  const args = ['--quiet', ...onlyRules('heading-syntax'), SEED_003];
  assert.deepEqual(json(runCli(['--format', 'json', ...args], { cwd: SEEDS }).stdout), [{ file: SEED_003, diagnostics: [] }]);
  assert.equal(runCli(args, { cwd: SEEDS }).stdout, '✔ 1 postmortem checked, no errors found.\n');
  const errors = runCli(['--format', 'json', '--rule', 'heading-syntax=error', ...args], { cwd: SEEDS });
  assert.deepEqual(rulesOf(errors.stdout), ['heading-syntax:error', 'heading-syntax:error', 'heading-syntax:error']);
});

test('exit code 2 for an unknown option, with one line naming it and a pointer to --help', () => {
  const run = runCli(['--frmat', 'json', SEED_003], { cwd: SEEDS });
  assert.equal(run.status, 2);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr, `postmortem-lint: unknown option --frmat. Did you mean --format?\n${USAGE_HINT}`);
  assert.equal(runCli(['--wat']).stderr, `postmortem-lint: unknown option --wat.\n${USAGE_HINT}`);
});

test('exit code 2 for bad option values', () => {
  const cases: Array<[string[], string]> = [
    [['--format', 'xml'], '--format must be one of stylish, json, sarif, github (got "xml").'],
    [['--max-warnings', 'many'], '--max-warnings needs a whole number of warnings, such as 0 (got "many").'],
    [['--format'], '--format needs a value: stylish|json|sarif|github.'],
    [['--fix-placeholders'], '--fix-placeholders only works together with --fix.'],
    [['--quiet=yes'], '--quiet takes no value (got "--quiet=yes").'],
  ];
  for (const [args, message] of cases) {
    const run = runCli(args);
    assert.equal(run.status, 2, args.join(' '));
    assert.equal(run.stderr, `postmortem-lint: ${message}\n${USAGE_HINT}`);
  }
});

test('exit code 2 for a file that cannot be read; the other file is still checked and printed', () => {
  const run = runCli(['--format', 'json', 'missing.md', ...onlyRules('heading-syntax'), SEED_003], { cwd: SEEDS });
  assert.equal(run.status, 2);
  assert.equal(run.stderr, 'postmortem-lint: cannot read missing.md: no such file or directory\n');
  assert.deepEqual(json(run.stdout).map((entry) => [entry.file, entry.diagnostics.length]), [[SEED_003, 3]]);
});

test('--template: an unknown name is a usage error; a template defined in a config file is accepted', () => {
  const unknown = runCli(['--template', 'nope', 'examples/clean-postmortem.md']);
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stderr, `postmortem-lint: unknown template "nope". Known templates: ${[...BUILT_IN_TEMPLATES.keys()].join(', ')} (teams define their own under "templates" in .postmortemrc.json).\n${USAGE_HINT}`);

  const config = join(temp.dir, 'team.json');
  writeFileSync(config, JSON.stringify({ templates: { ours: { extends: 'essential', sections: [{ title: 'Customer communication' }] } } }));
  const ours = runCli(['--format', 'json', '--config', config, '--template', 'ours', 'examples/clean-postmortem.md']);
  assert.equal(ours.status, 0, ours.stderr);
  assert.match(ours.stdout, /Missing section \\"Customer communication\\" \(template ours\)/);
});

test('configuration: rc files next to the file and up the folders, --config on top, flags over both', () => {
  const team = join(temp.dir, 'team');
  const dir = join(team, 'incidents');
  mkdirSync(dir, { recursive: true });
  copyFileSync(seed('003').path, join(dir, 'report.md'));
  const only = onlyRules('heading-syntax');
  writeFileSync(join(team, '.postmortemrc.json'), '{\n  // the team wants proper headings\n  "rules": { "heading-syntax": "error" }\n}\n');
  const rc = runCli(['--format', 'json', ...only, 'report.md'], { cwd: dir });
  assert.equal(rc.status, 1);
  assert.deepEqual(rulesOf(rc.stdout), ['heading-syntax:error', 'heading-syntax:error', 'heading-syntax:error']);

  const config = join(team, 'info.json');
  writeFileSync(config, '{ "rules": { "heading-syntax": "info" } }');
  assert.deepEqual(rulesOf(runCli(['--format', 'json', ...only, '--config', config, 'report.md'], { cwd: dir }).stdout), ['heading-syntax:info', 'heading-syntax:info', 'heading-syntax:info']);
  assert.deepEqual(rulesOf(runCli(['--format', 'json', ...only, '--config', config, '--rule', 'heading-syntax=hint', 'report.md'], { cwd: dir }).stdout), [
    'heading-syntax:hint',
    'heading-syntax:hint',
    'heading-syntax:hint',
  ]);

  const missing = runCli(['--config', 'nowhere.json', 'report.md'], { cwd: dir });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^postmortem-lint: cannot read nowhere\.json: no such file or directory$/m);
});

test('a broken .postmortemrc.json is named with its position, the file is checked with the defaults, exit code 2', () => {
  const dir = join(temp.dir, 'broken');
  mkdirSync(dir, { recursive: true });
  copyFileSync(seed('003').path, join(dir, 'report.md'));
  writeFileSync(join(dir, '.postmortemrc.json'), '{ "rules": { "heading-syntax": "off" ');
  const run = runCli(['--format', 'json', ...onlyRules('heading-syntax'), 'report.md'], { cwd: dir });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^postmortem-lint: \.postmortemrc\.json:1:\d+: \.postmortemrc\.json: \w+; using the defaults instead of this file\.$/m);
  assert.deepEqual(rulesOf(run.stdout), ['heading-syntax:warning', 'heading-syntax:warning', 'heading-syntax:warning']);
});

test('--help lists every option; --version prints the package version', () => {
  const help = runCli(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: postmortem-lint \[options\] \[files \| folders \| globs\]/);
  for (const option of OPTIONS) assert.ok(help.stdout.includes(option.name), option.name);
  assert.match(help.stdout, /Exit codes: 0 no errors/);

  const version = runCli(['--version']);
  assert.equal(version.status, 0);
  assert.equal(version.stdout, `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
});

test('--list-rules prints id, default severity, fixable and description of every rule', () => {
  const table = runCli(['--list-rules']).stdout.trimEnd().split('\n');
  assert.match(table[0], /^id\s+default\s+fixable\s+description$/);
  assert.equal(table.length, RULES.length + 1);
  for (const [index, { meta }] of RULES.entries()) {
    assert.match(table[index + 1], new RegExp(`^${meta.id}\\s+${meta.defaultSeverity}\\s+${meta.fixable ? 'yes\\s+' : ''}${meta.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  }
  const listed = JSON.parse(runCli(['--list-rules', '--format', 'json']).stdout);
  assert.deepEqual(listed, RULES.map(({ meta }) => ({ id: meta.id, defaultSeverity: meta.defaultSeverity, fixable: meta.fixable, description: meta.description, docs: meta.docs })));
});
