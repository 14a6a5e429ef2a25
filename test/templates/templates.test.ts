import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { buildCustomTemplate, resolveConfig } from '../../server/src/analysis/config/config';
import { BUILT_IN_TEMPLATES, DEFAULT_TEMPLATE } from '../../server/src/analysis/templates';
import { flattenSections } from '../../server/src/analysis/templates/lookup';

const titles = (name: string) => BUILT_IN_TEMPLATES.get(name)!.sections.map((section) => `${section.title}${section.required ? '' : '?'}`);

test('the built-in templates, in their published order (optional sections marked "?")', () => {
  assert.equal(DEFAULT_TEMPLATE, 'essential');
  assert.deepEqual(titles('essential'), ['Summary', 'Timeline', 'Root Cause', 'Resolution', 'Action Items']);
  assert.deepEqual(titles('google-sre'), ['Summary', 'Impact', 'Root Causes', 'Trigger', 'Resolution', 'Detection', 'Action Items', 'Lessons Learned', 'Timeline', 'Supporting information?']);
  assert.deepEqual(titles('pagerduty'), ['Overview', 'What Happened', 'Contributing Factors', 'Resolution', 'Impact', 'Responders', 'Timeline', "How'd We Do?", 'Action Items', 'Messaging?']);
  assert.deepEqual(titles('atlassian'), [
    'Incident summary', 'Leadup', 'Fault', 'Impact', 'Detection', 'Response', 'Recovery', 'Timeline', 'Five whys', 'Root cause', 'Backlog check?',
    'Related incidents?', 'Lessons learned', 'Follow-up tasks',
  ]);
  assert.deepEqual(BUILT_IN_TEMPLATES.get('google-sre')!.sections.find((section) => section.id === 'lessons')!.children!.map((child) => child.title), [
    'What went well', 'What went wrong', 'Where we got lucky',
  ]);
});

test('one id means one question in every template', () => {
  const ids = (name: string) => BUILT_IN_TEMPLATES.get(name)!.sections.map((section) => section.id);
  for (const name of BUILT_IN_TEMPLATES.keys()) {
    const own = ids(name);
    assert.equal(new Set(own).size, own.length, `${name} lists an id twice`);
    for (const section of flattenSections(BUILT_IN_TEMPLATES.get(name)!.sections)) assert.ok(section.prompt.trim(), `${name} ${section.id} has no prompt`);
  }
  for (const shared of ['summary', 'timeline', 'resolution', 'action-items']) {
    for (const name of BUILT_IN_TEMPLATES.keys()) assert.ok(ids(name).includes(shared), `${name} has no ${shared}`);
  }
});

test('a team template from .postmortemrc.json: its own sections, or a built-in extended', () => {
  const ours = buildCustomTemplate('ours', {
    extends: 'essential',
    sections: [
      { title: 'Customer comms', prompt: 'Who told customers, and when?', required: false },
      { id: 'root-cause', title: 'Contributing factors' },
    ],
  });
  assert.deepEqual(ours.sections.map((section) => `${section.id}:${section.title}:${section.required}`), [
    'summary:Summary:true', 'timeline:Timeline:true', 'root-cause:Contributing factors:true', 'resolution:Resolution:true', 'action-items:Action Items:true',
    'customer-comms:Customer comms:false',
  ]);
  // Redefining a section keeps the built-in's synonyms and prompt.
  const rootCause = ours.sections.find((section) => section.id === 'root-cause')!;
  assert.ok(rootCause.synonyms.includes('rca'));
  assert.match(rootCause.prompt, /^Why did it happen\?/);
});

test('front matter picks a template; an unknown name falls back to the default and says so', () => {
  const layers = [{ templates: { ours: { sections: [{ title: 'What broke' }] } } }];
  const picked = analyze({ text: '---\ntemplate: ours\n---\n# Postmortem\n\n## What broke\nx\n', layers });
  assert.equal(picked.config.templateName, 'ours');
  assert.deepEqual(picked.document!.sections.map((section) => section.kinds.join(',')), ['', 'what-broke']);
  const unknown = resolveConfig([{ template: 'nope' }]);
  assert.equal(unknown.templateName, 'essential');
  assert.equal(unknown.unknownTemplate, 'nope');
  assert.equal(analyze({ text: '---\ntemplate: google-sre\n---\n# Postmortem\n' }).config.template, BUILT_IN_TEMPLATES.get('google-sre'));
});
