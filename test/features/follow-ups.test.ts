import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { groupFollowUps } from '../../server/src/analysis/features/followUpGroups';
import { reportFacts } from '../../server/src/analysis/features/followUps';
import { markDoneEdit } from '../../server/src/analysis/features/markDone';
import { applyEdits } from '../../server/src/analysis/fixes/fix';
import { SourceText } from '../../server/src/analysis/parsing/sourceText';

const documentOf = (text: string) => analyze({ text, layers: [{ detection: 'always' }], rules: [] }).document!;
const report = (title: string, items: string) => ({ uri: `file:///w/${title}.md`, facts: reportFacts(documentOf(`# ${title}\n\n## Action Items\n\n${items}`), title) });

function markDone(text: string, line: number): string {
  const edit = markDoneEdit(documentOf(text), line);
  assert.ok(edit, `no open item on line ${line}`);
  return applyEdits(new SourceText(text), [edit]);
}

test('mark done ticks the task box, or appends "(done)"; the item then reads as done', () => {
  const text = '# P\n\n## Action Items\n\n- [ ] Add an alert (due: 2024-05-01).\n1. Write a runbook.\n\n| Action | Owner |\n|---|---|\n| Load test | @ana |\n';
  const cases: Array<[number, string]> = [
    [4, '- [x] Add an alert (due: 2024-05-01).'],
    [5, '1. Write a runbook. (done)'],
    [9, '| Load test (done) | @ana |'],
  ];
  for (const [line, expected] of cases) {
    const after = markDone(text, line);
    assert.equal(after.split('\n')[line], expected);
    assert.ok(documentOf(after).actionItems.find((item) => item.range.start.line === line)?.done, expected);
    assert.equal(markDoneEdit(documentOf(after), line), undefined, 'a done item is not marked again');
  }
  assert.equal(markDoneEdit(documentOf(text), 2), undefined, 'no item on the heading line');
});

test('grouped by owner: overdue first, the most overdue on top, done hidden unless asked, no owner last', () => {
  const reports = [
    report('DB outage', '- [ ] Add an alert (owner: @ana, due: 2024-05-01)\n- [x] Raise the pool (owner: @ana, due: 2024-04-01)\n- [ ] Write a runbook\n'),
    report('DNS outage', '- [ ] Lower the TTL (owner: @bob, due: 2024-04-02)\n- [ ] Add a canary (owner: @ana, due: 2024-06-01)\n'),
  ];
  const list = groupFollowUps(reports, { groupBy: 'owner', showDone: false, today: '2024-05-10' });
  assert.deepEqual(list.groups.map((group) => [group.label, group.overdue, group.items.map((item) => `${item.text}${item.overdue ? ' !' : ''}`)]), [
    ['@ana', 1, ['Add an alert !', 'Add a canary']],
    ['@bob', 1, ['Lower the TTL !']],
    ['No owner', 0, ['Write a runbook']],
  ]);
  assert.deepEqual([list.overdue, list.open, list.done], [2, 4, 1]);
  const withDone = groupFollowUps(reports, { groupBy: 'owner', showDone: true, today: '2024-05-10' });
  assert.deepEqual(withDone.groups[0].items.map((item) => item.text), ['Add an alert', 'Add a canary', 'Raise the pool']);
});

test('grouped by due date and by report', () => {
  const reports = [report('DB outage', '- [ ] A (due: 2024-05-01)\n- [ ] B (due: 2024-05-12)\n- [ ] C (due: 2024-09-01)\n- [ ] D\n')];
  const byDue = groupFollowUps(reports, { groupBy: 'due', showDone: false, today: '2024-05-10' });
  assert.deepEqual(byDue.groups.map((group) => [group.label, group.items.map((item) => item.text)]), [
    ['Overdue', ['A']],
    ['Due within 7 days', ['B']],
    ['Due later', ['C']],
    ['No due date', ['D']],
  ]);
  const byReport = groupFollowUps(reports, { groupBy: 'report', showDone: false, today: '2024-05-10' });
  assert.deepEqual(byReport.groups.map((group) => [group.label, group.uri, group.items.length]), [['DB outage', 'file:///w/DB outage.md', 4]]);
});
