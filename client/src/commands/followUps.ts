/** Commands on a row of the Follow-ups view: mark done, copy as issue body, open the tracking link. */
import { Range, Uri, WorkspaceEdit, env, window, workspace, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FOLLOW_UP_ISSUE_REQUEST, FOLLOW_UP_MARK_DONE_REQUEST, type FollowUpEditResult, type FollowUpItem, type FollowUpParams } from '../../../server/src/lsp/protocol';
import { errorMessage } from './documentEdits';

/** The row's item (a view passes its node), if the argument is one. */
function itemOf(argument: unknown): FollowUpItem | undefined {
  const node = argument as { kind?: string; item?: FollowUpItem } | undefined;
  return node?.kind === 'item' ? node.item : undefined;
}

function paramsOf(item: FollowUpItem): FollowUpParams {
  return { uri: item.uri, line: item.range.start.line };
}

/**
 * Ticks the item's box (or appends "(done)"), with the edit the server computes. A report that was not open with
 * unsaved changes is saved, so "done" reaches the file as the view promised; one with unsaved changes is left to its author.
 */
export async function markFollowUpDone(client: BaseLanguageClient, _extension: ExtensionContext, node?: unknown): Promise<void> {
  const item = itemOf(node);
  if (!item) return;
  const uri = Uri.parse(item.uri);
  const wasDirty = workspace.textDocuments.find((document) => document.uri.toString() === uri.toString())?.isDirty ?? false;
  let result: FollowUpEditResult;
  try {
    result = await client.sendRequest<FollowUpEditResult>(FOLLOW_UP_MARK_DONE_REQUEST, paramsOf(item));
  } catch (error) {
    void window.showErrorMessage(errorMessage(error));
    return;
  }
  const edit = new WorkspaceEdit();
  for (const change of result.edits) {
    edit.replace(uri, new Range(change.range.start.line, change.range.start.character, change.range.end.line, change.range.end.character), change.newText);
  }
  if (!(await workspace.applyEdit(edit))) {
    void window.showInformationMessage('The report changed while the edit was prepared. Try again.');
    return;
  }
  if (!wasDirty) await workspace.textDocuments.find((document) => document.uri.toString() === uri.toString())?.save();
}

export async function copyFollowUpAsIssue(client: BaseLanguageClient, _extension: ExtensionContext, node?: unknown): Promise<void> {
  const item = itemOf(node);
  if (!item) return;
  try {
    const { content } = await client.sendRequest<{ content: string }>(FOLLOW_UP_ISSUE_REQUEST, paramsOf(item));
    await env.clipboard.writeText(content);
    void window.showInformationMessage(`Copied "${item.text}" as an issue body.`);
  } catch (error) {
    void window.showErrorMessage(errorMessage(error));
  }
}

export async function openFollowUpTracking(_client: BaseLanguageClient, _extension: ExtensionContext, node?: unknown): Promise<void> {
  const tracking = itemOf(node)?.tracking;
  if (tracking && /^https?:/i.test(tracking)) await env.openExternal(Uri.parse(tracking));
}
