import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import type { ConfigLayer } from '../../server/src/analysis/config/config';

// Rules build their word lists once per distinct options and share them between documents: a run that switches
// options must read each document exactly as a run with those options alone.
const TEXT = '# Postmortem\n\n## Summary\n\nThe pool ran out. Cause to be confirmed.\n\n## Action Items\n\n- Review runbooks (owner: @ana, due: 2024-07-01)\n- Enhance monitoring (owner: @bob, due: 2024-07-01)\n';
const findings = (rules: ConfigLayer['rules']) =>
  analyze({ text: TEXT, layers: [{ detection: 'always', rules }] })
    .findings.filter((finding) => finding.ruleId === 'action-item-vague' || finding.ruleId === 'placeholder-text')
    .map((finding) => `${finding.ruleId} ${finding.range.start.line}`);

test('word lists built from one rule options are never read with another', () => {
  const defaults = findings({});
  const custom = findings({ 'action-item-vague': ['warning', { vagueVerbs: ['enhance'] }], 'placeholder-text': ['warning', { words: ['to be confirmed'] }] });
  assert.deepEqual(defaults, ['action-item-vague 8', 'action-item-vague 9']);
  assert.deepEqual(custom, ['placeholder-text 4', 'action-item-vague 9']);
  assert.deepEqual(findings({}), defaults);
  assert.deepEqual(findings({ 'action-item-vague': ['warning', { vagueVerbs: ['enhance'] }], 'placeholder-text': ['warning', { words: ['to be confirmed'] }] }), custom);
});
