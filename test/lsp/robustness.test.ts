/**
 * Bad input through the language server, run with `--unhandled-rejections=strict`: files too large, binary,
 * not UTF-8 or too deeply nested are reported and not analysed; an rc file with wrong types gets diagnostics
 * at the wrong parts while its valid parts apply; malformed requests get errors. The server keeps answering and
 * logs no unhandled rejection or uncaught exception.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ErrorCodes, ResponseError, type DocumentSymbol, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { analyze } from '../../server/src/analysis/analyze';
import { fileUri } from '../../server/src/lsp/workspace';
import { seed } from '../helpers/corpus';
import { ensureServerBuilt, LspClient } from '../helpers/lspClient';

const SEED = seed('003').text;
const RC = '{\n  "rules": { "heading-syntax": "off", "missing-section": 5 },\n  "templates": { "team": { "sections": 5 } },\n  "maxFileSize": "big"\n}\n';

describe('bad input and malformed requests (server with --unhandled-rejections=strict)', () => {
  let client: LspClient;
  let workspace: string;
  let version = 1;

  const uriOf = (path: string) => fileUri(join(workspace, path));
  async function openAndWait(path: string, text: string): Promise<PublishDiagnosticsParams> {
    const uri = uriOf(path);
    const since = client.published.length;
    await client.open(uri, text, version++);
    return client.diagnostics(uri, () => true, since);
  }
  const skipped = (published: PublishDiagnosticsParams) => published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.message]);

  before(async () => {
    ensureServerBuilt();
    workspace = mkdtempSync(join(tmpdir(), 'pm-robust-'));
    mkdirSync(join(workspace, 'team'));
    writeFileSync(join(workspace, 'team', '.postmortemrc.json'), RC);
    client = await LspClient.start({
      nodeOptions: ['--unhandled-rejections=strict'],
      workspaceFolders: [{ uri: fileUri(workspace), name: 'ws' }],
      initializationOptions: { debounceMs: 0 },
      capabilities: {},
    });
  });

  after(async () => {
    await client?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('a file over 2 MB (the default postmortem.maxFileSize) gets one informational diagnostic', async () => {
    const published = await openAndWait('big.md', `# Postmortem\n\n${'All systems nominal. '.repeat(110_000)}\n`);
    assert.deepEqual(skipped(published), [['file-skipped', 3, 'This file is larger than 2 MB (postmortem.maxFileSize), so Postmortem Writer does not check it.']]);
  });

  test('binary content and text that is not UTF-8 are reported, not analysed', async () => {
    const binary = await openAndWait('binary.md', '# Postmortem\n\u0000\u0001\u0002PNG\u0000');
    assert.deepEqual(skipped(binary), [['file-skipped', 3, 'This file looks binary (it contains NUL characters), so Postmortem Writer does not check it.']]);
    // What an editor shows for a file of Latin-1 bytes read as UTF-8: replacement characters.
    const latin1 = await openAndWait('latin1.md', `# Postmortem\n\n${'Caf\uFFFD cr\uFFFDme br\uFFFDl\uFFFDe. '.repeat(20)}\n`);
    assert.deepEqual(skipped(latin1), [['file-skipped', 3, 'This file is not valid UTF-8 text, so Postmortem Writer does not check it.']]);
  });

  test('lists nested 10 000 levels deep are reported as too complex, and the server keeps answering', async () => {
    const published = await openAndWait('nested.md', `# Postmortem\n\n${'- '.repeat(10_000)}deep\n`);
    assert.deepEqual(skipped(published), [
      ['file-skipped', 3, 'This file is too complex to check quickly: it nests lists or quotes more than 100 levels deep. Postmortem Writer does not check it.'],
    ]);
    const normal = await openAndWait('normal.md', SEED);
    assert.ok(normal.diagnostics.some((diagnostic) => diagnostic.code === 'heading-syntax'));
  });

  test('an rc file with wrong types: a diagnostic at each wrong part, and its valid parts still apply', async () => {
    const rcUri = fileUri(join(workspace, 'team', '.postmortemrc.json'));
    const published = await openAndWait('team/003.md', SEED);
    const rc = await client.diagnostics(rcUri, (params) => params.diagnostics.length > 0);
    assert.deepEqual(
      rc.diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.severity, diagnostic.message]),
      [
        [1, 57, 1, '.postmortemrc.json: "rules.missing-section" must be "off", "error", "warning", "info", "hint", [severity, options] or { "severity": ..., "options": {...} }; it is ignored.'],
        [2, 39, 1, '.postmortemrc.json: "templates.team.sections" must be a list of sections, each an object with a "title"; it is ignored.'],
        [3, 17, 1, '.postmortemrc.json: "maxFileSize" must be a positive number of bytes; it is ignored.'],
      ],
    );
    // "heading-syntax": "off" from the same file applies (seed 003's three `###Title:` lines are not reported),
    // and the document is analysed as with that setting alone.
    const expected = analyze({ text: SEED, layers: [{ rules: { 'heading-syntax': 'off' } }] }).findings.map((finding) => finding.ruleId);
    assert.deepEqual(published.diagnostics.map((diagnostic) => diagnostic.code), expected);
    assert.ok(!expected.includes('heading-syntax'));
  });

  test('malformed requests and notifications get errors or are dropped; the server keeps answering', async () => {
    const errorCode = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: unknown) => (error instanceof ResponseError ? error.code : -1),
      );
    assert.equal(await errorCode(client.request('textDocument/codeAction', { textDocument: { uri: uriOf('normal.md') }, range: 'everything', context: null })), ErrorCodes.InvalidParams);
    assert.equal(await errorCode(client.request('textDocument/documentSymbol', null)), ErrorCodes.InvalidParams);
    assert.equal(await errorCode(client.request('postmortem/outline', { uri: uriOf('never-opened.md') })), ErrorCodes.InvalidParams);
    assert.equal(await errorCode(client.request('postmortem/noSuchRequest', {})), ErrorCodes.MethodNotFound);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: 42 });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf('normal.md'), version: 99 }, contentChanges: [{ range: 'x', text: 5 }] });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { postmortem: { rules: 3, detection: 7, maxFileSize: -1 } } });
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf('team/003.md') } });
    assert.equal(symbols[0]?.name, 'Postmortem Report');
  });

  test('no unhandled rejection or uncaught exception was logged, and the process is alive', () => {
    const problems = [...client.logs, ...client.stderr].filter((line) => /Unhandled rejection|Uncaught exception/i.test(line));
    assert.deepEqual(problems, []);
    assert.equal(client.process?.exitCode, null);
  });
});
