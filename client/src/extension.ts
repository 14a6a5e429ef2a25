/**
 * The VS Code side of Postmortem Writer in the Node extension host: starts the language server as a Node process
 * (IPC). Everything else is in `activate.ts`, shared with the browser build; no analysis here.
 */
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, deactivate } from './activate';
import { CLIENT_ID, CLIENT_NAME } from './languageClient';
import type { PostmortemApi } from './outline';

export function activate(context: ExtensionContext): Promise<PostmortemApi> {
  return activateWith(context, (_context, options) => {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, options);
  });
}

export { deactivate };
