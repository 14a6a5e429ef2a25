import { ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState } from 'vscode';
import type { OutlineActionItem, OutlineModel } from '../../../server/src/lsp/protocol';
import { problemIcon, revealCommand, tooltip, type OutlineNode } from './outlineTree';

function present(values: Array<string | undefined>): string[] {
  return values.filter((value): value is string => Boolean(value));
}

function itemNode(item: OutlineActionItem, uri: string): OutlineNode {
  const done = item.done ?? item.checked ?? false;
  const row = new TreeItem(item.action || item.text, TreeItemCollapsibleState.None);
  // The fields the action-items engine read from the item: what a reviewer checks first.
  row.description = present([item.owner, item.due && `due ${item.due}`, item.tracking, done ? 'done' : undefined]).join(' · ') || undefined;
  row.iconPath = problemIcon(item.problems) ?? (done ? new ThemeIcon('pass-filled', new ThemeColor('testing.iconPassed')) : new ThemeIcon('circle-large-outline'));
  const details = present([item.owner && `Owner: ${item.owner}`, item.due && `Due: ${item.due}`, item.tracking && `Tracking: ${item.tracking}`]);
  row.tooltip = tooltip([item.text, ...details], item.problems);
  row.command = revealCommand(uri, item.range);
  row.contextValue = 'actionItem';
  return { item: row };
}

export function renderActionItems(model: OutlineModel): OutlineNode[] {
  return model.actionItems.map((item) => itemNode(item, model.uri));
}
