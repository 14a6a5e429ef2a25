/**
 * The VS Code side of Postmortem Writer in the browser (vscode.dev, github.dev): the language server runs in a Web
 * Worker (`dist/web/server.js`). Everything else is in `activate.ts`, shared with the Node build.
 */
import { Uri, type ExtensionContext } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, deactivate } from './activate';
import { CLIENT_ID, CLIENT_NAME } from './languageClient';
import type { PostmortemApi } from './outline';

/** The browser's Worker (the project's TypeScript lib has no DOM types). */
declare const Worker: new (url: string, options?: { name?: string }) => { terminate(): void };

export function activate(context: ExtensionContext): Promise<PostmortemApi> {
  return activateWith(context, (_context, options) => {
    const serverUrl = Uri.joinPath(context.extensionUri, 'dist/web/server.js').toString(true);
    let worker: { terminate(): void } | undefined;
    // "Restart Server" and a restart after a crash start a fresh worker; the old one is ended.
    const startWorker = () => {
      worker?.terminate();
      worker = new Worker(serverUrl, { name: 'Postmortem Writer language server' });
      return Promise.resolve(worker);
    };
    return new LanguageClient(CLIENT_ID, CLIENT_NAME, startWorker, options);
  });
}

export { deactivate };
