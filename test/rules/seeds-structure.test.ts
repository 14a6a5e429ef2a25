/** Issue 3's acceptance on the seeds, with the default configuration. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { structureRules } from '../../server/src/analysis/rules/structure';
import { seed } from '../helpers/corpus';

const STRUCTURE = new Set(structureRules.map((rule) => rule.meta.id));

/** The structure findings of a seed as `line:character ruleId`, lines counted from 1 as an editor shows them. */
function findings(number: string, ...ruleIds: string[]) {
  const { text } = seed(number);
  const result = analyze({ text });
  return result.findings
    .filter((finding) => (ruleIds.length ? ruleIds.includes(finding.ruleId) : STRUCTURE.has(finding.ruleId)))
    .map((finding) => ({ at: `${finding.range.start.line + 1}:${finding.range.start.character} ${finding.ruleId}`, text: text.split('\n')[finding.range.start.line].slice(finding.range.start.character, finding.range.end.character), message: finding.message }));
}

test('seeds 000, 001, 002 and 004: no missing-section, heading-syntax or summary-incomplete', () => {
  for (const number of ['000', '001', '002', '004']) assert.deepEqual(findings(number, 'missing-section', 'heading-syntax', 'summary-incomplete'), [], number);
});

test('seed 002: placeholder-text on the template path of its diagram', () => {
  assert.deepEqual(findings('002', 'placeholder-text').map(({ at, text }) => [at, text]), [['47:39 placeholder-text', '[path/to/your/saved/diagram.png]']]);
});

test('seed 003: heading-syntax on its three "###Title:" lines, empty-section for its measures', () => {
  assert.deepEqual(findings('003', 'heading-syntax').map(({ at, text }) => [at, text]), [
    ['9:0 heading-syntax', '###Timeline:'],
    ['20:0 heading-syntax', '###Root Cause and Resolution:'],
    ['25:0 heading-syntax', '###Corrective and Preventative Measures:'],
  ]);
  assert.deepEqual(findings('003', 'empty-section').map(({ at, message }) => [at, message]), [[
    '25:0 empty-section',
    'Section "Corrective and Preventative Measures" has only labels with nothing under them ("Improvements/Fixes", "Tasks to Address the Issue") and a closing remark. Write what it should say, or remove the heading if it does not apply.',
  ]]);
});

test('the structure rules stay quiet on the seeds otherwise', () => {
  assert.deepEqual(findings('000'), []);
  assert.deepEqual(findings('001'), []);
  assert.deepEqual(findings('002').map(({ at }) => at), ['47:39 placeholder-text']);
  assert.deepEqual(findings('003').map(({ at }) => at), ['9:0 heading-syntax', '20:0 heading-syntax', '25:0 heading-syntax', '25:0 empty-section']);
  // Seed 004 repeats its measures word for word under "# TODOs:".
  assert.deepEqual(findings('004').map(({ at }) => at), ['37:0 duplicate-section']);
});
