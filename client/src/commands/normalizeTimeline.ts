import type { ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { NORMALIZE_TIMELINE_COMMAND } from '../../../server/src/lsp/protocol';
import { runServerEdit, targetDocument } from './documentEdits';

/** "Postmortem: Normalize Timeline to UTC": every entry's time rewritten in UTC (computed by the server). */
export async function normalizeTimeline(client: BaseLanguageClient, _extension: ExtensionContext, uri?: unknown): Promise<void> {
  const document = await targetDocument(uri, 'normalize its timeline');
  if (document) await runServerEdit(client, NORMALIZE_TIMELINE_COMMAND, document, [], 'Every timeline entry is already in UTC.');
}
