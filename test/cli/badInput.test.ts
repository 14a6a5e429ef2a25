/**
 * The CLI on bad input: text that is not UTF-8 and text too complex to parse quickly are reported as skipped
 * (not analysed); a `.postmortemrc.json` with wrong types is reported on stderr at each wrong part (exit code 2)
 * while its valid parts still apply; output whose reader has gone (`| head`) ends the run without a stack trace.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { CLI, ensureBuilt, runCli, tempDir } from '../helpers/cli';

before(ensureBuilt);

const temp = tempDir();
after(temp.remove);

function write(relative: string, content: string | Buffer): void {
  const path = join(temp.dir, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

type Entry = { file: string; diagnostics: Array<{ rule: string; severity: string; message: string }> };
const lint = (args: string[]) => {
  const run = runCli(['--format', 'json', ...args], { cwd: temp.dir });
  return { ...run, entries: run.stdout ? (JSON.parse(run.stdout) as Entry[]) : [] };
};

test('Latin-1 bytes and lists nested 10 000 deep are reported as skipped', () => {
  write('latin1.md', Buffer.from(`# Postmortem\n\n${'Caf\xe9 cr\xe8me br\xfbl\xe9e. '.repeat(20)}\n`, 'latin1'));
  write('nested.md', `# Postmortem\n\n${'- '.repeat(10_000)}deep\n`);
  const run = lint(['latin1.md', 'nested.md']);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(
    run.entries.map((entry) => [entry.file, entry.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.severity, diagnostic.message])]),
    [
      ['latin1.md', [['file-skipped', 'info', 'This file is not valid UTF-8 text, so Postmortem Writer does not check it.']]],
      ['nested.md', [['file-skipped', 'info', 'This file is too complex to check quickly: it nests lists or quotes more than 100 levels deep. Postmortem Writer does not check it.']]],
    ],
  );
});

test('an rc file with wrong types: each wrong part on stderr with its line and column, exit code 2, the valid parts applied', () => {
  write('team/.postmortemrc.json', '{\n  "rules": { "heading-syntax": "off", "missing-section": 5 },\n  "detection": "sometimes"\n}\n');
  write('team/report.md', '# Postmortem\n\n###Timeline:\n\n- 10:00 UTC The alert fired.\n');
  const run = lint(['team/report.md']);
  assert.equal(run.status, 2);
  assert.deepEqual(run.stderr.trim().split('\n'), [
    'postmortem-lint: team/.postmortemrc.json:2:58: .postmortemrc.json: "rules.missing-section" must be "off", "error", "warning", "info", "hint", [severity, options] or { "severity": ..., "options": {...} }; it is ignored.',
    'postmortem-lint: team/.postmortemrc.json:3:16: .postmortemrc.json: "detection" must be "auto", "always" or "never"; it is ignored.',
  ]);
  const rules = run.entries[0].diagnostics.map((diagnostic) => diagnostic.rule);
  assert.ok(!rules.includes('heading-syntax'), `heading-syntax is off in the rc file: ${rules.join(', ')}`);
  assert.ok(rules.includes('missing-section'), 'missing-section keeps its default severity');
});

test('a reader that closes the output early ends the run quietly, with the exit code of the check', () => {
  // 200 reports of 12 KB: far more JSON than a pipe holds, so the CLI is still writing when `head` has gone.
  for (let index = 0; index < 200; index++) write(`closed/${index}.md`, `# Postmortem\n\n## Summary\n\nTODO\n\n${'Words of the report. '.repeat(600)}\n\n## Timeline\n\n- 10:00 Paged.\n\n## Root cause\n\nTBD\n`);
  // The TODOs as errors: the check fails, and the run cut short must say so too.
  const args = '--format json --rule placeholder-text=error closed';
  const script = `"${process.execPath}" "${CLI}" ${args} 2>stderr.txt | head -c 1 >/dev/null; echo "exit \${PIPESTATUS[0]}"`;
  const run = spawnSync('bash', ['-c', script], { cwd: temp.dir, encoding: 'utf8' });
  const full = runCli(args.split(' '), { cwd: temp.dir });
  assert.equal(full.status, 1);
  assert.ok(full.stdout.length > 500_000, `the full output is ${full.stdout.length} characters`);
  assert.equal(run.stdout.trim(), `exit ${full.status}`);
  assert.equal(readFileSync(join(temp.dir, 'stderr.txt'), 'utf8'), '');
});
