/**
 * "Disable rule for this line / file": the inserted comment must silence exactly that finding, keep the Markdown
 * structure (a list stays a list, a table stays a table) and never touch the front matter.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { applyEdits } from '../../server/src/analysis/fixes/fix';
import { parseMarkdown } from '../../server/src/analysis/parsing/parse';
import type { Rule } from '../../server/src/analysis/rules/types';
import { SourceText } from '../../server/src/analysis/parsing/sourceText';
import type { TextEdit } from '../../server/src/analysis/types';
import { canDisableForFile, disableFileEdit, disableLineEdit } from '../../server/src/lsp/disableComments';

/** Reports every line that contains FLAG, so a test can put a finding on any kind of line. */
const flagRule: Rule = {
  meta: { id: 'flag', description: 'Lines with FLAG.', defaultSeverity: 'warning', fixable: false, docs: '' },
  check({ document, report }) {
    document.text.split(/\r?\n/).forEach((line, index) => {
      const at = line.indexOf('FLAG');
      if (at >= 0) report({ range: { start: { line: index, character: at }, end: { line: index, character: at + 4 } }, message: 'flag' });
    });
  },
};

const flaggedLines = (text: string) => analyze({ text, layers: [{ detection: 'always' }], rules: [flagRule] }).findings.map((finding) => finding.range.start.line);
const documentOf = (text: string) => analyze({ text, layers: [{ detection: 'always' }], rules: [flagRule] }).document!;
const apply = (text: string, edit: TextEdit | undefined) => {
  assert.ok(edit, 'an edit');
  return applyEdits(new SourceText(text), [edit]);
};

test('a line of a nested list item: the comment goes above it with the same indentation', () => {
  const text = '# Postmortem\n\n- a\n  - FLAG b\n  - FLAG c\n';
  const fixed = apply(text, disableLineEdit(documentOf(text), 'flag', 3));
  assert.equal(fixed, '# Postmortem\n\n- a\n  <!-- postmortem-disable-next-line flag -->\n  - FLAG b\n  - FLAG c\n');
  assert.deepEqual(flaggedLines(fixed), [5]);
  const list = parseMarkdown(fixed).tree.children.filter((node) => node.type === 'list');
  assert.equal(list.length, 1, 'still one list');
});

test('a quoted line keeps its quote marker', () => {
  const text = '# Postmortem\n\n> quote\n> FLAG here\n';
  const fixed = apply(text, disableLineEdit(documentOf(text), 'flag', 3));
  assert.equal(fixed, '# Postmortem\n\n> quote\n> <!-- postmortem-disable-next-line flag -->\n> FLAG here\n');
  assert.deepEqual(flaggedLines(fixed), []);
});

test('a table row gets a disable-line comment inside its last cell, and the table stays whole', () => {
  const text = '# Postmortem\n\n| Action | Owner |\n|---|---|\n| FLAG one | @a |\n| FLAG two | @b|\n';
  const first = apply(text, disableLineEdit(documentOf(text), 'flag', 4));
  assert.equal(first, '# Postmortem\n\n| Action | Owner |\n|---|---|\n| FLAG one | @a <!-- postmortem-disable-line flag --> |\n| FLAG two | @b|\n');
  assert.deepEqual(flaggedLines(first), [5]);
  const second = apply(first, disableLineEdit(documentOf(first), 'flag', 5));
  assert.equal(second.split('\n')[5], '| FLAG two | @b <!-- postmortem-disable-line flag --> |');
  assert.deepEqual(flaggedLines(second), []);
  const table = parseMarkdown(second).tree.children.find((node) => node.type === 'table');
  assert.equal(table && 'children' in table ? table.children.length : 0, 3, 'header and two rows');
});

test('a table row without outer pipes gets the comment at its end', () => {
  const text = '# Postmortem\n\nAction | Owner\n--- | ---\nFLAG one | @a\n';
  const fixed = apply(text, disableLineEdit(documentOf(text), 'flag', 4));
  assert.equal(fixed.split('\n')[4], 'FLAG one | @a <!-- postmortem-disable-line flag -->');
  assert.deepEqual(flaggedLines(fixed), []);
});

test('front matter lines cannot hold a comment: no line action, and the file action would not cover them', () => {
  const text = '---\ntitle: FLAG\n---\n# Postmortem\n\nFLAG\n';
  const document = documentOf(text);
  assert.equal(disableLineEdit(document, 'flag', 1), undefined);
  assert.equal(canDisableForFile(document, 1), false);
  assert.equal(canDisableForFile(document, 5), true);
});

test('for the file: at the top, after the front matter, with the document line breaks', () => {
  const plain = '# Postmortem\r\n\r\nFLAG\r\n';
  const top = apply(plain, disableFileEdit(documentOf(plain), 'flag'));
  assert.equal(top, '<!-- postmortem-disable flag -->\r\n# Postmortem\r\n\r\nFLAG\r\n');
  assert.deepEqual(flaggedLines(top), []);

  const withFrontMatter = '---\ntype: postmortem\n---\n# Postmortem\n\nFLAG\n';
  const below = apply(withFrontMatter, disableFileEdit(documentOf(withFrontMatter), 'flag'));
  assert.equal(below, '---\ntype: postmortem\n---\n<!-- postmortem-disable flag -->\n# Postmortem\n\nFLAG\n');
  assert.deepEqual(flaggedLines(below), []);
  assert.equal(documentOf(below).frontMatter?.data.type, 'postmortem', 'the front matter is still front matter');

  const onlyFrontMatter = '---\ntype: postmortem\n---';
  assert.equal(apply(onlyFrontMatter, disableFileEdit(documentOf(onlyFrontMatter), 'flag')), '---\ntype: postmortem\n---\n<!-- postmortem-disable flag -->');
});
