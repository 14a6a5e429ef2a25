/**
 * The workspace index as an editor sees it: a temporary multi-file workspace, the built server over stdio, file
 * events for created, changed, deleted and renamed reports, and the Follow-ups view's data following them.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeWatchedFilesNotification, FileChangeType, SymbolKind, type FileEvent, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import { fileUri } from '../../server/src/lsp/workspace';
import {
  FOLLOW_UP_ISSUE_REQUEST,
  FOLLOW_UP_MARK_DONE_REQUEST,
  FOLLOW_UPS_CHANGED_NOTIFICATION,
  FOLLOW_UPS_REQUEST,
  MARKDOWN_GLOB,
  type FollowUpEditResult,
  type FollowUpsChangedParams,
  type FollowUpsResult,
} from '../../server/src/lsp/protocol';
import { ensureServerBuilt, LspClient } from '../helpers/lspClient';

const report = (title: string, items: string[]) => `# Postmortem: ${title}\n\n## Summary\n\nThe ${title} failed.\n\n## Timeline\n\n- 10:00 UTC alert\n\n## Action Items\n\n${items.join('\n')}\n`;
/** Due long ago: overdue whatever day the test runs. */
const PAST = '2001-01-01';
const FUTURE = '2999-01-01';

describe('workspace index (create, change, delete, rename; the Follow-ups view follows)', () => {
  let client: LspClient;
  let root: string;
  const path = (name: string) => join(root, name);
  const uri = (name: string) => fileUri(path(name));

  const fileEvents = (...changes: FileEvent[]) => client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  const followUps = (groupBy = 'report', showDone = false) => client.request<FollowUpsResult>(FOLLOW_UPS_REQUEST, { groupBy, showDone });
  const itemsOf = (result: FollowUpsResult) => result.groups.flatMap((group) => group.items.map((item) => `${group.label}: ${item.text}${item.overdue ? ' (overdue)' : ''}`));
  const itemsByReport = async () => itemsOf(await followUps());

  /**
   * What the view shows once it is as expected: asked again after each change the server announces (a file is read
   * after its event, and a slow machine may announce an earlier change first). Asserts on the last answer.
   */
  async function expectView<T>(read: (result: FollowUpsResult) => T, expected: T): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const since = client.notifications.length;
      const seen = read(await followUps());
      if (isDeepStrictEqual(seen, expected) || attempt === 20) return assert.deepEqual(seen, expected);
      // Not yet: wait for the next change the server announces; if none comes, the assertion says what was seen.
      const announced = await client.notification(FOLLOW_UPS_CHANGED_NOTIFICATION, () => true, since).then(() => true, () => false);
      if (!announced) return assert.deepEqual(seen, expected);
    }
  }
  const reportUris = (result: FollowUpsResult) => result.groups.map((group) => group.uri);

  before(async () => {
    ensureServerBuilt();
    root = mkdtempSync(join(tmpdir(), 'pm-index-'));
    mkdirSync(path('postmortems'));
    mkdirSync(path('build'));
    mkdirSync(path('archive'));
    writeFileSync(path('postmortems/db.md'), report('database', [`- [ ] Alert on pool saturation (owner: @ana, due: ${PAST})`, `- [x] Raise the pool (owner: @ana, due: ${PAST})`]));
    writeFileSync(path('postmortems/dns.md'), report('DNS', [`- Lower the TTL (owner: @bob, due: ${FUTURE})`]));
    writeFileSync(path('notes.md'), '# Meeting notes\n\n- Buy cake\n');
    writeFileSync(path('.gitignore'), 'build/\n');
    writeFileSync(path('build/copy.md'), report('copy', ['- [ ] Ignored by git']));
    writeFileSync(path('archive/old.md'), report('old', ['- [ ] Excluded by files.exclude']));
    client = await LspClient.start({
      workspaceFolders: [{ uri: fileUri(root), name: 'ws' }],
      settings: (item) => (item.section === 'files.exclude' ? { '**/archive': true, '**/other': false } : {}),
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, symbol: {} },
      },
    });
    await client.notification<FollowUpsChangedParams>(FOLLOW_UPS_CHANGED_NOTIFICATION, (params) => !params.indexing);
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('at start: every postmortem of the folder, not notes, not .gitignored or files.exclude-d folders; with progress', async () => {
    assert.deepEqual(await itemsByReport(), ['Postmortem: database: Alert on pool saturation (overdue)', 'Postmortem: DNS: Lower the TTL']);
    assert.ok(client.registrations.some((registration) => JSON.stringify(registration.registerOptions).includes(MARKDOWN_GLOB)), 'a watcher for Markdown files');
    assert.equal(client.progressTokens.length, 1);
    const kinds = client.notifications.filter((sent) => sent.method === '$/progress').map((sent) => (sent.params as { value: { kind: string } }).value.kind);
    assert.deepEqual([kinds[0], kinds.at(-1)], ['begin', 'end']);
  });

  test('grouped by owner, overdue first; done items only when asked; the overdue count for the badge', async () => {
    const byOwner = await followUps('owner');
    assert.deepEqual(byOwner.groups.map((group) => [group.label, group.items.map((item) => item.text)]), [['@ana', ['Alert on pool saturation']], ['@bob', ['Lower the TTL']]]);
    const item = byOwner.groups[0].items[0];
    assert.deepEqual([item.uri, item.range.start.line, item.due, item.report], [uri('postmortems/db.md'), 12, PAST, 'Postmortem: database']);
    assert.deepEqual([byOwner.overdue, byOwner.open, byOwner.done, byOwner.indexing], [1, 2, 1, false]);
    const withDone = await followUps('owner', true);
    assert.deepEqual(withDone.groups[0].items.map((entry) => entry.text), ['Alert on pool saturation', 'Raise the pool']);
  });

  test('workspace/symbol finds every report and the sections of each', async () => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'timeline' });
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.containerName, symbol.kind, symbol.location.uri, symbol.location.range.start.line]).sort(), [
      ['Timeline', 'Postmortem: DNS', SymbolKind.Namespace, uri('postmortems/dns.md'), 6],
      ['Timeline', 'Postmortem: database', SymbolKind.Namespace, uri('postmortems/db.md'), 6],
    ]);
    const reports = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'postmortem dns' });
    assert.deepEqual(reports.map((symbol) => [symbol.name, symbol.kind]), [['Postmortem: DNS', SymbolKind.File]]);
  });

  test('a created, a changed, a deleted and a renamed report', async () => {
    writeFileSync(path('postmortems/cdn.md'), report('CDN', [`- [ ] Purge on deploy (owner: @cy, due: ${PAST})`]));
    await fileEvents({ uri: uri('postmortems/cdn.md'), type: FileChangeType.Created });
    await expectView(itemsOf, [
      'Postmortem: CDN: Purge on deploy (overdue)',
      'Postmortem: database: Alert on pool saturation (overdue)',
      'Postmortem: DNS: Lower the TTL',
    ]);

    writeFileSync(path('postmortems/dns.md'), report('DNS', [`- Lower the TTL (owner: @bob, due: ${PAST})`]));
    await fileEvents({ uri: uri('postmortems/dns.md'), type: FileChangeType.Changed });
    await expectView((result) => itemsOf(result).includes('Postmortem: DNS: Lower the TTL (overdue)'), true);

    unlinkSync(path('postmortems/db.md'));
    await fileEvents({ uri: uri('postmortems/db.md'), type: FileChangeType.Deleted });
    await expectView(itemsOf, ['Postmortem: CDN: Purge on deploy (overdue)', 'Postmortem: DNS: Lower the TTL (overdue)']);

    renameSync(path('postmortems/cdn.md'), path('postmortems/2024-cdn.md'));
    await fileEvents({ uri: uri('postmortems/cdn.md'), type: FileChangeType.Deleted }, { uri: uri('postmortems/2024-cdn.md'), type: FileChangeType.Created });
    await expectView(reportUris, [uri('postmortems/2024-cdn.md'), uri('postmortems/dns.md')]);

    // A file created in a .gitignored folder stays out (announced with a change that is taken in: the DNS item gains an owner).
    writeFileSync(path('build/new.md'), report('new', ['- [ ] Still ignored']));
    writeFileSync(path('postmortems/dns.md'), report('DNS', [`- Lower the TTL (owner: @eve, due: ${PAST})`]));
    await fileEvents({ uri: uri('build/new.md'), type: FileChangeType.Created }, { uri: uri('postmortems/dns.md'), type: FileChangeType.Changed });
    await expectView((result) => result.groups.map((group) => [group.uri, group.items[0]?.owner]), [
      [uri('postmortems/2024-cdn.md'), '@cy'],
      [uri('postmortems/dns.md'), '@eve'],
    ]);
  });

  test('an open document counts as typed, and the file on disk again once it is closed unsaved', async () => {
    const dns = uri('postmortems/dns.md');
    await client.open(dns, report('DNS', [`- Lower the TTL (owner: @bob, due: ${PAST})`, '- Add a canary (owner: @dee)']));
    await expectView((result) => itemsOf(result).includes('Postmortem: DNS: Add a canary'), true);
    const diagnostics = await client.diagnostics(dns, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'action-item-overdue'));
    const overdue = diagnostics.diagnostics.find((diagnostic) => diagnostic.code === 'action-item-overdue');
    assert.match(String(overdue?.message), new RegExp(`^"Lower the TTL" was due on ${PAST}, \\d+ days ago, and is still open`));

    await client.close(dns);
    await expectView((result) => itemsOf(result).includes('Postmortem: DNS: Add a canary'), false);
  });

  test('mark done: the edit for a closed file ticks its box; copy as issue body', async () => {
    const cdn = uri('postmortems/2024-cdn.md');
    const { edits, version } = await client.request<FollowUpEditResult>(FOLLOW_UP_MARK_DONE_REQUEST, { uri: cdn, line: 12 });
    assert.equal(version, undefined);
    const text = report('CDN', [`- [ ] Purge on deploy (owner: @cy, due: ${PAST})`]);
    const after = TextDocument.applyEdits(TextDocument.create(cdn, 'markdown', 0, text), edits);
    assert.equal(after.split('\n')[12], `- [x] Purge on deploy (owner: @cy, due: ${PAST})`);

    await assert.rejects(client.request(FOLLOW_UP_MARK_DONE_REQUEST, { uri: cdn, line: 3 }), /No open action item starts on line 4/);

    const issue = await client.request<{ content: string }>(FOLLOW_UP_ISSUE_REQUEST, { uri: cdn, line: 12 });
    assert.equal(issue.content.split('\n')[0], '## Purge on deploy');
    assert.ok(issue.content.includes(`- **Postmortem:** [Postmortem: CDN](${cdn}), line 13`), issue.content);
  });
});

