/**
 * The activation both builds share (the Node extension host, `extension.ts`, and the browser's web worker extension
 * host, `browserExtension.ts`): every view, command, status item and feature is registered here, so each works in
 * both. The builds differ only in how the language server is started.
 */
import { window, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { RC_FILES_REQUEST, type RcFilesParams } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { clientOptions, type LanguageClientFactory } from './languageClient';
import { registerOutline, type PostmortemApi } from './outline';
import { registerFollowUps } from './views/followUps';
import { readRcFiles } from './rcFiles';

let client: BaseLanguageClient | undefined;

export async function activateWith(context: ExtensionContext, createLanguageClient: LanguageClientFactory): Promise<PostmortemApi> {
  const outputChannel = window.createOutputChannel('Postmortem Writer', { log: true });
  context.subscriptions.push(outputChannel);
  client = createLanguageClient(context, clientOptions(outputChannel));
  context.subscriptions.push(client.onRequest(RC_FILES_REQUEST, (params: RcFilesParams) => readRcFiles(params)));
  registerCommands(context, client);
  const api = registerOutline(context, client);
  registerFollowUps(context, client);
  try {
    await client.start();
  } catch (error) {
    // The commands stay registered, so "Restart Server" can try again.
    outputChannel.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  return api;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
