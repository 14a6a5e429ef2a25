/**
 * The timeline engine as an editor sees it, over stdio: hover on a time, elapsed-time inlay hints, the code lenses
 * above the timeline heading, the sort and normalize commands (through `workspace/applyEdit`) and the timeline fields
 * of `postmortem/outline`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens, CompletionItem, Hover, InlayHint, TextEdit } from 'vscode-languageserver-protocol/node';
import type { EditCommandResult, OutlineModel, TimelineChartResult } from '../../server/src/lsp/protocol';
import { fileUri } from '../../server/src/lsp/workspace';
import { ensureServerBuilt, LspClient } from '../helpers/lspClient';

const DOC = [
  '# Checkout outage',
  '',
  '## Summary',
  '',
  '**Duration:** 2024-06-15 14:00 to 15:30 UTC',
  '',
  '## Timeline (all times UTC)',
  '',
  '- 14:05 alert fired',
  '- 14:40 rolled back',
  '  - took two attempts',
  '- 14:20 paged the on-call',
  '',
].join('\n');

const SORTED = DOC.replace('- 14:40 rolled back\n  - took two attempts\n- 14:20 paged the on-call', '- 14:20 paged the on-call\n- 14:40 rolled back\n  - took two attempts');

const PACIFIC = '---\ntype: postmortem\n---\n# Outage\n\n## Timeline (all times PST)\n\n- 2024-01-10 7:32 PM chain stalled\n- 2024-01-10 7:42 PM blocks again\n';

const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number) => ({
  start: { line: startLine, character: startCharacter },
  end: { line: endLine, character: endCharacter },
});

describe('timeline features over stdio', () => {
  let client: LspClient;
  let folder: string;
  let settings: Record<string, unknown> = {};
  const uri = (name: string) => fileUri(join(folder, name));

  /** The text after the edit the server last asked the editor to apply. */
  function lastApplied(documentUri: string, text: string): string {
    const edit = client.appliedEdits[client.appliedEdits.length - 1]?.edit;
    const change = edit?.documentChanges?.[0];
    assert.ok(change && 'edits' in change && change.textDocument.uri === documentUri, JSON.stringify(edit));
    return TextDocument.applyEdits(TextDocument.create(documentUri, 'markdown', 1, text), change.edits as TextEdit[]);
  }

  before(async () => {
    ensureServerBuilt();
    folder = mkdtempSync(join(tmpdir(), 'pm-timeline-'));
    client = await LspClient.start({
      workspaceFolders: [{ uri: fileUri(folder), name: 'ws' }],
      settings: (item) => (item.section === 'postmortem' ? settings : null),
      capabilities: {
        workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
        textDocument: { hover: { contentFormat: ['markdown'] }, inlayHint: {}, codeLens: {} },
      },
    });
  });

  after(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('advertises hover, inlay hints and code lenses', () => {
    const { capabilities } = client.initializeResult;
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(capabilities.inlayHintProvider, true);
    assert.deepEqual(capabilities.codeLensProvider, { resolveProvider: false });
  });

  test('hover on a time: the instant in UTC, in the declared zone, and the time since the start', async () => {
    const document = uri('hover.md');
    await client.open(document, DOC);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: document }, position: { line: 11, character: 4 } });
    assert.deepEqual(hover.range, range(11, 2, 11, 7));
    assert.deepEqual(hover.contents, {
      kind: 'markdown',
      value: [
        '**2024-06-15T14:20:00Z** (UTC)',
        "**T+20m** since the incident's start in the summary",
        '',
        'Zone: UTC (Coordinated Universal Time), declared in the heading.',
        'Date: 2024-06-15, carried from the entry before.',
      ].join('\n\n'),
    });
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: document }, position: { line: 11, character: 10 } }), null);
  });

  test('hover on a time shows it in the declared zone too', async () => {
    const document = uri('pacific.md');
    await client.open(document, PACIFIC);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: document }, position: { line: 7, character: 14 } });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /^\*\*2024-01-11T03:32:00Z\*\* \(UTC\)\n\n2024-01-10 19:32 UTC-08:00 in PST, the timeline's zone \(declared in the heading\)/);
  });

  test('inlay hints: T+ after each time, from the start in the summary; off with the setting', async () => {
    const document = uri('hints.md');
    await client.open(document, DOC);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: document }, range: range(0, 0, 13, 0) });
    assert.deepEqual(
      hints.map((hint) => [hint.position, hint.label, hint.tooltip]),
      [
        [{ line: 8, character: 7 }, 'T+00:05', "T+5m since the incident's start in the summary"],
        [{ line: 9, character: 7 }, 'T+00:40', "T+40m since the incident's start in the summary"],
        [{ line: 11, character: 7 }, 'T+00:20', "T+20m since the incident's start in the summary"],
      ],
    );
    const part = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: document }, range: range(9, 0, 10, 0) });
    assert.deepEqual(part.map((hint) => hint.label), ['T+00:40']);

    settings = { inlayHints: { elapsed: false } };
    await client.configurationChanged();
    const off = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: document }, range: range(0, 0, 13, 0) });
    settings = {};
    await client.configurationChanged();
    assert.deepEqual(off, []);
  });

  test('code lenses above the timeline heading: sort, normalize and the incident length', async () => {
    const document = uri('lenses.md');
    await client.open(document, DOC);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: document } });
    const heading = range(6, 0, 6, 27);
    assert.deepEqual(lenses, [
      { range: heading, command: { title: 'Sort timeline', command: 'postmortem.applySortTimeline', arguments: [document] } },
      { range: heading, command: { title: 'Normalize times to UTC', command: 'postmortem.applyNormalizeTimeline', arguments: [document] } },
      { range: heading, command: { title: 'Incident length: 1 hour 30 minutes', command: '' } },
      { range: heading, command: { title: 'Detected +5m · Mitigated +40m · Resolved +1h 30m', command: '' } },
    ]);
  });

  test('hover on a key moment\'s entry says which moment it is and why; the outline marks it', async () => {
    const document = uri('moments.md');
    const text = DOC.replace('- 14:40 rolled back', '- 14:40 traffic moved to the standby {mitigated}');
    await client.open(document, text);
    const detected = await client.request<Hover>('textDocument/hover', { textDocument: { uri: document }, position: { line: 8, character: 4 } });
    assert.match((detected.contents as { value: string }).value, /\n\n\*\*Key moment: detected\*\* \(its words say so \("alert"\)\)\n\n/);
    const mitigated = await client.request<Hover>('textDocument/hover', { textDocument: { uri: document }, position: { line: 9, character: 4 } });
    assert.match((mitigated.contents as { value: string }).value, /\*\*Key moment: mitigated\*\* \(marked by the author\)/);
    const model = await client.request<OutlineModel>('postmortem/outline', { uri: document });
    assert.deepEqual(model.timeline.map((entry) => entry.keyMoments), [['detected'], ['mitigated'], undefined]);
  });

  test('postmortem/timelineChart draws the chart as SVG, for the webview or as a file of its own', async () => {
    const document = uri('chart.md');
    await client.open(document, DOC);
    const embedded = await client.request<TimelineChartResult>('postmortem/timelineChart', { uri: document });
    assert.equal(embedded.entries, 3);
    assert.equal(embedded.headingLine, 6);
    assert.deepEqual([...embedded.svg.matchAll(/data-line="(\d+)"/g)].map((match) => Number(match[1])), [8, 11, 9]);
    const file = await client.request<TimelineChartResult>('postmortem/timelineChart', { uri: document, standalone: true });
    assert.match(file.svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal(file.page, undefined);
    const page = await client.request<TimelineChartResult>('postmortem/timelineChart', { uri: document, nonce: '0123456789abcdef0123' });
    assert.match(page.page!, /script-src 'nonce-0123456789abcdef0123'/);
    assert.ok(page.page!.includes(`<div id="chart">${page.svg}</div>`));
  });

  test('completion after "{" on a timeline entry offers the key-moment markers', async () => {
    const document = uri('markers.md');
    const text = DOC.replace('- 14:05 alert fired', '- 14:05 alert fired {de');
    await client.open(document, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: document }, position: { line: 8, character: 23 } });
    assert.deepEqual(
      items.map((item) => [item.label, item.textEdit]),
      ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'].map((name) => [`{${name}}`, { range: range(8, 20, 8, 23), newText: `{${name}}` }]),
    );
    const outside = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: document }, position: { line: 4, character: 0 } });
    assert.deepEqual(outside, []);
  });

  test('the sort command applies the sorted timeline through workspace/applyEdit, then has nothing to do', async () => {
    const document = uri('sort.md');
    await client.open(document, DOC);
    const result = await client.request<EditCommandResult>('workspace/executeCommand', { command: 'postmortem.applySortTimeline', arguments: [document] });
    assert.deepEqual(result, { applied: true });
    assert.equal(client.appliedEdits[client.appliedEdits.length - 1].label, 'Sort timeline');
    assert.equal(lastApplied(document, DOC), SORTED);

    const sorted = uri('sorted.md');
    await client.open(sorted, SORTED);
    const again = await client.request<EditCommandResult>('workspace/executeCommand', { command: 'postmortem.applySortTimeline', arguments: [sorted] });
    assert.deepEqual(again, { applied: false, unchanged: true });
  });

  test('the normalize command rewrites every time in UTC, the declaration included', async () => {
    const document = uri('normalize.md');
    await client.open(document, PACIFIC);
    const result = await client.request<EditCommandResult>('workspace/executeCommand', { command: 'postmortem.applyNormalizeTimeline', arguments: [document] });
    assert.deepEqual(result, { applied: true });
    assert.equal(lastApplied(document, PACIFIC), '---\ntype: postmortem\n---\n# Outage\n\n## Timeline (all times UTC)\n\n- 2024-01-11 3:32 AM chain stalled\n- 2024-01-11 3:42 AM blocks again\n');
  });

  test('postmortem/outline carries each entry\'s instant, elapsed time, zone and problems', async () => {
    const document = uri('outline.md');
    await client.open(document, DOC);
    const model = await client.request<OutlineModel>('postmortem/outline', { uri: document });
    const pick = model.timeline.map(({ time, iso, elapsed, zone, hasProblem }) => ({ time, iso, elapsed, zone, hasProblem }));
    assert.deepEqual(pick, [
      { time: '14:05', iso: '2024-06-15T14:05:00Z', elapsed: 'T+5m', zone: 'UTC', hasProblem: false },
      { time: '14:40', iso: '2024-06-15T14:40:00Z', elapsed: 'T+40m', zone: 'UTC', hasProblem: false },
      { time: '14:20', iso: '2024-06-15T14:20:00Z', elapsed: 'T+20m', zone: 'UTC', hasProblem: true },
    ]);
    assert.equal(model.timeline[2].instant, Date.UTC(2024, 5, 15, 14, 20));
    assert.deepEqual(model.timeline[2].problems.map((problem) => problem.ruleId), ['timeline-out-of-order']);
  });
});
