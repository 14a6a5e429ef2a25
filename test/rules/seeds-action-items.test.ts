/** The action-item acceptance criteria of issue 5, on the five seed reports, with the default configuration. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { applyEdits } from '../../server/src/analysis/fixes/fix';
import type { Finding } from '../../server/src/analysis/types';
import { SourceText } from '../../server/src/analysis/parsing/sourceText';
import { seed } from '../helpers/corpus';

function check(number: string) {
  const { text } = seed(number);
  const result = analyze({ text, layers: [{ detection: 'always' }] });
  const lineOf = (phrase: string) => text.split('\n').findIndex((line) => line.includes(phrase));
  const on = (ruleId: string, phrase: string) => result.findings.filter((finding: Finding) => finding.ruleId === ruleId && finding.range.start.line === lineOf(phrase));
  return { text, result, on, lineOf };
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

test('seed 000: the measures paragraph becomes one task item per sentence, every word kept', () => {
  const { text, result } = check('000');
  const missing = result.findings.filter((finding) => finding.ruleId === 'action-items-missing');
  assert.equal(missing.length, 1);
  assert.equal(missing[0].message, '"Corrective and Preventative Measures" is written as prose (5 sentences), not as action items. Write each measure as its own task item ("- [ ] ...") so it can be owned, dated and checked off.');
  const fixed = applyEdits(new SourceText(text), missing[0].fixes[0].edits);
  const paragraph = text.split('\n').find((line) => line.startsWith('To prevent future occurrences'))!;
  const items = fixed.split('\n').filter((line) => line.startsWith('- [ ] '));
  assert.equal(items.length, 5);
  assert.equal(items[1], '- [ ] We will ensure that our database connection pool is adequately sized to handle peak traffic and implement automated scaling solutions to adjust resources dynamically.');
  assert.deepEqual(words(items.map((item) => item.slice(6)).join(' ')), words(paragraph));
  assert.ok(fixed.includes('\n\nThese measures are designed to enhance the reliability'), 'the closing remark stays prose');
  assert.deepEqual(analyze({ text: fixed, layers: [{ detection: 'always' }] }).findings.filter((finding) => finding.ruleId === 'action-items-missing'), []);
});

test('seed 001: no owner on Task 1, 2 and 3; Task 1 has a relative deadline, so no due finding', () => {
  const { on, result } = check('001');
  for (const task of ['Task 1:', 'Task 2:', 'Task 3:']) assert.equal(on('action-item-owner', task).length, 1, task);
  assert.deepEqual(on('action-item-due', 'Task 1:'), []);
  const task1 = result.document!.actionItems.find((item) => item.text.startsWith('Task 1:'))!;
  assert.deepEqual({ text: task1.due?.text, relative: task1.due?.relative }, { text: 'within the next two weeks', relative: true });
  assert.equal(on('action-item-due', 'Task 2:').length, 1);
});

test('seed 002: owner on each checklist task; vague on "regular audits", not on the pool size of 200', () => {
  const { on } = check('002');
  for (const task of ['Patch the bug', 'Increase the database connection pool size to 200', 'Implement monitoring alerts', 'Conduct training', 'Schedule regular audits']) {
    assert.equal(on('action-item-owner', `[ ] ${task}`).length, 1, task);
  }
  assert.equal(on('action-item-vague', 'Conduct training').length + on('action-item-vague', 'Schedule regular audits').length >= 1, true);
  assert.match(on('action-item-vague', 'Schedule regular audits')[0].message, /^"Schedule regular audits of database configurations" cannot be checked off: "regular" sets no cadence\./);
  assert.deepEqual(on('action-item-vague', 'size to 200 permanently'), []);
  assert.equal(on('action-item-owner', 'size to 200 permanently').length, 1, 'the line is found, so the empty result above is meaningful');
});

test('seed 003: the section has only two empty labels', () => {
  const { result, text } = check('003');
  const missing = result.findings.filter((finding) => finding.ruleId === 'action-items-missing');
  assert.equal(missing.length, 1);
  assert.equal(missing[0].message, '"Corrective and Preventative Measures" has no action items: the labels "Improvements/Fixes:" and "Tasks to Address the Issue:" have nothing under them. Add one task item per change, e.g. "- [ ] Add an alert when pool usage > 80% for 5 min (owner: @handle, due: YYYY-MM-DD)".');
  assert.equal(missing[0].fixes[0].placeholder, true);
  const fixed = applyEdits(new SourceText(text), missing[0].fixes[0].edits);
  assert.ok(fixed.includes('**Tasks to Address the Issue:\n\n- [ ] Concrete, verifiable task (owner: @handle, due: YYYY-MM-DD)\n\n -- By implementing'));
});

test('seed 004: no owner on its items; vague on the monitoring and policy items', () => {
  const { on, result } = check('004');
  const owners = result.findings.filter((finding) => finding.ruleId === 'action-item-owner');
  assert.equal(owners.length, 10);
  assert.equal(on('action-item-vague', 'Increase monitoring and alerting capabilities').length, 1);
  assert.equal(on('action-item-vague', 'Update the connection pool management policy').length, 1);
  assert.equal(on('action-item-vague', 'Increase monitoring and alerting capabilities')[0].message, '"Increase monitoring and alerting capabilities to quickly detect…" cannot be checked off: "increase … capabilities" does not say what will change. Say what will exist when it is done, e.g. "Add an alert when pool usage > 80% for 5 min".');
});
