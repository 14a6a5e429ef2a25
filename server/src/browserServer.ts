/**
 * The Postmortem Writer language server in a browser Web Worker (vscode.dev, github.dev): the features of
 * `languageServer.ts` over the worker's messages. Without a disk, `.postmortemrc.json` files come from the client.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startLanguageServer } from './languageServer';

/** The worker's global scope (the project's TypeScript lib has no WebWorker types). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startLanguageServer(connection, { lastResortLog: (message) => console.error(message) });
