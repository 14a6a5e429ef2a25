/**
 * Only the document being edited keeps spare chunks (parsed text no longer in it, for an undo): with many documents
 * open, every document's spares and what the analysis kept for them grew to most of a long session's memory.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses } from '../../server/src/lsp/analyses';
import type { ServerSettings } from '../../server/src/lsp/settings';

const text = '# First\n\nA paragraph.\n\n# Second\n\nAnother paragraph.\n\n# Third\n\nThe last one.\n';
const typed = text.replace('Another', 'Anoxther');

function analyses(): Analyses {
  return new Analyses(async (_uri, text) => ({ input: { text, layers: [{ detection: 'always' }] }, settings: {} as ServerSettings }));
}

/** The second section's paragraph as parsed for this version of the document. */
async function paragraph(analyses: Analyses, uri: string, version: number, text: string): Promise<unknown> {
  const { result } = await analyses.get(TextDocument.create(uri, 'markdown', version, text));
  return result.document?.parsed.tree.children[3];
}

test('an undo in the document being edited finds the text parsed before', async () => {
  const open = analyses();
  const before = await paragraph(open, 'file:///a.md', 1, text);
  await paragraph(open, 'file:///a.md', 2, typed);
  assert.equal(await paragraph(open, 'file:///a.md', 3, text), before);
});

test('editing another document forgets the first one’s spare chunks', async () => {
  const open = analyses();
  const before = await paragraph(open, 'file:///a.md', 1, text);
  await paragraph(open, 'file:///a.md', 2, typed);
  await paragraph(open, 'file:///b.md', 1, text);
  const after = await paragraph(open, 'file:///a.md', 3, text);
  assert.notEqual(after, before);
  assert.deepEqual(after, before);
});
