/**
 * The VS Code side of Postmortem Writer in the browser (vscode.dev, github.dev): the language server runs in a Web
 * Worker (`dist/web/server.js`). Everything else is in `activate.ts`, shared with the Node build.
 */
import { Uri, workspace, type ExtensionContext } from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, deactivate } from './activate';
import { CLIENT_ID, CLIENT_NAME } from './languageClient';
import type { PostmortemApi } from './outline';

/** The browser's Worker (the project's TypeScript lib has no DOM types). */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof BrowserMessageReader>[0] & { terminate(): void };

export function activate(context: ExtensionContext): Promise<PostmortemApi> {
  return activateWith(context, (_context, options) => {
    const server = Uri.joinPath(context.extensionUri, 'dist/web/server.js');
    let worker: { terminate(): void } | undefined;
    // "Restart Server" and a restart after a crash start a fresh worker; the old one is ended. The transports are made
    // here: VS Code's extension host replaces `Worker` with a function, so the client's `instanceof Worker` fails.
    const startWorker = async () => {
      worker?.terminate();
      const started = new Worker(await workerUrl(server), { name: 'Postmortem Writer language server' });
      worker = started;
      return { reader: new BrowserMessageReader(started), writer: new BrowserMessageWriter(started) };
    };
    return new LanguageClient(CLIENT_ID, CLIENT_NAME, startWorker, options);
  });
}

/**
 * Where the worker's script is loaded from. VS Code cannot start a worker from the files of an extension installed on
 * a remote (code-server, a remote folder opened in the browser): there the script is read and started from its text.
 */
async function workerUrl(server: Uri): Promise<string> {
  if (server.scheme !== 'vscode-remote') return server.toString(true);
  const script = await workspace.fs.readFile(server);
  return URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
}

export { deactivate };
