import { commands, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FollowUpsProvider } from './followUpsView';

/** The Follow-ups view and its title commands (grouping, done items shown or hidden). */
export function registerFollowUps(context: ExtensionContext, client: LanguageClient): FollowUpsProvider {
  const provider = new FollowUpsProvider(client, context);
  context.subscriptions.push(
    provider,
    commands.registerCommand('postmortem.followUps.groupBy', () => provider.chooseGrouping()),
    commands.registerCommand('postmortem.followUps.showDone', () => provider.toggleDone()),
    commands.registerCommand('postmortem.followUps.hideDone', () => provider.toggleDone()),
  );
  return provider;
}
