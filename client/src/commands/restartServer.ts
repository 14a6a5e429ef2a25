import { window } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

/** "Postmortem: Restart Server": a fresh server process (after an rc file went wrong, or a crash). */
export async function restartServer(client: BaseLanguageClient): Promise<void> {
  try {
    // `restart()` is the Node client's only: stop and start again, as it does (the browser's starts a fresh worker).
    await client.stop();
    await client.start();
    client.outputChannel.info('Language server restarted.');
  } catch (error) {
    client.outputChannel.error(`Restarting the language server failed: ${error instanceof Error ? error.message : String(error)}`);
    void window.showErrorMessage('Postmortem Writer could not restart its language server. See the "Postmortem Writer" output for details.');
  }
}
