import { Uri, WorkspaceEdit, window, workspace } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { FIX_ALL_REQUEST, type DocumentParams } from '../../../server/src/lsp/protocol';

/** "Postmortem: Fix All Problems" in the active editor, with the server's fix-all edit. */
export async function fixAll(client: BaseLanguageClient): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void window.showInformationMessage('Open a postmortem Markdown file to fix its problems.');
    return;
  }
  const { document } = editor;
  const version = document.version;
  const params: DocumentParams = { uri: document.uri.toString() };
  const edits = await client.sendRequest<TextEdit[]>(FIX_ALL_REQUEST, params);
  if (!edits.length) {
    void window.showInformationMessage('Nothing to fix: no problem in this file has an automatic fix.');
    return;
  }
  // The edits were computed for this version: typing meanwhile would shift them, so try again instead.
  if (document.version !== version) {
    void window.showInformationMessage('The file changed while fixes were computed. Run "Fix All Problems" again.');
    return;
  }
  const workspaceEdit = new WorkspaceEdit();
  workspaceEdit.set(Uri.parse(params.uri), await client.protocol2CodeConverter.asTextEdits(edits));
  await workspace.applyEdit(workspaceEdit);
}
