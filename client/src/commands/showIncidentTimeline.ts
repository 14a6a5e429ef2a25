import { Position, Range, Selection, TextEditorRevealType, Uri, ViewColumn, WorkspaceEdit, window, workspace, type ExtensionContext, type TextDocument, type WebviewPanel } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { TIMELINE_CHART_REQUEST, type TimelineChartResult } from '../../../server/src/lsp/protocol';
import { errorMessage, targetDocument } from './documentEdits';

/** Edits come in bursts while typing: the chart follows once they pause. */
const FOLLOW_DELAY_MS = 300;

/** A nonce for the page's script and style, from Web Crypto (the extension also runs in the browser). */
function nonce(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function chart(client: BaseLanguageClient, document: TextDocument, options: { standalone?: boolean; nonce?: string } = {}): Promise<TimelineChartResult> {
  return client.sendRequest(TIMELINE_CHART_REQUEST, { uri: document.uri.toString(), ...options });
}

async function reveal(document: TextDocument, line: number): Promise<void> {
  const editor = await window.showTextDocument(document, { viewColumn: ViewColumn.One, preserveFocus: false });
  const at = new Position(Math.min(line, document.lineCount - 1), 0);
  editor.selection = new Selection(at, at);
  editor.revealRange(new Range(at, at), TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Writes the chart next to the report (`report.timeline.svg`) and offers to link it under the timeline heading. */
async function saveSvg(client: BaseLanguageClient, document: TextDocument): Promise<void> {
  const result = await chart(client, document, { standalone: true });
  const name = `${document.uri.path.split('/').pop()!.replace(/\.[^.]+$/, '')}.timeline.svg`;
  const target = Uri.joinPath(document.uri, '..', name);
  await workspace.fs.writeFile(target, new TextEncoder().encode(result.svg));
  const link = `![Incident timeline](${encodeURI(name)})`;
  if (document.getText().includes(link)) {
    void window.showInformationMessage(`Saved ${name}; the report already links it.`);
    return;
  }
  const choice = await window.showInformationMessage(`Saved ${name}. Insert the image link into the report?`, 'Insert link');
  if (choice !== 'Insert link') return;
  const edit = new WorkspaceEdit();
  const line = result.headingLine === undefined ? document.lineCount : result.headingLine + 1;
  edit.insert(document.uri, new Position(line, 0), `\n${link}\n`);
  await workspace.applyEdit(edit);
}

/**
 * "Postmortem: Show Incident Timeline": the chart in a webview beside the report, following its edits. The server
 * draws it; the page only reports clicks (reveal a line) and Save as SVG.
 */
export async function showIncidentTimeline(client: BaseLanguageClient, _extension: ExtensionContext, uri?: unknown): Promise<void> {
  const document = await targetDocument(uri, 'show its incident timeline');
  if (!document) return;
  let first: TimelineChartResult;
  try {
    first = await chart(client, document, { nonce: nonce() });
  } catch (error) {
    void window.showErrorMessage(errorMessage(error));
    return;
  }
  const panel: WebviewPanel = window.createWebviewPanel('postmortem.incidentTimeline', `Timeline: ${document.uri.path.split('/').pop()}`, { viewColumn: ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
  panel.webview.html = first.page ?? '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const follow = workspace.onDidChangeTextDocument((change) => {
    if (change.document.uri.toString() !== document.uri.toString()) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      chart(client, document).then(
        (result) => panel.webview.postMessage({ type: 'update', svg: result.svg }),
        () => undefined,
      );
    }, FOLLOW_DELAY_MS);
  });
  const messages = panel.webview.onDidReceiveMessage((message: { type?: string; line?: number }) => {
    if (message.type === 'reveal' && typeof message.line === 'number') void reveal(document, message.line);
    if (message.type === 'save') saveSvg(client, document).catch((error: unknown) => window.showErrorMessage(errorMessage(error)));
  });
  panel.onDidDispose(() => {
    clearTimeout(timer);
    follow.dispose();
    messages.dispose();
  });
}
