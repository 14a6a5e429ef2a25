import { EventEmitter, commands, window, workspace, type Disposable, type TextEditor } from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { SERVED_SCHEMES } from '../languageClient';
import { OUTLINE_CHANGED_NOTIFICATION, OUTLINE_REQUEST, type DocumentParams, type OutlineChangedParams, type OutlineModel } from '../../../server/src/lsp/protocol';

/** The context key of `when` clauses: the active editor holds a postmortem. */
export const IS_POSTMORTEM_CONTEXT = 'postmortem.isPostmortem';


/** `postmortem/outline` for one document: the server's model, or an error when the document is not open there. */
export function requestOutline(client: BaseLanguageClient, uri: string): Promise<OutlineModel> {
  const params: DocumentParams = { uri };
  return client.sendRequest<OutlineModel>(OUTLINE_REQUEST, params);
}

/**
 * The outline of the document in the active editor, as the server last analysed it. The views, the language
 * status item and the `postmortem.isPostmortem` context key render it; nothing here reads the Markdown itself.
 * It is fetched again when the server says it analysed that document (`postmortem/outlineChanged`).
 */
export class OutlineTracker implements Disposable {
  private readonly changed = new EventEmitter<OutlineModel | undefined>();
  readonly onDidChange = this.changed.event;
  private current: OutlineModel | undefined;
  /** The document followed: the active Markdown editor's, kept while the focus is in a view or a panel. */
  private uri: string | undefined;
  /** Answers to older requests are dropped: a newer one, or another document, took over. */
  private requests = 0;
  private readonly disposables: Disposable[];

  constructor(private readonly client: BaseLanguageClient) {
    this.disposables = [
      this.changed,
      window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      workspace.onDidCloseTextDocument((document) => {
        if (document.uri.toString() === this.uri) this.follow(undefined);
      }),
      client.onNotification(OUTLINE_CHANGED_NOTIFICATION, (params: OutlineChangedParams) => {
        if (params.uri === this.uri) void this.refresh();
      }),
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) void this.refresh();
      }),
    ];
    this.follow(window.activeTextEditor);
  }

  /** The outline of the followed document; undefined while none is known. */
  get model(): OutlineModel | undefined {
    return this.current;
  }

  private follow(editor: TextEditor | undefined): void {
    // Other editors (output, diff, git) are not followed.
    if (!editor || !SERVED_SCHEMES.includes(editor.document.uri.scheme)) {
      // Focus in a panel or a view: keep the document as long as it is still on screen.
      if (window.visibleTextEditors.some((visible) => visible.document.uri.toString() === this.uri)) return;
      this.uri = undefined;
    } else {
      this.uri = editor.document.languageId === 'markdown' ? editor.document.uri.toString() : undefined;
    }
    if (this.current && this.current.uri === this.uri) return;
    this.show(undefined);
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    const uri = this.uri;
    // Before the server runs, a request would start it: the state change brings us back here.
    if (!uri || this.client.state !== State.Running) return;
    const request = ++this.requests;
    let model: OutlineModel | undefined;
    try {
      model = await requestOutline(this.client, uri);
    } catch {
      // Not yet open on the server, or the server is restarting: its next outlineChanged notification brings the model.
      model = this.current?.uri === uri ? this.current : undefined;
    }
    if (request === this.requests && uri === this.uri) this.show(model);
  }

  private show(model: OutlineModel | undefined): void {
    if (model === this.current) return;
    this.current = model;
    void commands.executeCommand('setContext', IS_POSTMORTEM_CONTEXT, model?.isPostmortem === true);
    this.changed.fire(model);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
