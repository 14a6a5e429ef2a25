/**
 * The per-rule entries of the `.postmortemrc.json` schema and of the `postmortem.rules` setting, generated from the
 * rules' metadata so that completion in both lists every rule with its description and documentation link.
 * `node --import tsx scripts/ruleSchemas.ts --write` updates both files; test/lsp/manifest.test.ts checks they are current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULES } from '../server/src/analysis/rules';

export const ROOT = resolve(__dirname, '..');
export const RC_SCHEMA_PATH = join(ROOT, 'schemas/postmortemrc.schema.json');
export const MANIFEST_PATH = join(ROOT, 'package.json');

const LEVELS = ['off', 'error', 'warning', 'info', 'hint'];

const LEVEL_FORM = { type: 'string', enum: LEVELS };

/** `[severity, options]` and `{ severity, options }`, with the rule's own options schema where it has one. */
function settingForms(options: Record<string, unknown> = { type: 'object' }) {
  return {
    oneOf: [
      LEVEL_FORM,
      { type: 'array', items: [LEVEL_FORM, options], minItems: 1, maxItems: 2 },
      { type: 'object', properties: { severity: LEVEL_FORM, options }, additionalProperties: false },
    ],
  };
}

/** The forms a rule setting takes, inline (VS Code settings cannot reference the rc schema's definitions). */
export const RULE_SETTING_FORMS = settingForms();

function markdownDescription(rule: (typeof RULES)[number]): string {
  return `${rule.meta.description} Default: \`${rule.meta.defaultSeverity}\`${rule.meta.fixable ? ', with a quick fix' : ''}. [Documentation](${rule.meta.docs})`;
}

/** The setting forms of one rule: its options schema, where it has one, in place of a bare object. */
function ruleSettingForms(rule: (typeof RULES)[number]) {
  return rule.meta.optionsSchema ? settingForms(rule.meta.optionsSchema) : RULE_SETTING_FORMS;
}

/** `properties.rules.properties` of the rc schema. */
export function rcSchemaRules(): Record<string, unknown> {
  return Object.fromEntries(
    RULES.map((rule) => [
      rule.meta.id,
      rule.meta.optionsSchema
        ? { description: rule.meta.description, markdownDescription: markdownDescription(rule), ...ruleSettingForms(rule) }
        : { description: rule.meta.description, markdownDescription: markdownDescription(rule), $ref: '#/definitions/ruleSetting' },
    ]),
  );
}

/** `properties` of the `postmortem.rules` setting. */
export function settingRules(): Record<string, unknown> {
  return Object.fromEntries(RULES.map((rule) => [rule.meta.id, { markdownDescription: markdownDescription(rule), ...ruleSettingForms(rule) }]));
}

interface RcSchema {
  properties: { rules: { properties: unknown } };
}
interface Manifest {
  contributes: { configuration: { properties: Record<string, { properties?: unknown }> } };
}

function write<T>(path: string, update: (json: T) => void): void {
  const json = JSON.parse(readFileSync(path, 'utf8')) as T;
  update(json);
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
}

if (process.argv.includes('--write')) {
  write<RcSchema>(RC_SCHEMA_PATH, (schema) => {
    schema.properties.rules.properties = rcSchemaRules();
  });
  write<Manifest>(MANIFEST_PATH, (manifest) => {
    manifest.contributes.configuration.properties['postmortem.rules'].properties = settingRules();
  });
  console.log(`Listed ${RULES.length} rules in schemas/postmortemrc.schema.json and package.json (postmortem.rules).`);
}
