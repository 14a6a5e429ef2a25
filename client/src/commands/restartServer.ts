import { window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** "Postmortem: Restart Server": a fresh server process (after an rc file went wrong, or a crash). */
export async function restartServer(client: LanguageClient): Promise<void> {
  try {
    await client.restart();
    client.outputChannel.info('Language server restarted.');
  } catch (error) {
    client.outputChannel.error(`Restarting the language server failed: ${error instanceof Error ? error.message : String(error)}`);
    void window.showErrorMessage('Postmortem Writer could not restart its language server. See the "Postmortem Writer" output for details.');
  }
}
