/**
 * What VS Code reads before the server starts: the `.postmortemrc.json` schema (completion and validation in the rc
 * file) and the contributed settings. Both must accept what the analysis accepts and list every rule.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Ajv from 'ajv';
import { DEFAULT_MAX_FILE_SIZE } from '../../server/src/analysis/config/config';
import { RULES } from '../../server/src/analysis/rules';
import { BUILT_IN_TEMPLATES } from '../../server/src/analysis/templates';
import { DEFAULT_DEBOUNCE_MS } from '../../server/src/lsp/settings';
import { MANIFEST_PATH, RC_SCHEMA_PATH, RULE_SETTING_FORMS, rcSchemaRules, settingRules } from '../../scripts/ruleSchemas';

const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
const rcSchema = JSON.parse(readFileSync(RC_SCHEMA_PATH, 'utf8'));
const settings: Record<string, Record<string, unknown>> = manifest.contributes.configuration.properties;

test('the rc schema is valid draft-07 and accepts the forms the analysis reads', () => {
  // `markdownDescription` is VS Code's richer twin of `description`.
  const validate = new Ajv({ strictTuples: false, keywords: ['markdownDescription'] }).compile(rcSchema);
  const valid = [
    {},
    { $schema: './node_modules/postmortem-writer/schemas/postmortemrc.schema.json', template: 'google-sre', timezone: 'America/New_York', date: '2024-05-10' },
    { rules: { 'missing-section': 'error', 'heading-syntax': ['warning'], 'a-future-rule': ['info', { words: ['asap'] }], other: { severity: 'off' } } },
    { detection: 'always', files: ['postmortems/**/*.md'], maxFileSize: 1024 },
    {
      template: 'team',
      templates: {
        team: {
          extends: 'essential',
          description: 'Our format',
          sections: [{ id: 'customer-impact', title: 'Customer Impact', synonyms: ['who was affected'], required: true, prompt: 'Who noticed?', children: [{ title: 'Support tickets' }] }],
        },
      },
    },
  ];
  for (const config of valid) assert.ok(validate(config), `${JSON.stringify(config)}: ${JSON.stringify(validate.errors)}`);
  const invalid = [
    { rules: { 'missing-section': 'loud' } },
    { rules: { 'heading-syntax': ['warning', { a: 1 }, 'extra'] } },
    { detection: 'sometimes' },
    { files: 'postmortems/*.md' },
    { date: 'May 10' },
    { maxFileSize: 0 },
    { templates: { team: { sections: [{ id: 'x' }] } } },
    { tempalte: 'essential' },
  ];
  for (const config of invalid) assert.equal(validate(config), false, `${JSON.stringify(config)} should be rejected`);
});

test('the rc schema and the postmortem.rules setting list every rule (regenerate: node --import tsx scripts/ruleSchemas.ts --write)', () => {
  assert.deepEqual(rcSchema.properties.rules.properties, rcSchemaRules());
  assert.deepEqual(settings['postmortem.rules'].properties, settingRules());
  assert.deepEqual(settings['postmortem.rules'].additionalProperties, RULE_SETTING_FORMS);
  assert.deepEqual(Object.keys(settingRules()), RULES.map((rule) => rule.meta.id));
});

test('the postmortem.rules setting accepts the same forms as the rc file', () => {
  const validate = new Ajv({ strict: false }).compile(settings['postmortem.rules']);
  assert.ok(validate({ 'missing-section': 'hint', 'heading-syntax': ['error', {}], future: { severity: 'warning', options: {} } }), JSON.stringify(validate.errors));
  assert.equal(validate({ 'missing-section': 'loud' }), false);
});

test('settings: titles, descriptions, defaults that match the code, template examples that exist', () => {
  assert.equal(manifest.contributes.configuration.title, 'Postmortem Writer');
  for (const key of [
    'postmortem.debounce',
    'postmortem.defaultTimezone',
    'postmortem.detection',
    'postmortem.files',
    'postmortem.inlayHints.elapsed',
    'postmortem.maxFileSize',
    'postmortem.rules',
    'postmortem.template',
    'postmortem.trace.server',
  ]) {
    assert.ok(settings[key], `${key} is contributed`);
  }
  for (const [key, setting] of Object.entries(settings)) {
    assert.ok(typeof setting.markdownDescription === 'string' && setting.markdownDescription.length > 20, `${key} has a markdownDescription`);
    assert.ok(setting.scope, `${key} has a scope`);
  }
  assert.equal(settings['postmortem.maxFileSize'].default, DEFAULT_MAX_FILE_SIZE);
  assert.equal(settings['postmortem.debounce'].default, DEFAULT_DEBOUNCE_MS);
  for (const name of settings['postmortem.template'].examples as string[]) assert.ok(BUILT_IN_TEMPLATES.has(name), `template ${name} is built in`);
  for (const name of rcSchema.properties.template.examples as string[]) assert.ok(BUILT_IN_TEMPLATES.has(name), `template ${name} is built in`);
});

test('commands, palette conditions and the rc schema registration', () => {
  const commands = manifest.contributes.commands as Array<{ command: string; title: string; category: string }>;
  for (const id of ['postmortem.restartServer', 'postmortem.fixAll']) {
    assert.equal(commands.find((command) => command.command === id)?.category, 'Postmortem', id);
  }
  const palette = manifest.contributes.menus.commandPalette.find((entry: { command: string }) => entry.command === 'postmortem.fixAll');
  assert.match(palette?.when ?? '', /\beditorLangId == markdown\b/, 'Fix All is offered in Markdown editors only');
  assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.postmortemrc.json', url: './schemas/postmortemrc.schema.json' }]);
});

test('both builds are declared: `main` for Node, `browser` for vscode.dev and github.dev, in any workspace', () => {
  assert.equal(manifest.main, './dist/client.js');
  assert.equal(manifest.browser, './dist/web/client.js');
  assert.equal(manifest.capabilities.virtualWorkspaces, true);
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
  const packaged = readFileSync(new URL('../../.vscodeignore', import.meta.url), 'utf8').split('\n');
  assert.ok(packaged.includes('!dist/web/*.js'), 'the .vsix holds the browser bundles');
  assert.ok(packaged.includes('!dist/client.js') && packaged.includes('!dist/server.js'), 'the .vsix holds the Node bundles');
  assert.ok(!packaged.includes('!dist/cli.js') && !packaged.includes('!dist/*.js'), 'the .vsix leaves out the CLI, which the extension never runs');
});
