/**
 * The language server as an editor sees it: the built `dist/server.js --stdio` driven by a real JSON-RPC
 * client, on seed 003 (three `###Title:` lines) and on a README that must stay quiet.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ErrorCodes, ResponseError, type CodeAction, type Diagnostic, type DocumentSymbol, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { RULES } from '../../server/src/analysis/rules';
import { fileUri } from '../../server/src/lsp/workspace';
import type { OutlineModel } from '../../server/src/lsp/protocol';
import { seed } from '../helpers/corpus';
import { ensureServerBuilt, LspClient } from '../helpers/lspClient';

const DOCS = 'https://github.com/postmortem-writer/postmortem-writer/blob/main/docs/rules/heading-syntax.md';
const SEED = seed('003').text;
/** Only the two foundation rules, so rules added later cannot change what these tests expect. */
const ONLY_FOUNDATION_RULES = Object.fromEntries(
  RULES.filter((rule) => !['heading-syntax', 'missing-section'].includes(rule.meta.id)).map((rule) => [rule.meta.id, 'off']),
);
const README = '# Acme CLI\n\nA command line tool.\n\n## Installation\n\nRun `npm install acme`.\n\n## Usage\n\nRun `acme --help`.\n';

const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number) => ({
  start: { line: startLine, character: startCharacter },
  end: { line: endLine, character: endCharacter },
});

