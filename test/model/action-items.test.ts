import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';

const itemsOf = (body: string) =>
  analyze({ text: `# Postmortem\n\n## Action Items\n${body}`, layers: [{ detection: 'always' }] }).document!.actionItems;

test('an item\'s action is its text without the fields, and without the separators they shared', () => {
  const items = itemsOf('- [ ] Add an alert on pool usage (owner: @ana, due: 2024-07-01, JIRA-123)\n- [ ] Add a runbook — @bob, by 2024-07-01.\n- Write a load test (P1) for the pool\n');
  assert.deepEqual(items.map((item) => item.action), ['Add an alert on pool usage', 'Add a runbook.', 'Write a load test for the pool']);
  assert.deepEqual(items.map((item) => [item.owner?.text, item.due?.date, item.tracking?.text, item.priority]), [
    ['@ana', '2024-07-01', 'JIRA-123', undefined],
    ['@bob', '2024-07-01', undefined, undefined],
    [undefined, undefined, undefined, 'P1'],
  ]);
});

const documentOf = (text: string) => analyze({ text, layers: [{ detection: 'always' }] }).document!;

test('lines meant as items that Markdown runs together are items, under the label above them', () => {
  const items = itemsOf('\nImprovements:\n-Add an alert on pool usage (owner: @ana)\n● Write a runbook for the pool\nTasks:\nPatch the leak in the handler.\nAdd a load test at twice the peak.\nIn conclusion, it went well.\n');
  assert.deepEqual(items.map((item) => [item.kind, item.action, item.group, item.owner?.text]), [
    ['line', 'Add an alert on pool usage', 'Improvements', '@ana'],
    ['line', 'Write a runbook for the pool', 'Improvements', undefined],
    ['line', 'Patch the leak in the handler.', 'Tasks', undefined],
    ['line', 'Add a load test at twice the peak.', 'Tasks', undefined],
  ]);
});

test('items indented into a code block are items; a real command there is not', () => {
  assert.deepEqual(itemsOf('\n    • Add an alert on pool usage\n    • Write a runbook for the pool\n').map((item) => item.action), ['Add an alert on pool usage', 'Write a runbook for the pool']);
  assert.deepEqual(itemsOf('\n    $ kubectl scale deployment/api --replicas=3\n    $ kubectl rollout status deployment/api\n'), []);
});

test('HTML list items and bulleted HTML paragraphs are items, each under its own section', () => {
  const document = documentOf('# Postmortem\n\n<h2>Action Items</h2>\n<ol><li>Add an alert on pool usage (owner: @ana)</li>\n<li>Write a runbook</li></ol>\n<p>&emsp;:small_orange_diamond:Patch the leak</p>\n<h2>Lessons</h2>\n<p>We learned a lot.</p>\n');
  assert.deepEqual(document.actionItems.map((item) => [item.action, item.owner?.text]), [['Add an alert on pool usage', '@ana'], ['Write a runbook', undefined], ['Patch the leak', undefined]]);
});

test('"Action point: ..." inside another section is an action item, up to the next one or the end of its paragraph', () => {
  const document = documentOf('# Postmortem\n\n## Timeline\n\n- 10:00 UTC Alert fired. Action point: add a runbook for the pool\n\n[Action Item] rejected launches count as failures.\nThey should get their own label. Follow-up: @ana to add a panel\n\n## Action Items\n\n- Add an alert (owner: @bob)\n');
  assert.deepEqual(document.actionItems.map((item) => [item.kind, item.action, item.section.title]), [
    ['line', 'add a runbook for the pool', 'Timeline'],
    ['line', 'rejected launches count as failures. They should get their own label.', 'Timeline'],
    ['line', 'to add a panel', 'Timeline'],
    ['list-item', 'Add an alert', 'Action Items'],
  ]);
});
