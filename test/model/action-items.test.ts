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
