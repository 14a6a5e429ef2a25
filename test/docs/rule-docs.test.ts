/** Every rule is documented where users look: its own page, the README's table, and a doc URL that names that page. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/src/analysis/rules';

const ROOT = resolve(__dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

test('each rule has a page under docs/rules/ that starts with its id and states its default severity', () => {
  for (const { meta } of RULES) {
    const page = join(ROOT, 'docs/rules', `${meta.id}.md`);
    assert.ok(existsSync(page), `missing docs/rules/${meta.id}.md`);
    const text = readFileSync(page, 'utf8');
    assert.match(text, new RegExp(`^# ${meta.id}\\n`), meta.id);
    assert.match(text, new RegExp(`\\*\\*Default severity:\\*\\* ${meta.defaultSeverity}`), meta.id);
    assert.ok(meta.docs.endsWith(`/docs/rules/${meta.id}.md`), meta.docs);
  }
});

test('no page documents a rule that does not exist', () => {
  const ids = new Set(RULES.map((rule) => rule.meta.id));
  const pages = readdirSync(join(ROOT, 'docs/rules')).map((name) => name.replace(/\.md$/, ''));
  assert.deepEqual(pages.filter((page) => !ids.has(page)), []);
});

test('the README lists every rule with its default severity and whether it is fixable', () => {
  for (const { meta } of RULES) {
    const row = readme.split('\n').find((line) => line.startsWith(`| [\`${meta.id}\`]`));
    assert.ok(row, `README has no row for ${meta.id}`);
    const cells = row.split('|').map((cell) => cell.trim());
    assert.equal(cells[2], meta.defaultSeverity, meta.id);
    assert.equal(cells[3], meta.fixable ? 'yes' : '', meta.id);
  }
});
