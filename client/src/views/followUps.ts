import { commands, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FollowUpsProvider } from './followUpsView';

/** The Follow-ups view and its title commands (grouping, done items shown or hidden). */
export function registerFollowUps(context: ExtensionContext, client: BaseLanguageClient): FollowUpsProvider {
  const provider = new FollowUpsProvider(client, context);
  context.subscriptions.push(
    provider,
    commands.registerCommand('postmortem.followUps.groupBy', () => provider.chooseGrouping()),
    commands.registerCommand('postmortem.followUps.showDone', () => provider.toggleDone()),
    commands.registerCommand('postmortem.followUps.hideDone', () => provider.toggleDone()),
  );
  return provider;
}
