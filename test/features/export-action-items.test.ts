import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { exportActionItems } from '../../server/src/analysis/features/exportActionItems';

const text = '# Checkout outage\n\n## Action Items\n\n- [ ] Add an alert, pool > 80% (owner: @ana, due: 2024-06-01) P1\n- [x] Roll back "v2" | hotfix\n';
const document = analyze({ text, layers: [{ detection: 'always' }] }).document!;

test('markdown: one row per item, fields in their columns, pipes escaped', () => {
  assert.equal(exportActionItems(document, 'markdown'), '| Action | Type | Owner | Priority | Due | Tracking |\n| --- | --- | --- | --- | --- | --- |\n| Add an alert, pool > 80% | detect | @ana | P1 | 2024-06-01 |  |\n| [x] Roll back "v2" \\| hotfix | repair |  |  |  |  |\n');
});

test('csv: quoted where needed', () => {
  const lines = exportActionItems(document, 'csv').split('\r\n');
  assert.equal(lines[0], 'action,type,typeSource,owner,priority,due,dueDate,dueRelative,tracking,done,group,section,line');
  assert.equal(lines[1], '"Add an alert, pool > 80%",detect,inferred,@ana,P1,2024-06-01,2024-06-01,false,,false,,Action Items,5');
  assert.equal(lines[2], '"Roll back ""v2"" | hotfix",repair,inferred,,,,,,,true,,Action Items,6');
});

test('json and issues carry the incident and a link back', () => {
  const json = JSON.parse(exportActionItems(document, 'json', { source: 'file:///pm.md' }));
  assert.equal(json.incident, 'Checkout outage');
  assert.deepEqual(json.items[0], { action: 'Add an alert, pool > 80%', type: 'detect', typeSource: 'inferred', owner: '@ana', priority: 'P1', due: '2024-06-01', dueDate: '2024-06-01', dueRelative: false, done: false, section: 'Action Items', line: 5 });
  const issues = exportActionItems(document, 'issues', { source: 'file:///pm.md' }).split('\n\n---\n\n');
  assert.equal(issues.length, 2);
  assert.equal(issues[0], '## Add an alert, pool > 80%\n\nAdd an alert, pool > 80%\n\n- **Postmortem:** [Checkout outage](file:///pm.md), line 5\n- **Section:** Action Items\n- **Owner:** @ana\n- **Due:** 2024-06-01\n- **Priority:** P1\n- **Type:** detect (read from the wording)');
});