test('a large workspace (read in worker threads where there are two cores or more) lists every report with its items', async () => {
  ensureServerBuilt();
  const root = mkdtempSync(join(tmpdir(), 'pm-index-large-'));
  // More files than the server reads in its own thread (MIN_FILES in server/src/node/indexWorkers.ts), plus notes.
  const names = Array.from({ length: 64 }, (_, at) => `r${String(at).padStart(2, '0')}.md`);
  names.forEach((name, at) => writeFileSync(join(root, name), report(`service ${name.slice(1, 3)}`, [`- [ ] Add alert ${at} (owner: @o${at % 3}, due: ${at % 2 ? PAST : FUTURE})`])));
  writeFileSync(join(root, 'notes.md'), '# Meeting notes\n\n- Buy cake\n');
  const client = await LspClient.start({ workspaceFolders: [{ uri: fileUri(root), name: 'large' }], capabilities: { workspace: { symbol: {} } } });
  try {
    await client.notification<FollowUpsChangedParams>(FOLLOW_UPS_CHANGED_NOTIFICATION, (params) => !params.indexing);
    const byReport = await client.request<FollowUpsResult>(FOLLOW_UPS_REQUEST, { groupBy: 'report', showDone: false });
    assert.deepEqual(
      byReport.groups.map((group) => [group.uri, group.items.map((item) => `${item.text} ${item.owner} ${item.due}${item.overdue ? ' overdue' : ''}`)]),
      // Overdue reports first, then the others, each by title.
      [...names.filter((_, at) => at % 2), ...names.filter((_, at) => !(at % 2))].map((name) => {
        const at = Number(name.slice(1, 3));
        return [fileUri(join(root, name)), [`Add alert ${at} @o${at % 3} ${at % 2 ? `${PAST} overdue` : FUTURE}`]];
      }),
    );
    assert.deepEqual([byReport.open, byReport.overdue], [64, 32]);
    const cores = availableParallelism();
    const where = cores >= 3 ? 'in 2 worker threads' : cores === 2 ? 'in 1 worker thread' : "in the server's thread";
    assert.ok(client.logs.some((line) => line.startsWith(`Read 65 Markdown files ${where} in `) && line.endsWith(' s: 64 postmortems.')), client.logs.join('\n'));
  } finally {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
