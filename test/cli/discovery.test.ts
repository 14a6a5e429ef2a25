import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { ensureBuilt, runCli, tempDir } from '../helpers/cli';

before(ensureBuilt);

const temp = tempDir();
after(temp.remove);

const POSTMORTEM = '---\ntype: postmortem\n---\n# Database failover\n\n## Summary\nx\n\n##Timeline\n- 10:00 UTC a\n';
const README = '# my-service\n\nA small web service.\n\n## Install\n\n```sh\nnpm install\n```\n\n## Usage\n\nRun it.\n';

function write(relative: string, content: string | Buffer): string {
  const path = join(temp.dir, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

write('README.md', README);
write('incidents/2026-01-db.md', POSTMORTEM);
write('incidents/notes/title.md', '# Incident report: login outage\n\nIt was down.\n');
write('retro.markdown', POSTMORTEM);
write('node_modules/some-package/postmortem.md', POSTMORTEM);
write('.drafts/postmortem.md', POSTMORTEM);
write('incidents/data.txt', POSTMORTEM);

type Entry = { file: string; diagnostics: Array<{ rule: string; severity: string; message: string; fixable: boolean }> };
const lint = (args: string[], cwd = temp.dir) => {
  const run = runCli(['--format', 'json', ...args], { cwd });
  return { ...run, entries: run.stdout ? (JSON.parse(run.stdout) as Entry[]) : [] };
};
const files = (entries: Entry[]) => entries.map((entry) => entry.file);

test('a folder: every postmortem Markdown file below it, skipping READMEs, node_modules, dot-folders and other files', () => {
  const run = lint(['.']);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(files(run.entries), ['incidents/2026-01-db.md', 'incidents/notes/title.md', 'retro.markdown']);
  assert.ok(run.entries[0].diagnostics.some((diagnostic) => diagnostic.rule === 'heading-syntax'));
  assert.deepEqual(files(lint([]).entries), files(run.entries), 'the default is the current folder');
  assert.deepEqual(files(lint(['incidents', 'incidents/2026-01-db.md']).entries), ['incidents/2026-01-db.md', 'incidents/notes/title.md'], 'each file once');
});

test('a file named on the command line is always checked, postmortem or not', () => {
  const run = lint(['README.md']);
  assert.deepEqual(files(run.entries), ['README.md']);
  assert.ok(run.entries[0].diagnostics.some((diagnostic) => diagnostic.rule === 'missing-section'));
});

test('--only-postmortems: a named file is checked only when it is a postmortem (a pre-commit hook names every Markdown file)', () => {
  const run = lint(['--only-postmortems', 'README.md', 'incidents/2026-01-db.md', 'incidents/notes/title.md']);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(files(run.entries), ['incidents/2026-01-db.md', 'incidents/notes/title.md']);
});

test('globs select the Markdown files they match; those are checked when they are postmortems', () => {
  assert.deepEqual(files(lint(['incidents/**/*.md']).entries), ['incidents/2026-01-db.md', 'incidents/notes/title.md']);
  assert.deepEqual(files(lint(['*.md', '*.markdown']).entries), ['retro.markdown']);
  const none = runCli(['*.md'], { cwd: temp.dir });
  assert.equal(none.status, 0);
  assert.match(none.stdout, /^No postmortems to check\./);
});

test('a glob whose folder does not exist, or that matches no Markdown file, cannot be read: exit code 2', () => {
  const missing = lint(['nowhere/**/*.md', 'retro.markdown']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'postmortem-lint: cannot read nowhere: no such file or directory\n');
  assert.deepEqual(files(missing.entries), ['retro.markdown']);
  const empty = lint(['incidents/*.txt']);
  assert.equal(empty.status, 2);
  assert.equal(empty.stderr, 'postmortem-lint: cannot read incidents/*.txt: no Markdown file matches this pattern\n');
});

test('a binary file and a 3 MB file are reported as skipped, not analysed, and --fix leaves them alone', () => {
  const binary = Buffer.from([0x23, 0x20, 0x50, 0x4d, 0x0a, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x00, 0x89, 0x50, 0x4e, 0x47]);
  const big = `# Postmortem: large\n\n###Timeline:\n${'- 10:00 UTC an entry that repeats\n'.repeat(95_000)}`;
  assert.ok(Buffer.byteLength(big) > 3 * 1024 * 1024);
  const binaryPath = write('skipped/binary.md', binary);
  const bigPath = write('skipped/big.md', big);
  const skippedFinding = (text: string) => {
    const [finding] = analyze({ text }).findings;
    return { rule: 'file-skipped', severity: 'info', message: finding.message, fixable: false };
  };

  const run = lint(['--fix', 'skipped/binary.md', 'skipped/big.md']);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(
    run.entries.map((entry) => ({ file: entry.file, diagnostics: entry.diagnostics.map(({ rule, severity, message, fixable }) => ({ rule, severity, message, fixable })) })),
    [
      { file: 'skipped/binary.md', diagnostics: [skippedFinding(binary.toString('utf8'))] },
      { file: 'skipped/big.md', diagnostics: [skippedFinding(big)] },
    ],
  );
  assert.match(run.entries[0].diagnostics[0].message, /looks binary/);
  assert.match(run.entries[1].diagnostics[0].message, /larger than 2 MB/);
  assert.deepEqual(readFileSync(binaryPath), binary);
  assert.equal(readFileSync(bigPath, 'utf8'), big);

  const stylish = runCli(['skipped'], { cwd: temp.dir });
  assert.equal(stylish.status, 0);
  assert.match(stylish.stdout, /^skipped\/big\.md\n {2}1:1 {2}info {2}This file is larger than 2 MB/);
});

test('maxFileSize from a .postmortemrc.json sets the limit', () => {
  write('small-limit/.postmortemrc.json', '{ "maxFileSize": 64 }');
  write('small-limit/report.md', POSTMORTEM);
  const [entry] = lint(['report.md'], join(temp.dir, 'small-limit')).entries;
  assert.deepEqual(entry.diagnostics.map((diagnostic) => diagnostic.rule), ['file-skipped']);
});
