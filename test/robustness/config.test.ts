/**
 * Nothing a workspace configures can crash the analysis: every part of a configuration layer with the wrong
 * type is dropped with a message naming it (at its place in a `.postmortemrc.json`), the rest applies, and
 * nothing configured is run or compiled into a pattern.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { resolveConfig, type ConfigLayer } from '../../server/src/analysis/config/config';
import { parseRc } from '../../server/src/analysis/config/files';
import { validateLayer } from '../../server/src/analysis/config/validation';
import { seed } from '../helpers/corpus';

const SEED = seed('003').text;
/** Layers as a client or an rc file may hold them: any JSON. */
const raw = (value: unknown) => value as ConfigLayer;

describe('configuration with wrong types', () => {
  test('each wrong part is named and dropped; the valid parts are kept', () => {
    const { layer, problems } = validateLayer({
      template: 5,
      rules: { 'heading-syntax': 'off', 'missing-section': 5, 'empty-section': ['loud'], 'section-order': ['info', 'verbose'], 'placeholder-text': { severity: 'hint', options: { words: ['tbd'] } } },
      templates: { team: { sections: [{ title: 'What happened' }, 5, { title: '' }, { title: 'Fix', children: 'none', synonyms: [1, 'repair'], required: 'yes' }] }, bad: { sections: 5 }, worse: 7 },
      files: ['postmortems/**', 3],
      detection: 'sometimes',
      maxFileSize: -1,
      timezone: { zone: 'UTC' },
      $schema: './schemas/postmortemrc.schema.json',
    });
    assert.deepEqual(layer, {
      rules: { 'heading-syntax': 'off', 'placeholder-text': { severity: 'hint', options: { words: ['tbd'] } } },
      templates: { team: { sections: [{ title: 'What happened' }, { title: 'Fix', synonyms: ['repair'] }] } },
      files: ['postmortems/**'],
    });
    assert.deepEqual(
      problems.map((problem) => problem.message),
      [
        '"template" must be a string; it is ignored.',
        '"timezone" must be a string; it is ignored.',
        '"detection" must be "auto", "always" or "never"; it is ignored.',
        '"files[1]" must be a string; it is ignored.',
        '"maxFileSize" must be a positive number of bytes; it is ignored.',
        '"rules.missing-section" must be "off", "error", "warning", "info", "hint", [severity, options] or { "severity": ..., "options": {...} }; it is ignored.',
        '"rules.empty-section" must be "off", "error", "warning", "info", "hint", [severity, options] or { "severity": ..., "options": {...} }; it is ignored.',
        '"rules.section-order" must be "off", "error", "warning", "info", "hint", [severity, options] or { "severity": ..., "options": {...} }; it is ignored.',
        '"templates.team.sections[1]" must be a section: an object with a "title" string; it is ignored.',
        '"templates.team.sections[2]" must be a section: an object with a "title" string; it is ignored.',
        '"templates.team.sections[3].synonyms[0]" must be a string; it is ignored.',
        '"templates.team.sections[3].required" must be true or false; it is ignored.',
        '"templates.team.sections[3].children" must be a list of sections, each an object with a "title"; it is ignored.',
        '"templates.bad.sections" must be a list of sections, each an object with a "title"; it is ignored.',
        '"templates.worse" must be a template: an object with "sections"; it is ignored.',
      ],
    );
  });

  test('in a .postmortemrc.json each problem is reported at the wrong value, in order', () => {
    const text = '{\n  "rules": 3,\n  "templates": { "x": { "sections": 5 } },\n  "template": "x"\n}\n';
    const { layer, errors } = parseRc('/team/.postmortemrc.json', text);
    assert.deepEqual(layer, { template: 'x', templates: {} });
    assert.deepEqual(
      errors.map((error) => [error.range, error.message]),
      [
        [{ start: { line: 1, character: 11 }, end: { line: 1, character: 12 } }, '.postmortemrc.json: "rules" must be an object of rule ids and settings, e.g. { "missing-section": "error" }; it is ignored.'],
        [{ start: { line: 2, character: 36 }, end: { line: 2, character: 37 } }, '.postmortemrc.json: "templates.x.sections" must be a list of sections, each an object with a "title"; it is ignored.'],
      ],
    );
  });

  test('the analysis of a report never throws, whatever the layers hold', () => {
    const layers: unknown[] = [
      { templates: { x: { sections: 5 } }, template: 'x' },
      { rules: 3 },
      { rules: 'off' },
      { rules: { 'missing-section': ['warning', 5], 'placeholder-text': ['warning', { words: 5, allow: { a: 1 } }], 'blame-language': ['warning', { words: [null, 7, 'c++'] }] } },
      { templates: { deep: { sections: [{ title: 'A', children: [{ title: 'B', children: [{ title: 'C', children: [{ title: 'D', children: [{ title: 'E', children: [{ title: 'F', children: [{ title: 'G', children: [{ title: 'H' }] }] }] }] }] }] }] }] } }, template: 'deep' },
      { templates: { __proto__: { sections: [] }, constructor: 5 }, template: 'constructor' },
      { templates: [], template: 'toString', files: 'postmortems/**', detection: 1, timezone: 5, date: [] },
      null,
      7,
      'always',
    ];
    for (const layer of layers) {
      const result = analyze({ text: SEED, layers: [raw(layer)] });
      assert.deepEqual(result.failures, [], JSON.stringify(layer));
      assert.ok(result.findings.length > 0, JSON.stringify(layer));
    }
    assert.equal(resolveConfig([raw({ template: 'constructor' })]).templateName, 'essential');
  });

  test('a team template nests sub-sections at most six levels deep; deeper ones are dropped with a message', () => {
    let section: Record<string, unknown> = { title: 'Level 8' };
    for (let level = 7; level >= 1; level--) section = { title: `Level ${level}`, children: [section] };
    const { problems } = validateLayer({ templates: { deep: { sections: [section] } } });
    assert.deepEqual(problems.map((problem) => problem.message), ['"templates.deep.sections[0].children[0].children[0].children[0].children[0].children[0].children" must be nested at most 6 levels deep; it is ignored.']);
  });

  test('an rc file nested deeper than the JSON parser can go falls back to the defaults with a message', () => {
    const { layer, errors } = parseRc('/x/.postmortemrc.json', `{ "rules": ${'['.repeat(100_000)}${']'.repeat(100_000)} }`);
    assert.equal(layer, undefined);
    assert.deepEqual(errors.map((error) => error.message), ['.postmortemrc.json could not be read (Maximum call stack size exceeded); using the defaults instead of this file.']);
  });

  test('user word lists are matched as words: an entry that looks like a pattern is only text', () => {
    const options = { words: ['(a+)+$', 'c++', '.*'] };
    const text = `# Postmortem\n\n## Summary\n\n${'a'.repeat(50_000)}! Everything .* is fine; c++ and (a+)+$ are words here.\n`;
    const { findings, failures } = analyze({ text, layers: [{ detection: 'always', rules: { 'placeholder-text': ['warning', options] } }] });
    assert.deepEqual(failures, []);
    // "(a+)+$" is the word "a", "c++" the word "c", ".*" no word at all: each is found where it is written as a word.
    const listed = findings
      .filter((finding) => finding.ruleId === 'placeholder-text')
      .map((finding) => [finding.range.start.line, finding.range.start.character, text.split('\n')[finding.range.start.line].slice(finding.range.start.character, finding.range.end.character)]);
    assert.deepEqual(listed, [
      [4, 50_025, 'c'],
      [4, 50_034, 'a'],
    ]);
  });
});
