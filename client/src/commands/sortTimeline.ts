import type { ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { SORT_TIMELINE_COMMAND } from '../../../server/src/lsp/protocol';
import { runServerEdit, targetDocument } from './documentEdits';

/** "Postmortem: Sort Timeline": whole entries move into time order, nothing else changes (computed by the server). */
export async function sortTimeline(client: BaseLanguageClient, _extension: ExtensionContext, uri?: unknown): Promise<void> {
  const document = await targetDocument(uri, 'sort its timeline');
  if (document) await runServerEdit(client, SORT_TIMELINE_COMMAND, document, [], 'The timeline is already in time order.');
}
