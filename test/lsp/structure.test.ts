/**
 * The structure features as an editor sees them, over stdio: completing a section heading after "#", and hover on
 * a section heading (which template section it is) and on a template leftover (why it is flagged).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InsertTextFormat, type CompletionItem, type CompletionList, type Hover, type TextEdit } from 'vscode-languageserver-protocol/node';
import { fileUri } from '../../server/src/lsp/workspace';
import { ensureServerBuilt, LspClient } from '../helpers/lspClient';

const DOC = [
  '---',
  'type: postmortem',
  '---',
  '# Checkout outage',
  '',
  '## Summary',
  '',
  'Checkout failed for 20 minutes. See [Time of detection].',
  '',
  '## Root Cause and Resolution',
  '',
  'A bad deploy; we rolled it back.',
  '',
  '#',
  '',
].join('\n');

const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number) => ({
  start: { line: startLine, character: startCharacter },
  end: { line: endLine, character: endCharacter },
});

function itemsOf(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  return Array.isArray(result) ? result : (result?.items ?? []);
}

async function startClient(folder: string, snippetSupport: boolean): Promise<LspClient> {
  return LspClient.start({
    workspaceFolders: [{ uri: fileUri(folder), name: 'ws' }],
    settings: (item) => (item.section === 'postmortem' ? {} : null),
    capabilities: {
      workspace: { configuration: true },
      textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport } } },
    },
  });
}

describe('structure features over stdio', () => {
  let client: LspClient;
  let plainClient: LspClient;
  let folder: string;
  const uri = (name: string) => fileUri(join(folder, name));

  before(async () => {
    ensureServerBuilt();
    folder = mkdtempSync(join(tmpdir(), 'pm-structure-'));
    [client, plainClient] = await Promise.all([startClient(folder, true), startClient(folder, false)]);
  });

  after(async () => {
    await Promise.all([client?.stop(), plainClient?.stop()]);
    rmSync(folder, { recursive: true, force: true });
  });

  test('advertises completion on "#"', () => {
    assert.deepEqual(client.initializeResult.capabilities.completionProvider, { triggerCharacters: ['#', '{'] });
  });

  test('"#" at the start of a line offers the missing sections, in the template\'s order, with their prompt as a snippet', async () => {
    const document = uri('complete.md');
    await client.open(document, DOC);
    const items = itemsOf(await client.request('textDocument/completion', { textDocument: { uri: document }, position: { line: 13, character: 1 } }));
    assert.deepEqual(items.map((item) => item.label), ['Timeline', 'Action Items']);
    const [timeline] = items;
    assert.equal(timeline.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(timeline.detail, 'Required by template essential');
    assert.deepEqual(timeline.textEdit, { range: range(13, 0, 13, 1), newText: '## Timeline\n\n${1:- **HH:MM UTC** What happened, and who noticed?}' });
    // Accepting it (the snippet expanded, its placeholder text kept) gives a real section.
    const accepted = TextDocument.applyEdits(TextDocument.create(document, 'markdown', 1, DOC), [{ range: range(13, 0, 13, 1), newText: '## Timeline\n\n- **HH:MM UTC** What happened, and who noticed?' } as TextEdit]);
    assert.match(accepted, /\n## Timeline\n\n- \*\*HH:MM UTC\*\* What happened, and who noticed\?\n$/);
  });

  test('more "#" set the level; nothing is offered in the middle of text', async () => {
    const document = uri('levels.md');
    await client.open(document, DOC.replace('\n#\n', '\n### Act\n'));
    const items = itemsOf(await client.request('textDocument/completion', { textDocument: { uri: document }, position: { line: 13, character: 7 } }));
    assert.equal(items.find((item) => item.label === 'Action Items')?.textEdit?.newText, '### Action Items\n\n${1:- [ ] Concrete, verifiable task (owner: @handle, due: YYYY-MM-DD)}');
    const none = itemsOf(await client.request('textDocument/completion', { textDocument: { uri: document }, position: { line: 7, character: 9 } }));
    assert.deepEqual(none, []);
  });

  test('a client without snippets gets plain Markdown', async () => {
    const document = uri('plain.md');
    await plainClient.open(document, DOC);
    const items = itemsOf(await plainClient.request('textDocument/completion', { textDocument: { uri: document }, position: { line: 13, character: 1 } }));
    assert.equal(items[0].insertTextFormat, InsertTextFormat.PlainText);
    assert.equal(items[0].textEdit?.newText, '## Timeline\n\n- **HH:MM UTC** What happened, and who noticed?');
  });

  test('hover on a heading says which template sections it satisfies', async () => {
    const document = uri('hover.md');
    await client.open(document, DOC);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: document }, position: { line: 9, character: 5 } });
    assert.deepEqual(hover.range, range(9, 0, 9, 28));
    assert.deepEqual(hover.contents, {
      kind: 'markdown',
      value: [
        '**Root Cause and Resolution** is the *Root Cause* and *Resolution* sections of template `essential`.',
        '',
        'Root Cause: Why did it happen? Describe the conditions in the system, not the people.',
        '',
        'Resolution: What restored service, and when?',
      ].join('\n'),
    });
  });

  test('hover on a template leftover explains why it is flagged; plain text has no hover', async () => {
    const document = uri('placeholder.md');
    await client.open(document, DOC);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: document }, position: { line: 7, character: 40 } });
    assert.deepEqual(hover.range, range(7, 36, 7, 55));
    assert.match((hover.contents as { value: string }).value, /^\*\*Template leftover\*\* \(placeholder-text\): "\[Time of detection\]" is a template prompt left in the report\. Replace it with the answer\./);
    assert.equal(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: document }, position: { line: 11, character: 4 } }), null);
  });
});
