/**
 * The browser build's language server (`dist/web/server.js`) as the web extension runs it: in a worker, over worker
 * messages, with no disk. Its `.postmortemrc.json` files come from the client through `postmortem/rcFiles`; here the
 * test answers for the client, with rc files that exist only in that answer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RULES } from '../../server/src/analysis/rules';
import { RC_FILES_REQUEST, type OutlineModel, type RcFilesParams, type RcFilesResult } from '../../server/src/lsp/protocol';
import { seed } from '../helpers/corpus';
import { ensureServerBuilt, LspClient } from '../helpers/lspClient';

const SEED = seed('003').text;
const FOLDER = 'vscode-vfs://github/acme/incidents';
const RC_URI = `${FOLDER}/.postmortemrc.json`;
const TEAM_RC_URI = `${FOLDER}/team/.postmortemrc.json`;
const ONLY_HEADING_SYNTAX = Object.fromEntries(RULES.filter((rule) => rule.meta.id !== 'heading-syntax').map((rule) => [rule.meta.id, 'off']));

describe('browser build of the language server, in a worker (rc files from the client)', () => {
  let client: LspClient;
  const asked: string[] = [];
  /** The rc files the client "has", by uri, outermost first. */
  let rcFiles: RcFilesResult['files'] = [];

  before(async () => {
    ensureServerBuilt();
    client = await LspClient.startInWorker({
      workspaceFolders: [{ uri: FOLDER, name: 'incidents' }],
      initializationOptions: { debounceMs: 0, settings: { rules: ONLY_HEADING_SYNTAX } },
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      requests: {
        [RC_FILES_REQUEST]: (params) => {
          const { uri } = params as RcFilesParams;
          asked.push(uri);
          const dir = uri.slice(0, uri.lastIndexOf('/') + 1);
          return { files: rcFiles.filter((file) => dir.startsWith(file.uri.slice(0, file.uri.lastIndexOf('/') + 1))) } satisfies RcFilesResult;
        },
      },
    });
  });

  after(async () => {
    await client?.stop();
  });

  const rcChanged = () => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: RC_URI, type: 2 }] });

  test('without rc files, a seed gets its findings at the default severity, and its outline', async () => {
    const uri = `${FOLDER}/reports/003.md`;
    await client.open(uri, SEED, 1);
    const published = await client.diagnostics(uri);
    assert.deepEqual(published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [
      ['heading-syntax', 2],
      ['heading-syntax', 2],
      ['heading-syntax', 2],
    ]);
    assert.deepEqual(asked, [uri], 'the server asked the client for the rc files of the document');
    const outline = await client.request<OutlineModel>('postmortem/outline', { uri });
    assert.ok(outline.isPostmortem);
    await client.close(uri);
  });

  test("the client's rc files apply, the document's own folder last, and a file-watch change reads them again", async () => {
    rcFiles = [
      { uri: RC_URI, text: '{ "rules": { "heading-syntax": "error" } }' },
      { uri: TEAM_RC_URI, text: '{\n  // the team prefers hints\n  "rules": { "heading-syntax": "hint" },\n}' },
    ];
    await rcChanged();
    const since = client.published.length;
    const reports = `${FOLDER}/reports/003.md`;
    const team = `${FOLDER}/team/003.md`;
    await client.open(reports, SEED, 1);
    await client.open(team, SEED, 1);
    assert.deepEqual((await client.diagnostics(reports, (params) => params.diagnostics.length > 0, since)).diagnostics.map((diagnostic) => diagnostic.severity), [1, 1, 1]);
    assert.deepEqual((await client.diagnostics(team, (params) => params.diagnostics.length > 0, since)).diagnostics.map((diagnostic) => diagnostic.severity), [4, 4, 4]);
    await client.close(reports);
    await client.close(team);
  });

  test('a broken rc file from the client gets its diagnostic in that file; an unreadable one says why', async () => {
    rcFiles = [{ uri: RC_URI, text: '{\n  "rules": { "heading-syntax": "error" \n' }, { uri: TEAM_RC_URI, unreadable: 'permission denied' }];
    await rcChanged();
    const since = client.published.length;
    const uri = `${FOLDER}/team/broken.md`;
    await client.open(uri, SEED, 1);
    const broken = await client.diagnostics(RC_URI, (params) => params.diagnostics.length > 0, since);
    assert.match(broken.diagnostics[0].message as string, /^\.postmortemrc\.json: .+; using the defaults instead of this file\.$/);
    const unreadable = await client.diagnostics(TEAM_RC_URI, (params) => params.diagnostics.length > 0, since);
    assert.equal(unreadable.diagnostics[0].message, `Cannot read ${TEAM_RC_URI}: permission denied`);
    assert.deepEqual((await client.diagnostics(uri, (params) => params.diagnostics.length > 0, since)).diagnostics.map((diagnostic) => diagnostic.severity), [2, 2, 2]);
  });
});
