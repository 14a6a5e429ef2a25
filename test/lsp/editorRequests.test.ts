/**
 * What the VS Code views and commands ask the server (client/src/outline, client/src/commands): the outline-changed
 * notification, the rule list, the declared zone in the outline and the edit commands, over stdio as an editor sees them.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ErrorCodes, ResponseError, type TextEdit } from 'vscode-languageserver-protocol/node';
import { analyze } from '../../server/src/analysis/analyze';
import { normalizeTimelineEdits, sortTimelineEdits } from '../../server/src/analysis/features/timelineEdits';
import { applyEdits } from '../../server/src/analysis/fixes/fix';
import { RULES } from '../../server/src/analysis/rules';
import type { EditCommandResult, OutlineChangedParams, OutlineModel, RuleInfo } from '../../server/src/lsp/protocol';
import { fileUri } from '../../server/src/lsp/workspace';
import { ensureServerBuilt, LspClient } from '../helpers/lspClient';

const DRAFT = '---\ntype: postmortem\n---\n# Checkout outage\n\n## Summary\n\nCheckout failed for 20 minutes.\n\n## Timeline\n\n- **14:00 UTC** — Alert fired.\n\n## Root Cause\n\nA config push emptied the upstream list.\n\n## Action Items\n\n- [ ] Reject empty upstream lists at deploy (owner: @ana, due: 2024-07-01)\n';
const withZone = (zone: string) => `---\ntype: postmortem\ntimezone: ${zone}\n---\n# Outage\n\n## Timeline\n\n- **14:00** — Alert fired.\n`;

describe('requests and notifications of the VS Code views and commands', () => {
  let client: LspClient;
  let folder: string;
  const changed: OutlineChangedParams[] = [];
  const uri = (name: string) => fileUri(join(folder, name));
  const executeCommand = (command: string, args: unknown[]) => client.request<EditCommandResult>('workspace/executeCommand', { command, arguments: args });

  /** Waits for the outline-changed notification of one document version. */
  async function outlineChanged(documentUri: string, version: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!changed.some((params) => params.uri === documentUri && params.version === version)) {
      if (Date.now() > deadline) assert.fail(`no postmortem/outlineChanged for ${documentUri} version ${version}: ${JSON.stringify(changed)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  before(async () => {
    ensureServerBuilt();
    folder = mkdtempSync(join(tmpdir(), 'pm-editor-'));
    client = await LspClient.start({
      workspaceFolders: [{ uri: fileUri(folder), name: 'ws' }],
      settings: () => ({}),
      capabilities: { workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } } },
    });
    client.connection.onNotification('postmortem/outlineChanged', (params: OutlineChangedParams) => {
      changed.push(params);
    });
  });

  after(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('advertises the edit commands the VS Code commands call', () => {
    const commands = client.initializeResult.capabilities.executeCommandProvider?.commands;
    assert.deepEqual(commands, ['postmortem.applyFixAll', 'postmortem.applyInsertSection', 'postmortem.applySortTimeline', 'postmortem.applyNormalizeTimeline']);
  });

  test('postmortem/outlineChanged follows each analysis, with the version analysed', async () => {
    const draft = uri('changes.md');
    await client.open(draft, DRAFT, 1);
    await outlineChanged(draft, 1);
    await client.change(draft, 2, [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: 'Users saw errors. ' }]);
    await outlineChanged(draft, 2);
    const model = await client.request<OutlineModel>('postmortem/outline', { uri: draft });
    assert.equal(model.version, 2);
  });

  test('postmortem/rules lists every rule with its metadata and documentation page', async () => {
    const rules = await client.request<RuleInfo[]>('postmortem/rules', null);
    assert.deepEqual(
      rules,
      RULES.map(({ meta }) => ({ id: meta.id, description: meta.description, defaultSeverity: meta.defaultSeverity, fixable: meta.fixable, docs: meta.docs })),
    );
    assert.equal(rules.find((rule) => rule.id === 'missing-section')?.docs, 'https://github.com/postmortem-writer/postmortem-writer/blob/main/docs/rules/missing-section.md');
  });

  test('the outline names the zone the timeline is written in, and what it stands for', async () => {
    const cases: Array<[string, string, OutlineModel['timezone']]> = [
      ['front matter, IANA', withZone('Europe/Berlin'), { name: 'Europe/Berlin', iana: 'Europe/Berlin' }],
      ['front matter, offset', withZone('UTC+05:30'), { name: 'UTC+05:30', offsetMinutes: 330 }],
      // Ambiguous: India, Israel or Ireland. The client then stamps entries in UTC rather than guess.
      ['front matter, ambiguous', withZone('IST'), { name: 'IST' }],
      ['timeline heading', '---\ntype: postmortem\n---\n# Outage\n\n## Timeline (all times PST)\n\n- **14:00** — Alert fired.\n', { name: 'PST', iana: 'America/Los_Angeles' }],
      ['nowhere', '---\ntype: postmortem\n---\n# Outage\n\n## Timeline\n\n- **14:00** — Alert fired.\n', undefined],
    ];
    for (const [index, [where, text, expected]] of cases.entries()) {
      const document = uri(`zone-${index}.md`);
      await client.open(document, text);
      const model = await client.request<OutlineModel>('postmortem/outline', { uri: document });
      assert.deepEqual(model.timezone, expected, where);
    }
  });

  test('postmortem.applyInsertSection applies the missing-section fix for that section, versioned', async () => {
    const draft = uri('insert.md');
    await client.open(draft, DRAFT, 7);
    const edits = client.appliedEdits.length;
    assert.deepEqual(await executeCommand('postmortem.applyInsertSection', [draft, 'resolution']), { applied: true });
    const change = client.appliedEdits[edits].edit.documentChanges?.[0];
    assert.ok(change && 'edits' in change, 'a text document edit');
    assert.deepEqual(change.textDocument, { uri: draft, version: 7 });
    const { findings, document } = analyze({ text: DRAFT });
    const fix = findings.find((finding) => finding.ruleId === 'missing-section' && finding.message.includes('"Resolution"'))?.fixes[0];
    assert.ok(fix && document);
    const after = TextDocument.applyEdits(TextDocument.create(draft, 'markdown', 7, DRAFT), change.edits as TextEdit[]);
    assert.equal(after, applyEdits(document.source, fix.edits));
  });

  test('postmortem.applyInsertSection changes nothing for a section that is there, and needs a section id', async () => {
    const draft = uri('present.md');
    await client.open(draft, DRAFT);
    assert.deepEqual(await executeCommand('postmortem.applyInsertSection', [draft, 'summary']), { applied: false, unchanged: true });
    await assert.rejects(executeCommand('postmortem.applyInsertSection', [draft]), (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams);
  });

  test('sort and normalize apply the timeline engine\'s edits, and change nothing when there is nothing to do', async () => {
    const text = '---\ntype: postmortem\n---\n# Outage\n\n## Timeline\n\n- **14:00 UTC** — Alert fired.\n- **13:50 UTC** — Deploy started.\n- **15:00 PST** — Fixed.\n';
    const document = analyze({ text }).document;
    assert.ok(document);
    const cases: Array<[string, TextEdit[]]> = [
      ['postmortem.applySortTimeline', sortTimelineEdits(document)],
      ['postmortem.applyNormalizeTimeline', normalizeTimelineEdits(document)],
    ];
    for (const [index, [command, expected]] of cases.entries()) {
      assert.ok(expected.length, `${command} has something to change`);
      const draft = uri(`timeline-${index}.md`);
      await client.open(draft, text);
      const edits = client.appliedEdits.length;
      assert.deepEqual(await executeCommand(command, [draft]), { applied: true });
      const change = client.appliedEdits[edits].edit.documentChanges?.[0];
      assert.ok(change && 'edits' in change);
      assert.deepEqual(change.edits, expected);
    }
    const sorted = uri('timeline-sorted.md');
    await client.open(sorted, DRAFT);
    assert.deepEqual(await executeCommand('postmortem.applySortTimeline', [sorted]), { applied: false, unchanged: true });
  });

  test('an unknown command is refused and the server keeps answering', async () => {
    await assert.rejects(executeCommand('postmortem.nope', []), (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams);
    assert.ok((await client.request<RuleInfo[]>('postmortem/rules', null)).length > 0);
  });
});
