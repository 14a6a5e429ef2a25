import { window, workspace, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RC_FILE_GLOB } from '../../server/src/lsp/protocol';
import { CrashHandler } from './crashHandler';

/** The id names the `postmortem.trace.server` setting the language client reads by itself. */
export const CLIENT_ID = 'postmortem';

/** The language server over IPC; it reads its settings with `workspace/configuration`, so none are pushed here. */
export function createLanguageClient(context: ExtensionContext, outputChannel: LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      // Virtual workspaces (Remote Repositories): checked with settings only, rc files are not on disk.
      { scheme: 'vscode-vfs', language: 'markdown' },
    ],
    synchronize: { fileEvents: workspace.createFileSystemWatcher(RC_FILE_GLOB) },
    outputChannel,
    // A crashed server is restarted (up to five crashes in three minutes), and the user is told the first time.
    errorHandler: new CrashHandler(
      { restart: CloseAction.Restart, doNotRestart: CloseAction.DoNotRestart, continue: ErrorAction.Continue, shutdown: ErrorAction.Shutdown },
      (message) => void window.showWarningMessage(message),
    ),
  };
  return new LanguageClient(CLIENT_ID, 'Postmortem Writer', serverOptions, clientOptions);
}
