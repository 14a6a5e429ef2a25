import type { ExtensionContext, Uri } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { OutlineModel } from '../../../server/src/lsp/protocol';
import { registerViews, type OutlineViews } from '../views';
import { OutlineTracker, requestOutline } from './outlineTracker';
import { registerStatusItem } from './statusItem';

/** What `activate` returns, for other extensions and the extension-host tests (test/vscode). */
export interface PostmortemApi {
  /** The server's outline of an open Markdown document. */
  outline(uri: Uri): Promise<OutlineModel>;
  /** The data providers of the Postmortem views (`postmortem.sections`, `.timeline`, `.actionItems`). */
  views: OutlineViews;
}

/** The views, the language status item and the `postmortem.isPostmortem` context key, all fed by the server's outline. */
export function registerOutline(context: ExtensionContext, client: BaseLanguageClient): PostmortemApi {
  const tracker = new OutlineTracker(client);
  context.subscriptions.push(tracker, registerStatusItem(tracker));
  const views = registerViews(tracker, context.subscriptions);
  return { outline: (uri) => requestOutline(client, uri.toString()), views };
}