/** The text after a workspace edit to one document (`changes` or versioned `documentChanges`). */
function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  const edits: TextEdit[] = edit?.changes?.[uri] ?? (edit?.documentChanges ?? []).flatMap((change) => ('edits' in change && change.textDocument.uri === uri ? change.edits : [])) as TextEdit[];
  assert.ok(edits.length, `no edit for ${uri} in ${JSON.stringify(edit)}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), edits);
}

function headingSyntaxLines(diagnostics: Diagnostic[]): number[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === 'heading-syntax').map((diagnostic) => diagnostic.range.start.line);
}

const SEED_FIXED = SEED.replace('###Timeline:', '### Timeline')
  .replace('###Root Cause and Resolution:', '### Root Cause and Resolution')
  .replace('###Corrective and Preventative Measures:', '### Corrective and Preventative Measures');

describe('language server over stdio (VS Code-like client: pulls settings, resolves code actions)', () => {
  let client: LspClient;
  let workspace: string;
  let seedUri: string;
  let settings: Record<string, unknown> = { rules: ONLY_FOUNDATION_RULES };

  before(async () => {
    ensureServerBuilt();
    workspace = mkdtempSync(join(tmpdir(), 'pm-lsp-'));
    seedUri = fileUri(join(workspace, 'postmortems', '003.md'));
    client = await LspClient.start({
      workspaceFolders: [{ uri: fileUri(workspace), name: 'ws' }],
      settings: (item) => (item.section === 'postmortem' ? settings : null),
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true },
          applyEdit: true,
        },
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            resolveSupport: { properties: ['edit'] },
            dataSupport: true,
            isPreferredSupport: true,
          },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
  });

  after(async () => {
    if (process.env.PM_LSP_LOGS) console.log(client?.logs.join('\n'), client?.stderr.join(''));
    await client?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('advertises incremental sync, code action kinds, symbols and the fix-all command', () => {
    const { capabilities, serverInfo } = client.initializeResult;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.postmortem', 'source'], resolveProvider: true });
    assert.ok(capabilities.documentSymbolProvider);
    assert.ok(capabilities.executeCommandProvider?.commands.includes('postmortem.applyFixAll'));
    assert.equal(serverInfo?.name, 'postmortem-language-server');
  });

  test('registers for postmortem settings changes and watches .postmortemrc.json and Markdown files', async () => {
    await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///not-open.md' } }).catch(() => undefined);
    assert.deepEqual(
      client.registrations.map((registration) => [registration.method, registration.registerOptions]),
      [
        ['workspace/didChangeConfiguration', { section: 'postmortem' }],
        ['workspace/didChangeWatchedFiles', { watchers: [{ globPattern: '**/.postmortemrc.json' }, { globPattern: '**/*.{md,markdown}' }] }],
      ],
    );
  });

  test('publishes heading-syntax on the three ###Title: lines of seed 003, with the document version', async () => {
    await client.open(seedUri, SEED, 1);
    const published = await client.diagnostics(seedUri);
    assert.equal(published.version, 1);
    assert.deepEqual(
      published.diagnostics.map(({ range, severity, code, codeDescription, source }) => ({ range, severity, code, codeDescription, source })),
      [range(8, 0, 8, 12), range(19, 0, 19, 29), range(24, 0, 24, 40)].map((expected) => ({
        range: expected,
        severity: 2,
        code: 'heading-syntax',
        codeDescription: { href: DOCS },
        source: 'postmortem',
      })),
    );
    assert.equal(
      published.diagnostics[0].message,
      '"###Timeline:" is meant as the "Timeline" section title, but Markdown needs a space after the "#" characters. Write "### Timeline".',
    );
    assert.deepEqual(client.configurationRequests.at(-1), { scopeUri: seedUri, section: 'postmortem' });
  });

  test('code actions for one diagnostic: its fix, fix all of the rule, disable for the line and for the file', async () => {
    const [timeline] = (await client.diagnostics(seedUri)).diagnostics;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: seedUri },
      range: timeline.range,
      context: { diagnostics: [timeline], only: ['quickfix'] },
    });
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind, action.isPreferred ?? false]),
      [
        ['Make "Timeline" a heading', 'quickfix', true],
        ['Fix all heading-syntax problems in this file', 'quickfix', false],
        ['Disable heading-syntax for this line', 'quickfix', false],
        ['Disable heading-syntax for this file', 'quickfix', false],
      ],
    );
    const [fix, fixRule, disableLine, disableFile] = actions;
    assert.deepEqual(fix.edit, { documentChanges: [{ textDocument: { uri: seedUri, version: 1 }, edits: [{ range: range(8, 0, 8, 12), newText: '### Timeline' }] }] });
    assert.deepEqual(fix.diagnostics, [timeline]);
    assert.deepEqual(disableLine.edit?.documentChanges, [
      { textDocument: { uri: seedUri, version: 1 }, edits: [{ range: range(8, 0, 8, 0), newText: '<!-- postmortem-disable-next-line heading-syntax -->\n' }] },
    ]);
    assert.deepEqual(disableFile.edit?.documentChanges, [
      { textDocument: { uri: seedUri, version: 1 }, edits: [{ range: range(0, 0, 0, 0), newText: '<!-- postmortem-disable heading-syntax -->\n' }] },
    ]);

    // The rule's fix-all is computed on resolve (the client said it resolves `edit`).
    assert.equal(fixRule.edit, undefined);
    const resolved = await client.request<CodeAction>('codeAction/resolve', fixRule);
    assert.equal(applyWorkspaceEdit(SEED, seedUri, resolved.edit), SEED_FIXED);
  });

  test('source.fixAll.postmortem (editor.codeActionsOnSave), postmortem/fixAll and postmortem.applyFixAll all give the fixed text', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: seedUri },
      range: range(0, 0, 0, 0),
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(actions.map((action) => [action.title, action.kind]), [['Fix all postmortem problems', 'source.fixAll.postmortem']]);
    const resolved = await client.request<CodeAction>('codeAction/resolve', actions[0]);
    assert.equal(applyWorkspaceEdit(SEED, seedUri, resolved.edit), SEED_FIXED);

    const edits = await client.request<TextEdit[]>('postmortem/fixAll', { uri: seedUri });
    assert.equal(applyWorkspaceEdit(SEED, seedUri, { changes: { [seedUri]: edits } }), SEED_FIXED);

    const answer = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: 'postmortem.applyFixAll', arguments: [seedUri] });
    assert.deepEqual(answer, { applied: true });
    assert.equal(client.appliedEdits.at(-1)?.label, 'Fix all postmortem problems');
    assert.equal(applyWorkspaceEdit(SEED, seedUri, client.appliedEdits.at(-1)?.edit), SEED_FIXED);
  });

  test('document symbols: the sections as a hierarchy under the title, with the template sections they satisfy', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: seedUri } });
    const shape = (symbol: DocumentSymbol): unknown => ({ name: symbol.name, detail: symbol.detail, kind: symbol.kind, children: symbol.children?.map(shape) });
    assert.deepEqual(symbols.map(shape), [
      {
        name: 'Postmortem Report',
        detail: undefined,
        kind: 1,
        children: [
          { name: 'Issue Summary:', detail: 'Summary', kind: 3, children: [] },
          { name: 'Timeline', detail: 'Timeline, not a Markdown heading', kind: 3, children: [] },
          { name: 'Root Cause and Resolution', detail: 'Root Cause, Resolution, not a Markdown heading', kind: 3, children: [] },
          { name: 'Corrective and Preventative Measures', detail: 'Action Items, not a Markdown heading', kind: 3, children: [] },
        ],
      },
    ]);
    const timeline = symbols[0].children![1];
    assert.deepEqual([timeline.selectionRange, timeline.range], [range(8, 0, 8, 12), range(8, 0, 17, 134)]);
  });

  test('postmortem/outline returns the model as plain JSON', async () => {
    const model = await client.request<OutlineModel>('postmortem/outline', { uri: seedUri });
    assert.equal(model.isPostmortem, true);
    assert.equal(model.version, 1);
    assert.equal(model.template, 'essential');
    assert.equal(model.problems, 3);
    assert.deepEqual(model.title, { text: 'Postmortem Report', range: range(0, 0, 0, 19) });
    assert.deepEqual(
      model.sections.map(({ title, level, kinds, syntax, empty }) => ({ title, level, kinds, syntax, empty })),
      [
        { title: 'Postmortem Report', level: 1, kinds: [], syntax: 'atx', empty: false },
        { title: 'Issue Summary:', level: 3, kinds: ['summary'], syntax: 'atx', empty: false },
        { title: 'Timeline', level: 3, kinds: ['timeline'], syntax: 'hashes-without-space', empty: false },
        { title: 'Root Cause and Resolution', level: 3, kinds: ['root-cause', 'resolution'], syntax: 'hashes-without-space', empty: false },
        { title: 'Corrective and Preventative Measures', level: 3, kinds: ['action-items'], syntax: 'hashes-without-space', empty: false },
      ],
    );
    assert.deepEqual(model.missingSections.filter((section) => section.required), []);
    assert.equal(model.timeline.length, 8);
    assert.match(model.timeline[0].text, /^May 10, 2024, 08:30 UTC/);
    assert.equal(model.timeline[0].lineRange.start.line, 10);
    assert.equal(model.timeline[0].section, 'Timeline');
    assert.deepEqual(model.timeline[0].problems, []);
    assert.deepEqual(JSON.parse(JSON.stringify(model)), model, 'plain JSON');
  });

  test('an incremental edit gets diagnostics for the new version; the inserted comment disables the rule on its line', async () => {
    const since = client.published.length;
    await client.change(seedUri, 2, [{ range: range(8, 0, 8, 0), text: '<!-- postmortem-disable-next-line heading-syntax -->\n' }]);
    const published = await client.diagnostics(seedUri, (params) => params.version === 2, since);
    assert.deepEqual(headingSyntaxLines(published.diagnostics), [20, 25]);
  });

  test('typing fast: only the last version is published (the earlier run is cancelled)', async () => {
    const since = client.published.length;
    await client.change(seedUri, 3, [{ range: range(0, 19, 0, 19), text: ' draft' }]);
    await client.change(seedUri, 4, [{ range: range(0, 19, 0, 25), text: '' }]);
    const published = await client.diagnostics(seedUri, (params) => params.version === 4, since);
    assert.deepEqual(headingSyntaxLines(published.diagnostics), [20, 25]);
    assert.deepEqual(client.published.slice(since).filter((params) => params.uri === seedUri).map((params) => params.version), [4]);
  });

  test('a README-like Markdown file gets an empty diagnostics list and no code actions', async () => {
    const readmeUri = fileUri(join(workspace, 'README.md'));
    await client.open(readmeUri, README, 1);
    const published = await client.diagnostics(readmeUri);
    assert.deepEqual([published.version, published.diagnostics], [1, []]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: readmeUri }, range: range(0, 0, 0, 0), context: { diagnostics: [] } });
    assert.deepEqual(actions, []);
    const model = await client.request<OutlineModel>('postmortem/outline', { uri: readmeUri });
    assert.deepEqual([model.isPostmortem, model.sections, model.problems], [false, [], 0]);
  });

  test('malformed requests answer errors and the server keeps answering', async () => {
    const errorCode = (promise: Promise<unknown>) =>
      promise.then(
        () => assert.fail('expected an error response'),
        (error: unknown) => (error instanceof ResponseError ? error.code : error),
      );
    assert.equal(await errorCode(client.request('textDocument/codeAction', { textDocument: { uri: 'file:///nowhere.md' }, range: range(0, 0, 0, 0), context: { diagnostics: [] } })), ErrorCodes.InvalidParams);
    assert.equal(await errorCode(client.request('textDocument/codeAction', {})), ErrorCodes.InvalidParams);
    assert.equal(await errorCode(client.request('postmortem/outline', { uri: 42 })), ErrorCodes.InvalidParams);
    assert.equal(await errorCode(client.request('workspace/executeCommand', { command: 'postmortem.nope' })), ErrorCodes.InvalidParams);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { nonsense: true });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: seedUri } });
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: seedUri } });
    assert.equal(symbols[0].name, 'Postmortem Report');
  });

  test('settings: switching heading-syntax off in workspace/configuration clears its diagnostics', async () => {
    const since = client.published.length;
    settings = { rules: { ...ONLY_FOUNDATION_RULES, 'heading-syntax': 'off' } };
    await client.configurationChanged();
    const published = await client.diagnostics(seedUri, () => true, since);
    assert.deepEqual([published.version, published.diagnostics], [4, []]);

    const again = client.published.length;
    settings = { rules: ONLY_FOUNDATION_RULES };
    await client.configurationChanged();
    assert.deepEqual(headingSyntaxLines((await client.diagnostics(seedUri, () => true, again)).diagnostics), [20, 25]);
  });

  test('closing a document clears its diagnostics', async () => {
    const since = client.published.length;
    await client.close(seedUri);
    const published = await client.diagnostics(seedUri, () => true, since);
    assert.deepEqual(published.diagnostics, []);
  });
});

describe('.postmortemrc.json (a minimal client: pushed settings, no resolve, plain `changes` edits)', () => {
  let client: LspClient;
  let workspace: string;
  let rcFile: string;
  let seedUri: string;

  const rcChanged = () => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(rcFile), type: 2 }] });

  before(async () => {
    ensureServerBuilt();
    workspace = mkdtempSync(join(tmpdir(), 'pm-rc-'));
    mkdirSync(join(workspace, 'reports'));
    rcFile = join(workspace, '.postmortemrc.json');
    writeFileSync(rcFile, '{\n  // JSONC: comments are fine\n  "rules": { "heading-syntax": "error" },\n  "files": ["reports/**/*.md"],\n}\n');
    seedUri = fileUri(join(workspace, 'reports', '003.md'));
    client = await LspClient.start({
      workspaceFolders: [{ uri: fileUri(workspace), name: 'ws' }],
      initializationOptions: { debounceMs: 0, settings: { rules: ONLY_FOUNDATION_RULES } },
      capabilities: { textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } } },
    });
  });

  after(async () => {
    if (process.env.PM_LSP_LOGS) console.log(client?.logs.join('\n'), client?.stderr.join(''));
    await client?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('a valid rc file in the workspace folder applies to documents below it', async () => {
    await client.open(seedUri, SEED, 1);
    const published = await client.diagnostics(seedUri);
    assert.deepEqual(published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [
      ['heading-syntax', 1],
      ['heading-syntax', 1],
      ['heading-syntax', 1],
    ]);
  });

  test('its `files` globs match paths relative to the workspace folder: a README-like file there is a postmortem', async () => {
    const notesUri = fileUri(join(workspace, 'reports', 'notes.md'));
    await client.open(notesUri, README, 1);
    const published = await client.diagnostics(notesUri);
    assert.ok(published.diagnostics.some((diagnostic) => diagnostic.code === 'missing-section'), JSON.stringify(published.diagnostics));
    await client.close(notesUri);
  });

  test('without resolve support, source fix-all carries its edit as plain `changes`', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: seedUri }, range: range(0, 0, 0, 0), context: { diagnostics: [], only: ['source'] } });
    assert.equal(actions.length, 1);
    assert.ok(actions[0].edit?.changes);
    assert.equal(applyWorkspaceEdit(SEED, seedUri, actions[0].edit), SEED_FIXED);
  });

  test('a broken rc file gets a diagnostic in the rc file, and documents fall back to the defaults', async () => {
    const since = client.published.length;
    writeFileSync(rcFile, '{\n  "rules": { "heading-syntax": "error" \n');
    await rcChanged();
    const rcUri = fileUri(rcFile);
    const rcPublished = await client.diagnostics(rcUri, (params) => params.diagnostics.length > 0, since);
    assert.equal(rcPublished.diagnostics[0].severity, 1);
    assert.equal(rcPublished.diagnostics[0].source, 'postmortem');
    assert.match(rcPublished.diagnostics[0].message as string, /^\.postmortemrc\.json: .+; using the defaults instead of this file\.$/);
    const documentPublished = await client.diagnostics(seedUri, () => true, since);
    assert.deepEqual(documentPublished.diagnostics.map((diagnostic) => diagnostic.severity), [2, 2, 2]);

    const fixed = client.published.length;
    writeFileSync(rcFile, '{ "rules": { "heading-syntax": "hint" } }\n');
    await rcChanged();
    assert.deepEqual((await client.diagnostics(rcUri, () => true, fixed)).diagnostics, []);
    assert.deepEqual((await client.diagnostics(seedUri, () => true, fixed)).diagnostics.map((diagnostic) => diagnostic.severity), [4, 4, 4]);
  });
});
