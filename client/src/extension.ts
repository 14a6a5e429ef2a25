/**
 * The VS Code side of Postmortem Writer in the Node extension host: starts the language server as a Node process
 * over stdio, where it writes messages as ASCII JSON (server/src/lsp/asciiJson.ts), which the extension host decodes
 * faster than the UTF-8 of Node's IPC channel. Everything else is in `activate.ts`, shared with the browser build; no
 * analysis here.
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
      run: { module, transport: TransportKind.stdio },
      debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, options);
  });
}

export { deactivate };
