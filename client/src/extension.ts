/**
 * The VS Code side of Postmortem Writer: starts the language server and registers commands and views.
 * It does no analysis of its own; everything it shows comes from the server.
 */
import { window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { createLanguageClient } from './languageClient';
import { registerOutline, type PostmortemApi } from './outline';
import { registerFollowUps } from './views/followUps';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<PostmortemApi> {
  const outputChannel = window.createOutputChannel('Postmortem Writer', { log: true });
  context.subscriptions.push(outputChannel);
  client = createLanguageClient(context, outputChannel);
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
