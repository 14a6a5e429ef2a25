import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Finding, Severity } from '../../server/src/analysis/types';
import { github } from '../../server/src/cli/formatters/github';
import type { FileResult } from '../../server/src/cli/run';
import { ensureBuilt, onlyRules, runCli, tempDir } from '../helpers/cli';

before(ensureBuilt);

const temp = tempDir();
after(temp.remove);

const CONTEXT = { cwd: '/work', color: false, fixPlaceholders: false, quiet: false, executionSuccessful: true };

function finding(severity: Severity, message: string, [startLine, startCharacter, endLine, endCharacter]: number[], ruleId = 'heading-syntax'): Finding {
  return { ruleId, severity, message, range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } }, fixes: [] };
}

const result = (file: string, findings: Finding[]): FileResult => ({ path: `/work/${file}`, file, findings, fixed: 0 });

test('one workflow command per finding: ::error, ::warning, and ::notice for infos and hints, 1-based positions', () => {
  const output = github(
    [
      result('postmortems/db.md', [
        finding('error', 'Missing section "Timeline".', [0, 0, 0, 12], 'missing-section'),
        finding('warning', 'Write "## Summary".', [2, 0, 2, 9]),
        finding('info', 'Out of order.', [4, 2, 4, 7], 'section-order'),
      ]),
      result('postmortems/api.md', [finding('hint', 'A hint.', [9, 4, 9, 5])]),
    ],
    CONTEXT,
  );
  assert.equal(
    output,
    [
      '::error file=postmortems/db.md,line=1,col=1,endLine=1,endColumn=13,title=missing-section::Missing section "Timeline".',
      '::warning file=postmortems/db.md,line=3,col=1,endLine=3,endColumn=10,title=heading-syntax::Write "## Summary".',
      '::notice file=postmortems/db.md,line=5,col=3,endLine=5,endColumn=8,title=section-order::Out of order.',
      '::notice file=postmortems/api.md,line=10,col=5,endLine=10,endColumn=6,title=heading-syntax::A hint.',
      '',
    ].join('\n'),
  );
});

test('the message escapes %, CR and LF; properties also escape : and ,', () => {
  const output = github([result('q3, db: 100%/report.md', [finding('warning', '50% of requests: failed,\r\nthen 100%0A', [0, 0, 0, 1])])], CONTEXT);
  assert.equal(output, '::warning file=q3%2C db%3A 100%25/report.md,line=1,col=1,endLine=1,endColumn=2,title=heading-syntax::50%25 of requests: failed,%0D%0Athen 100%250A\n');
});

test('a range over several lines has no columns (the runner would drop them with a warning)', () => {
  const output = github([result('report.md', [finding('warning', 'An empty section.', [3, 0, 6, 4], 'empty-section')])], CONTEXT);
  assert.equal(output, '::warning file=report.md,line=4,endLine=7,title=empty-section::An empty section.\n');
});

test('no findings, no output', () => {
  assert.equal(github([result('report.md', [])], CONTEXT), '');
  assert.equal(github([], CONTEXT), '');
});

test('postmortem-lint --format github prints the commands with the file relative to the current folder', () => {
  mkdirSync(join(temp.dir, 'q3, db: outage'));
  writeFileSync(join(temp.dir, 'q3, db: outage', 'report.md'), '# Postmortem: cache outage\n\n##Summary\n\nThe cache fell over.\n');
  const run = runCli(['--format', 'github', ...onlyRules('heading-syntax'), '--rule', 'heading-syntax=error', 'q3, db: outage/report.md'], { cwd: temp.dir });
  assert.equal(run.status, 1, run.stderr);
  assert.equal(
    run.stdout,
    '::error file=q3%2C db%3A outage/report.md,line=3,col=1,endLine=3,endColumn=10,title=heading-syntax::"##Summary" is meant as the "Summary" section title, but Markdown needs a space after the "#" characters. Write "## Summary".\n',
  );
});
