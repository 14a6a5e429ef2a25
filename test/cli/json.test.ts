import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { fixForFixAll } from '../../server/src/analysis/fixes/fix';
import { ensureBuilt, onlyRules, ROOT, runCli, tempDir } from '../helpers/cli';
import { seed, seeds, SHARED } from '../helpers/corpus';

before(ensureBuilt);

const SEEDS = join(SHARED, 'seeds');

interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixable: boolean;
}
interface JsonEntry {
  file: string;
  diagnostics: JsonDiagnostic[];
}

function lintJson(args: string[], cwd = ROOT): JsonEntry[] {
  const run = runCli(['--format', 'json', ...args], { cwd });
  assert.notEqual(run.status, 2, run.stderr);
  return JSON.parse(run.stdout) as JsonEntry[];
}

test('--format json prints one entry per seed, in the order given, with exactly the documented fields', () => {
  const names = seeds().map((document) => document.name);
  const entries = lintJson(names, SEEDS);
  assert.deepEqual(entries.map((entry) => entry.file), names);
  for (const entry of entries) {
    assert.deepEqual(Object.keys(entry), ['file', 'diagnostics']);
    for (const diagnostic of entry.diagnostics) {
      assert.deepEqual(Object.keys(diagnostic), ['rule', 'severity', 'message', 'range', 'fixable']);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(diagnostic.severity), diagnostic.severity);
      assert.equal(typeof diagnostic.message, 'string');
      assert.equal(typeof diagnostic.fixable, 'boolean');
      assert.deepEqual(Object.keys(diagnostic.range), ['start', 'end']);
      for (const position of [diagnostic.range.start, diagnostic.range.end]) {
        assert.deepEqual(Object.keys(position), ['line', 'character']);
        assert.ok(Number.isInteger(position.line) && position.line >= 0 && Number.isInteger(position.character) && position.character >= 0);
      }
    }
  }
});

test('the JSON output is what analyze() finds on every seed (0-based LSP ranges, fixable as --fix decides)', () => {
  const documents = seeds();
  const entries = lintJson(documents.map((document) => document.name), SEEDS);
  for (const [index, document] of documents.entries()) {
    const expected = analyze({ text: document.text }).findings.map((finding) => ({
      rule: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      range: finding.range,
      fixable: fixForFixAll(finding, false) !== undefined,
    }));
    assert.deepEqual(entries[index].diagnostics, expected, document.name);
  }
});

test('seed 003: heading-syntax on its three "###Title:" lines, exact ranges, fixable, and no missing-section for them', () => {
  const [entry] = lintJson([seed('003').name], SEEDS);
  const of = (rule: string) => entry.diagnostics.filter((diagnostic) => diagnostic.rule === rule);
  const heading = (line: number, written: string, title: string) => ({
    rule: 'heading-syntax',
    severity: 'warning',
    message: `"${written}" is meant as the "${title}" section title, but Markdown needs a space after the "#" characters. Write "### ${title}".`,
    range: { start: { line, character: 0 }, end: { line, character: written.length } },
    fixable: true,
  });
  assert.deepEqual(of('heading-syntax'), [
    heading(8, '###Timeline:', 'Timeline'),
    heading(19, '###Root Cause and Resolution:', 'Root Cause and Resolution'),
    heading(24, '###Corrective and Preventative Measures:', 'Corrective and Preventative Measures'),
  ]);
  assert.deepEqual(of('missing-section'), []);
});

test('a checked file with no problems is listed with an empty diagnostics array', () => {
  // On a day before the example's due dates, so its open items are not overdue.
  assert.deepEqual(lintJson(['--today', '2026-03-20', 'examples/clean-postmortem.md']), [{ file: 'examples/clean-postmortem.md', diagnostics: [] }]);
});

test('"file" is relative to the current folder with "/", and absolute for a file outside it', () => {
  const { dir, remove } = tempDir();
  try {
    const outside = seed('003').path;
    const entries = lintJson([...onlyRules('heading-syntax'), outside], dir);
    assert.equal(entries[0].file, outside);
    assert.equal(entries[0].diagnostics.length, 3);
    assert.deepEqual(lintJson(['./examples/../examples/needs-work-postmortem.md']).map((entry) => entry.file), ['examples/needs-work-postmortem.md']);
  } finally {
    remove();
  }
});
