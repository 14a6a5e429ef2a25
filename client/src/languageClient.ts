import { window, workspace, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { CloseAction, ErrorAction, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import { RC_FILE_GLOB } from '../../server/src/lsp/protocol';
import { CrashHandler } from './crashHandler';

/** The id names the `postmortem.trace.server` setting the language client reads by itself. */
export const CLIENT_ID = 'postmortem';
export const CLIENT_NAME = 'Postmortem Writer';

/**
 * The schemes the language client serves: files, unsaved files, and virtual workspaces (Remote Repositories and
 * github.dev: `vscode-vfs`; a remote folder opened in the browser: `vscode-remote`). The views follow the same ones.
 */
export const SERVED_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-vfs', 'vscode-remote'];

/** Starts the language server the platform's way (a Node process, or a Web Worker in the browser) and connects to it. */
export type LanguageClientFactory = (context: ExtensionContext, options: LanguageClientOptions) => BaseLanguageClient;

/**
 * The options both clients share. The server reads its settings with `workspace/configuration`, so none are pushed
 * here; it asks for `.postmortemrc.json` files it cannot read itself with `postmortem/rcFiles` (see rcFiles.ts).
 */
export function clientOptions(outputChannel: LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: SERVED_SCHEMES.map((scheme) => ({ scheme, language: 'markdown' })),
    synchronize: { fileEvents: workspace.createFileSystemWatcher(RC_FILE_GLOB) },
    initializationOptions: { rcFilesRequest: true },
    outputChannel,
    // A crashed server is restarted (up to five crashes in three minutes), and the user is told the first time.
    errorHandler: new CrashHandler(
      { restart: CloseAction.Restart, doNotRestart: CloseAction.DoNotRestart, continue: ErrorAction.Continue, shutdown: ErrorAction.Shutdown },
      (message) => void window.showWarningMessage(message),
    ),
  };
}
