import { commands, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { exportActionItems } from './exportActionItems';
import { fixAll } from './fixAll';
import { copyFollowUpAsIssue, markFollowUpDone, openFollowUpTracking } from './followUps';
import { insertSection } from './insertSection';
import { insertTimelineEntry } from './insertTimelineEntry';
import { newPostmortem } from './newPostmortem';
import { normalizeTimeline } from './normalizeTimeline';
import { restartServer } from './restartServer';
import { showIncidentTimeline } from './showIncidentTimeline';
import { showRuleDocumentation } from './showRuleDocumentation';
import { sortTimeline } from './sortTimeline';

/**
 * Every command of the extension, by id (each one contributed in package.json). A new command adds
 * its module here; commands get the client, the extension (for the files it ships) and the command's
 * arguments (a view row, a code lens or the editor title pass the document's uri).
 */
const COMMANDS: Record<string, (client: BaseLanguageClient, extension: ExtensionContext, ...args: unknown[]) => unknown> = {
  'postmortem.restartServer': restartServer,
  'postmortem.fixAll': fixAll,
  'postmortem.newPostmortem': newPostmortem,
  'postmortem.insertTimelineEntry': insertTimelineEntry,
  'postmortem.insertSection': insertSection,
  'postmortem.sortTimeline': sortTimeline,
  'postmortem.normalizeTimeline': normalizeTimeline,
  'postmortem.showRuleDocumentation': showRuleDocumentation,
  'postmortem.exportActionItems': exportActionItems,
  'postmortem.followUps.markDone': markFollowUpDone,
  'postmortem.followUps.copyAsIssue': copyFollowUpAsIssue,
  'postmortem.followUps.openTracking': openFollowUpTracking,
  'postmortem.showIncidentTimeline': showIncidentTimeline,
};

export function registerCommands(context: ExtensionContext, client: BaseLanguageClient): void {
  for (const [id, run] of Object.entries(COMMANDS)) {
    context.subscriptions.push(commands.registerCommand(id, (...args: unknown[]) => run(client, context, ...args)));
  }
}
