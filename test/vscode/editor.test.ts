/// <reference types="mocha" />
/**
 * The editor journeys in a real VS Code (`npm run test:vscode`; it downloads VS Code, so `npm test` skips it).
 * Expectations come from the analysis core itself: the editor must show exactly what the core finds and fixes.
 */
import * as assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { CodeAction, Range, Uri, commands, window, workspace, type TreeItem } from 'vscode';
import { analyze } from '../../server/src/analysis/analyze';
import { applyEdits } from '../../server/src/analysis/fixes/fix';
import { fixAll } from '../../server/src/analysis/fixes/fixAll';
import type { PostmortemApi } from '../../client/src/outline';
import type { OutlineNode } from '../../client/src/views/outlineTree';
import { activeExtension, open, postmortemDiagnostics, ruleId, waitFor, workspaceFile } from './helpers';

function labelOf(item: TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** The labels a view shows now for the active editor, nested rows included (none until the server's outline has arrived). */
function rows(api: PostmortemApi, view: string): string[] {
  const provider = api.views[view];
  const labels = (nodes: OutlineNode[]): string[] => nodes.flatMap((node) => [labelOf(provider.getTreeItem(node)), ...labels(provider.getChildren(node))]);
  return labels(provider.getChildren());
}

suite('Postmortem Writer in VS Code', function () {
  this.timeout(120_000);
  let api: PostmortemApi;

  suiteSetup(async () => {
    await open('seed-002.md');
    api = await activeExtension();
  });

  teardown(async () => {
    await commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('activates on a postmortem and reads it as one', async () => {
    const editor = await open('seed-002.md');
    const outline = await waitFor('the outline of seed 002', () => api.outline(editor.document.uri).catch(() => undefined));
    assert.equal(outline.isPostmortem, true);
    assert.equal(outline.template, 'essential');
  });

  test('shows the core findings as diagnostics with their rule ids', async () => {
    const editor = await open('seed-003.md');
    const { findings } = analyze({ text: editor.document.getText(), relativePath: 'seed-003.md' });
    assert.ok(findings.length > 0, 'seed 003 has findings');
    const diagnostics = await waitFor('diagnostics on seed 003', () => postmortemDiagnostics(editor.document.uri).length === findings.length && postmortemDiagnostics(editor.document.uri));
    assert.deepEqual(diagnostics.map(ruleId).sort(), findings.map((finding) => finding.ruleId).sort());
    const first = findings[0];
    assert.ok(
      diagnostics.some((diagnostic) => ruleId(diagnostic) === first.ruleId && diagnostic.message === first.message && diagnostic.range.start.line === first.range.start.line),
      `a diagnostic for ${first.ruleId} at line ${first.range.start.line + 1} with the core's message`,
    );
  });

  test('a quick fix changes the text exactly as the core fix does', async () => {
    const editor = await open('seed-003.md');
    const text = editor.document.getText();
    const { findings, document } = analyze({ text, relativePath: 'seed-003.md' });
    const finding = findings.find((candidate) => candidate.ruleId === 'heading-syntax' && candidate.fixes.length);
    assert.ok(finding && document, 'seed 003 has a fixable heading-syntax finding');
    const fix = finding.fixes[0];
    await waitFor('diagnostics on seed 003', () => postmortemDiagnostics(editor.document.uri).length > 0);
    const { start, end } = finding.range;
    const actions = await commands.executeCommand<CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      new Range(start.line, start.character, end.line, end.character),
    );
    const action = actions.find((candidate) => candidate.title === fix.title);
    assert.ok(action?.edit, `a code action "${fix.title}" among: ${actions.map((candidate) => candidate.title).join(' | ')}`);
    assert.ok(await workspace.applyEdit(action.edit));
    assert.equal(editor.document.getText(), applyEdits(document.source, fix.edits));
  });

  test('Fix All Problems gives the core fix-all text', async () => {
    const editor = await open('seed-003.md');
    const before = editor.document.getText();
    const expected = fixAll({ text: before, relativePath: 'seed-003.md' }, { allowPlaceholders: true }).text;
    assert.notEqual(expected, before, 'seed 003 has fixable problems');
    await waitFor('diagnostics on seed 003', () => postmortemDiagnostics(editor.document.uri).length > 0);
    await commands.executeCommand('postmortem.fixAll');
    await waitFor('the fixed text', () => editor.document.getText() !== before);
    assert.equal(editor.document.getText(), expected);
  });

  test('the Postmortem views list the sections and timeline of the active report', async () => {
    const editor = await open('seed-002.md');
    const { document } = analyze({ text: editor.document.getText(), relativePath: 'seed-002.md' });
    assert.ok(document && document.timeline.length > 0, 'seed 002 has a timeline');
    const timeline = await waitFor('the Timeline view', () => {
      const labels = rows(api, 'postmortem.timeline');
      return labels.length === document.timeline.length && labels;
    });
    // Time order is document order in seed 002 (all UTC, in order).
    assert.deepEqual(timeline, document.timeline.map((entry) => entry.text));
    const sections = rows(api, 'postmortem.sections');
    for (const section of document.sections) assert.ok(sections.includes(section.title), `the Sections view lists "${section.title}": ${sections.join(' | ')}`);
    const actionItems = rows(api, 'postmortem.actionItems');
    assert.equal(actionItems.length, document.actionItems.length);
  });

  test('New Postmortem writes postmortems/YYYY-MM-DD-<slug>.md from the template and opens it', async () => {
    const uri = await commands.executeCommand<Uri | undefined>('postmortem.newPostmortem', { template: 'essential', title: 'Checkout API outage' });
    assert.ok(uri, 'the command returns the new file');
    try {
      const now = new Date();
      const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
      assert.equal(uri.toString(), workspaceFile(`postmortems/${day}-checkout-api-outage.md`).toString());
      assert.equal(window.activeTextEditor?.document.uri.toString(), uri.toString());
      const written = await readFile(uri.fsPath, 'utf8');
      assert.match(written, /Checkout API outage/);
      assert.equal(analyze({ text: written, relativePath: `postmortems/${day}-checkout-api-outage.md` }).isPostmortem, true);
    } finally {
      await commands.executeCommand('workbench.action.closeActiveEditor');
      await rm(uri.fsPath, { force: true });
    }
  });

  test('a README gets no diagnostics and is not shown as a postmortem', async () => {
    const editor = await open('README.md');
    const outline = await waitFor('the outline of README.md', () => api.outline(editor.document.uri).catch(() => undefined));
    assert.equal(outline.isPostmortem, false);
    assert.deepEqual(postmortemDiagnostics(editor.document.uri), []);
    assert.deepEqual(rows(api, 'postmortem.sections'), []);
  });
});
