import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ensureBuilt, runCli, tempDir } from '../helpers/cli';

before(ensureBuilt);

const workspace = tempDir();
after(workspace.remove);
const cwd = workspace.dir;
mkdirSync(join(cwd, 'postmortems'));
writeFileSync(join(cwd, 'postmortems/2024-04-db.md'), [
  '# Postmortem: database outage',
  '',
  '## Action Items',
  '',
  '- [ ] Alert on pool saturation (owner: @ana, due: 2024-05-01, [JIRA-7](https://acme.atlassian.net/browse/JIRA-7))',
  '- [x] Raise the pool size (owner: @bob, due: 2024-04-20)',
  '- [ ] Write a runbook, "pool", next sprint',
  '',
].join('\n'));
writeFileSync(join(cwd, 'postmortems/2024-05-dns.md'), '# Incident report: DNS\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n| Lower the TTL | @cy | 2024-06-30 |\n');
writeFileSync(join(cwd, 'notes.md'), '# Meeting notes\n\n- [ ] Buy cake by 2024-01-01\n');

const report = (...args: string[]) => runCli(['--report', 'follow-ups', '--today', '2024-05-10', ...args, '.'], { cwd });

const ROWS = [
  { file: 'postmortems/2024-04-db.md', line: 5, text: 'Alert on pool saturation', owner: '@ana', due: '2024-05-01', tracking: 'https://acme.atlassian.net/browse/JIRA-7', done: false, overdue: true },
  { file: 'postmortems/2024-04-db.md', line: 6, text: 'Raise the pool size', owner: '@bob', due: '2024-04-20', tracking: null, done: true, overdue: false },
  { file: 'postmortems/2024-04-db.md', line: 7, text: 'Write a runbook, "pool"', owner: null, due: null, tracking: null, done: false, overdue: false },
  { file: 'postmortems/2024-05-dns.md', line: 7, text: 'Lower the TTL', owner: '@cy', due: '2024-06-30', tracking: null, done: false, overdue: false },
];

test('--format json: one row per action item of every postmortem found, with exactly the documented fields', () => {
  const run = report('--format', 'json');
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), ROWS);
});

test('--format csv: a header and one quoted-where-needed row per item', () => {
  const run = report('--format', 'csv');
  assert.equal(run.stdout, [
    'file,line,text,owner,due,tracking,done,overdue',
    'postmortems/2024-04-db.md,5,Alert on pool saturation,@ana,2024-05-01,https://acme.atlassian.net/browse/JIRA-7,false,true',
    'postmortems/2024-04-db.md,6,Raise the pool size,@bob,2024-04-20,,true,false',
    'postmortems/2024-04-db.md,7,"Write a runbook, ""pool""",,,,false,false',
    'postmortems/2024-05-dns.md,7,Lower the TTL,@cy,2024-06-30,,false,false',
    '',
  ].join('\r\n'));
});

test('markdown is the default format', () => {
  const run = report('--open');
  assert.equal(run.stdout, [
    '| File | Line | Action | Owner | Due | Tracking | Done | Overdue |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    '| postmortems/2024-04-db.md | 5 | Alert on pool saturation | @ana | 2024-05-01 | https://acme.atlassian.net/browse/JIRA-7 |  | yes |',
    '| postmortems/2024-04-db.md | 7 | Write a runbook, "pool" |  |  |  |  |  |',
    '| postmortems/2024-05-dns.md | 7 | Lower the TTL | @cy | 2024-06-30 |  |  |  |',
    '',
  ].join('\n'));
});

test('--open leaves out done items, --overdue keeps only overdue ones', () => {
  assert.deepEqual(JSON.parse(report('--format', 'json', '--open').stdout), ROWS.filter((row) => !row.done));
  assert.deepEqual(JSON.parse(report('--format', 'json', '--overdue').stdout), [ROWS[0]]);
});

test('--today sets the day due dates are judged against', () => {
  const rows = JSON.parse(runCli(['--report', 'follow-ups', '--format', 'json', '--today', '2024-07-01', '.'], { cwd }).stdout) as typeof ROWS;
  assert.deepEqual(rows.map((row) => row.overdue), [true, false, false, true]);
});

test('exit code 0 with overdue items, 1 with --fail-on-overdue, 0 again when none is overdue', () => {
  assert.equal(report().status, 0);
  const failing = report('--fail-on-overdue', '--format', 'json');
  assert.equal(failing.status, 1);
  assert.equal(failing.stderr, '');
  assert.equal(runCli(['--report', 'follow-ups', '--today', '2024-04-01', '--fail-on-overdue', '.'], { cwd }).status, 0);
});

test('the same day makes action-item-overdue report the same item when linting', () => {
  const run = runCli(['--format', 'json', '--today', '2024-05-10', 'postmortems/2024-04-db.md'], { cwd });
  const entries = JSON.parse(run.stdout) as Array<{ diagnostics: Array<{ rule: string; range: { start: { line: number } } }> }>;
  assert.deepEqual(entries[0].diagnostics.filter((diagnostic) => diagnostic.rule === 'action-item-overdue').map((diagnostic) => diagnostic.range.start.line), [4]);
});

test('bad usage: report options without --report, a format the report has not, a bad date, an unknown report', () => {
  for (const [args, message] of [
    [['--overdue', '.'], '--overdue only works together with --report follow-ups.'],
    [['--report', 'follow-ups', '--format', 'sarif', '.'], '--format must be one of markdown, json, csv (got "sarif").'],
    [['--report', 'follow-ups', '--today', '2024-02-30', '.'], '--today needs a date written YYYY-MM-DD (got "2024-02-30").'],
    [['--report', 'people', '.'], '--report must be one of follow-ups, metrics (got "people").'],
    [['--report', 'follow-ups', '--fix', '.'], '--fix does not go with --report: a report only reads the files.'],
  ] as const) {
    const run = runCli([...args], { cwd });
    assert.equal(run.status, 2, args.join(' '));
    assert.equal(run.stderr.split('\n')[0], `postmortem-lint: ${message}`);
  }
});
