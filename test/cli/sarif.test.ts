import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Ajv from 'ajv';
import { RULES } from '../../server/src/analysis/rules';
import { ensureBuilt, ROOT, runCli, tempDir } from '../helpers/cli';
import { seed } from '../helpers/corpus';

before(ensureBuilt);

const temp = tempDir();
after(temp.remove);

/** The official SARIF 2.1.0 schema (draft-07), see test/fixtures/SOURCES.md. */
const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
// ajv-formats is not installed: the three formats the schema uses, checked with the WHATWG URL parser.
const parses = (value: string, base?: string) => {
  try {
    new URL(value, base);
    return !/\s/.test(value);
  } catch {
    return false;
  }
};
ajv.addFormat('uri', (value: string) => parses(value));
ajv.addFormat('uri-reference', (value: string) => parses(value, 'file:///base/'));
ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<{ id: string }> } };
    invocations: unknown[];
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
  }>;
}
const validate = ajv.compile<SarifLog>(schema);

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }>;
}

function sarifOf(args: string[]) {
  const run = runCli(['--format', 'sarif', ...args], { cwd: temp.dir });
  const log = JSON.parse(run.stdout) as SarifLog;
  const valid = validate(log);
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
  return { run, log, results: log.runs[0].results };
}

mkdirSync(join(temp.dir, 'reports 2026'), { recursive: true });
copyFileSync(seed('003').path, join(temp.dir, 'reports 2026', 'seed 003.md'));
copyFileSync(join(ROOT, 'examples/needs-work-postmortem.md'), join(temp.dir, 'needs-work.md'));
writeFileSync(join(temp.dir, 'binary.md'), Buffer.from([0x23, 0x00, 0x01, 0x02]));

test('--format sarif validates against the official SARIF 2.1.0 schema', () => {
  const { run, log, results } = sarifOf(['reports 2026/seed 003.md', 'needs-work.md', 'binary.md']);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(log.version, '2.1.0');
  assert.equal(typeof log.$schema, 'string');
  assert.ok(results.length >= 3 + 2 + 1);
});

test('the driver lists every rule with its description, docs and default level', () => {
  const { log } = sarifOf(['needs-work.md']);
  const driver = log.runs[0].tool.driver;
  assert.equal(driver.name, 'postmortem-lint');
  assert.equal(driver.version, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  assert.equal(driver.informationUri, 'https://github.com/postmortem-writer/postmortem-writer');
  const level = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;
  assert.deepEqual(
    driver.rules.slice(0, RULES.length),
    RULES.map(({ meta }) => ({ id: meta.id, shortDescription: { text: meta.description }, helpUri: meta.docs, defaultConfiguration: { level: level[meta.defaultSeverity] } })),
  );
  assert.equal(driver.rules[RULES.length].id, 'file-skipped');
});

test('results carry rule id and index, level, message, a relative URI with "/" and a 1-based region', () => {
  const { log, results } = sarifOf(['reports 2026/seed 003.md', 'binary.md']);
  const rules = log.runs[0].tool.driver.rules;
  for (const result of results) assert.equal(rules[result.ruleIndex].id, result.ruleId);

  const headings = results.filter((result) => result.ruleId === 'heading-syntax');
  assert.deepEqual(
    headings.map((result) => [result.level, result.locations[0].physicalLocation.artifactLocation, result.locations[0].physicalLocation.region]),
    [
      [9, 13],
      [20, 30],
      [25, 41],
    ].map(([line, endColumn]) => ['warning', { uri: 'reports%202026/seed%20003.md', uriBaseId: '%SRCROOT%' }, { startLine: line, startColumn: 1, endLine: line, endColumn }]),
  );
  assert.match(headings[0].message.text, /^"###Timeline:" is meant as the "Timeline" section title/);

  const skipped = results.find((result) => result.ruleId === 'file-skipped');
  assert.equal(skipped?.level, 'note');
  assert.deepEqual(skipped?.locations[0].physicalLocation.artifactLocation, { uri: 'binary.md', uriBaseId: '%SRCROOT%' });
  assert.match(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/\/.*\/$/);
});

test('an unreadable file still gives a valid log, with the run marked unsuccessful', () => {
  const { run, log } = sarifOf(['missing.md', 'needs-work.md']);
  assert.equal(run.status, 2);
  assert.deepEqual(log.runs[0].invocations, [{ executionSuccessful: false }]);
});

test('the schema check can fail: a 0-based region or a level the schema does not know is rejected', () => {
  const { log } = sarifOf(['needs-work.md']);
  const broken = structuredClone(log);
  broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
  assert.equal(validate(broken), false);
  const level = structuredClone(log);
  level.runs[0].results[0].level = 'info';
  assert.equal(validate(level), false);
});
