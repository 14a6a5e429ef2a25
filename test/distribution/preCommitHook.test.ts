import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { ensureBuilt, ROOT, runCli, tempDir } from '../helpers/cli';

before(ensureBuilt);

const temp = tempDir();
after(temp.remove);

interface Hook {
  id: string;
  name: string;
  description: string;
  entry: string;
  language: string;
  types: string[];
}

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const bins = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin as Record<string, string>;

test('one hook, postmortem-lint, a node hook for Markdown files that runs the package bin', () => {
  assert.equal(hooks.length, 1);
  const [hook] = hooks;
  assert.deepEqual(
    { id: hook.id, name: hook.name, language: hook.language, types: hook.types, entry: hook.entry },
    { id: 'postmortem-lint', name: 'postmortem-lint', language: 'node', types: ['markdown'], entry: 'postmortem-lint --only-postmortems' },
  );
  assert.equal(bins['postmortem-lint'], './dist/cli.js');
  assert.ok(hook.description.length > 0);
});

test('as pre-commit runs it (entry, then the args of .pre-commit-config.yaml, then the staged files), only postmortems are checked', () => {
  mkdirSync(join(temp.dir, 'postmortems'));
  writeFileSync(join(temp.dir, 'README.md'), '# Team handbook\n\nHow we work.\n');
  writeFileSync(join(temp.dir, 'postmortems/db.md'), '---\ntype: postmortem\n---\n# Database failover\n\n##Summary\n\nThe primary failed over.\n');
  const [, ...entryArgs] = hooks[0].entry.split(' ');
  const run = runCli([...entryArgs, '--format', 'json', '--rule', 'heading-syntax=error', 'README.md', 'postmortems/db.md'], { cwd: temp.dir });
  assert.equal(run.status, 1, run.stderr);
  const entries = JSON.parse(run.stdout) as Array<{ file: string; diagnostics: Array<{ rule: string }> }>;
  assert.deepEqual(entries.map((entry) => entry.file), ['postmortems/db.md']);
  assert.ok(entries[0].diagnostics.some((diagnostic) => diagnostic.rule === 'heading-syntax'));
});
