import { Uri, window, workspace, type TextDocument } from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';
import type { EditCommandResult } from '../../../server/src/lsp/protocol';

/**
 * The Markdown document a command acts on: the one its first argument names (a view row, a code lens and the
 * editor title pass it, as a Uri or a string), else the active editor's. Undefined, with a word to the user, when none.
 */
export async function targetDocument(argument: unknown, what: string): Promise<TextDocument | undefined> {
  const uri = argument instanceof Uri ? argument : typeof argument === 'string' ? Uri.parse(argument) : window.activeTextEditor?.document.uri;
  const opened = uri && workspace.textDocuments.find((open) => open.uri.toString() === uri.toString());
  const document = opened || (uri && (await workspace.openTextDocument(uri).then(undefined, () => undefined)));
  if (document?.languageId === 'markdown') return document;
  void window.showInformationMessage(`Open a postmortem Markdown file to ${what}.`);
  return undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one of the server's edit commands (see `EDIT_COMMANDS` in the server) on a document: the server computes the
 * edit and applies it through the editor, which refuses it if the document changed meanwhile. Says why when nothing changed.
 */
export async function runServerEdit(
  client: BaseLanguageClient,
  command: string,
  document: TextDocument,
  extraArguments: unknown[],
  unchanged: string,
): Promise<boolean> {
  let result: EditCommandResult;
  try {
    result = await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [document.uri.toString(), ...extraArguments] });
  } catch (error) {
    void window.showErrorMessage(errorMessage(error));
    return false;
  }
  if (result.unchanged) void window.showInformationMessage(unchanged);
  else if (!result.applied) void window.showInformationMessage('The file changed while the edit was prepared. Run the command again.');
  return result.applied;
}
