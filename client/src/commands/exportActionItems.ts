import { Uri, env, window, workspace, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { EXPORT_ACTION_ITEMS_REQUEST, type ExportActionItemsResult } from '../../../server/src/lsp/protocol';
import { errorMessage, targetDocument } from './documentEdits';

const FORMATS = [
  { label: 'Markdown table', format: 'markdown', extension: 'md', description: '| Action | Type | Owner | Priority | Due | Tracking |' },
  { label: 'CSV', format: 'csv', extension: 'csv', description: 'for a spreadsheet or a tracker import' },
  { label: 'JSON', format: 'json', extension: 'json', description: 'every field, for scripts' },
  { label: 'Issue bodies', format: 'issues', extension: 'md', description: 'one issue per item, with a link back to the postmortem' },
] as const;

/** "Postmortem: Export Action Items": pick a format, then copy it or save it to a file. The server does the export. */
export async function exportActionItems(client: BaseLanguageClient, _extension: ExtensionContext, uri?: unknown): Promise<void> {
  const document = await targetDocument(uri, 'export its action items');
  if (!document) return;
  const choice = await window.showQuickPick(FORMATS.map((format) => ({ ...format })), { placeHolder: 'Export the action items as…' });
  if (!choice) return;
  let result: ExportActionItemsResult;
  try {
    result = await client.sendRequest(EXPORT_ACTION_ITEMS_REQUEST, { uri: document.uri.toString(), format: choice.format });
  } catch (error) {
    void window.showErrorMessage(errorMessage(error));
    return;
  }
  if (!result.count) {
    void window.showInformationMessage('This postmortem has no action items to export yet.');
    return;
  }
  const target = await window.showQuickPick(['Copy to clipboard', 'Save to file…'], { placeHolder: `${result.count} action items as ${choice.label}` });
  if (target === 'Copy to clipboard') {
    await env.clipboard.writeText(result.content);
    void window.showInformationMessage(`Copied ${result.count} action items (${choice.label}).`);
  } else if (target === 'Save to file…') {
    const base = document.uri.path.replace(/\.[^./]+$/, '');
    const file = await window.showSaveDialog({ defaultUri: document.uri.with({ path: `${base}.action-items.${choice.extension}` }), filters: { [choice.label]: [choice.extension] } });
    if (!file) return;
    await workspace.fs.writeFile(file, new TextEncoder().encode(result.content));
    void window.showInformationMessage(`Saved ${result.count} action items to ${Uri.parse(file.toString()).path.split('/').pop()}.`);
  }
}
