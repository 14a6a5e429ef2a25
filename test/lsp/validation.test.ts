/**
 * When the server checks a changed document (see validation.ts): after the debounce, and with no debounce on the next
 * turn of the event loop rather than after a timer; a newer change or closing the document cancels a pending check.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses } from '../../server/src/lsp/analyses';
import { Validator } from '../../server/src/lsp/validation';

const URI = 'file:///reports/draft.md';
const REPORT = '# Postmortem: login outage\n\n## Summary\n\nTBD\n';

interface Published {
  version: number | undefined;
  codes: unknown[];
}

function validatorOf(document: () => TextDocument | undefined, delayMs: number) {
  const published: Published[] = [];
  const validator = new Validator({
    document: (uri) => (uri === URI ? document() : undefined),
    analyses: new Analyses(async (_uri, text) => ({ input: { text }, settings: {} })),
    delayFor: () => delayMs,
    publish: (_uri, version, diagnostics: Diagnostic[]) => published.push({ version, codes: diagnostics.map((diagnostic) => diagnostic.code) }),
    log: { error: (message) => assert.fail(message) },
  });
  return { validator, published };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 20));
/** Runs `body` in an I/O callback, where Node runs `setImmediate` callbacks before any timer. */
const inIoCallback = (body: () => void) =>
  new Promise<void>((resolve) =>
    readFile(__filename, () => {
      body();
      resolve();
    }),
  );

test('with no debounce, a change is checked on the next turn, before a timer set just before it fires', async () => {
  const document = TextDocument.create(URI, 'markdown', 1, REPORT);
  const { validator, published } = validatorOf(() => document, 0);
  let publishedWhenTimerFired: number | undefined;
  await inIoCallback(() => {
    setTimeout(() => (publishedWhenTimerFired = published.length), 0);
    validator.schedule(document);
  });
  await settled();
  assert.equal(publishedWhenTimerFired, 1);
  assert.equal(published[0].version, 1);
  assert.ok(published[0].codes.length > 0, 'the draft has findings');
});

test('with no debounce, changes in one turn are checked once, at the last version', async () => {
  let document = TextDocument.create(URI, 'markdown', 1, REPORT);
  const { validator, published } = validatorOf(() => document, 0);
  validator.schedule(document);
  document = TextDocument.update(document, [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, text: 'Draft ' }], 2);
  validator.schedule(document);
  await settled();
  assert.deepEqual(published.map((entry) => entry.version), [2]);
});

test('closing the document before its check clears its diagnostics and checks nothing', async () => {
  for (const delayMs of [0, 5]) {
    const document = TextDocument.create(URI, 'markdown', 1, REPORT);
    const { validator, published } = validatorOf(() => document, delayMs);
    validator.schedule(document);
    validator.close(URI);
    await settled();
    assert.deepEqual(published, [{ version: undefined, codes: [] }], `debounce ${delayMs} ms`);
  }
});

test('a new version publishes the same diagnostic objects for the findings it did not change, new ones for the rest', async () => {
  const text = '# Postmortem: login outage\n\n## Summary\n\nTBD\n\n## Action items\n\n- Add an alert\n- Fix the pool\n';
  let document = TextDocument.create(URI, 'markdown', 1, text);
  const batches: Diagnostic[][] = [];
  const validator = new Validator({
    document: () => document,
    analyses: new Analyses(async (_uri, current) => ({ input: { text: current }, settings: {} })),
    delayFor: () => 0,
    publish: (_uri, _version, diagnostics) => batches.push(diagnostics),
    log: { error: (message) => assert.fail(message) },
  });
  validator.schedule(document);
  await settled();
  // The second item gets an owner: its finding goes, the first item's stays where it was.
  document = TextDocument.update(document, [{ range: { start: { line: 9, character: 14 }, end: { line: 9, character: 14 } }, text: ' (owner: @ana)' }], 2);
  validator.schedule(document);
  await settled();
  const [before, after] = batches;
  const owner = (diagnostics: Diagnostic[], line: number) => diagnostics.find((diagnostic) => diagnostic.code === 'action-item-owner' && diagnostic.range.start.line === line);
  assert.ok(owner(before, 8) && owner(before, 9), 'both items had no owner');
  assert.equal(owner(after, 9), undefined);
  const kept = before.filter((diagnostic) => after.includes(diagnostic));
  assert.ok(kept.includes(owner(before, 8)!), 'the first item\'s diagnostic is the same object');
  assert.ok(kept.length < before.length && kept.length > 0);
  for (const diagnostic of after) assert.ok(Object.isFrozen(diagnostic));
  assert.deepEqual(after.map((diagnostic) => (diagnostic.data as { index: number }).index), after.map((_, index) => index));
});
