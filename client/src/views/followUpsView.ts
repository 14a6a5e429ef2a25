/**
 * The Follow-ups view: the open action items of every postmortem in the workspace, from the server's index
 * (`postmortem/followUps`), fetched again when the server says the index changed. Grouped by owner, report or
 * due date (a view title command switches), overdue first and marked; done items hidden unless asked.
 */
import { EventEmitter, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, commands, window, type Disposable, type ExtensionContext, type TreeDataProvider, type TreeView } from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { FOLLOW_UPS_CHANGED_NOTIFICATION, FOLLOW_UPS_REQUEST, type FollowUpGrouping, type FollowUpItem, type FollowUpsParams, type FollowUpsResult } from '../../../server/src/lsp/protocol';
import { revealCommand } from './outlineTree';

export const FOLLOW_UPS_VIEW = 'postmortem.followUps';
const GROUPING_KEY = 'postmortem.followUps.groupBy';
/** Context key: done items are shown (the toggle's title follows it). */
const SHOW_DONE_CONTEXT = 'postmortem.followUps.showDone';

const GROUPINGS: Array<{ label: string; groupBy: FollowUpGrouping; description: string }> = [
  { label: 'Owner', groupBy: 'owner', description: 'who promised it' },
  { label: 'Report', groupBy: 'report', description: 'the postmortem it comes from' },
  { label: 'Due date', groupBy: 'due', description: 'overdue, this week, later, no date' },
];

export type FollowUpNode = { kind: 'group'; label: string; overdue: number; items: FollowUpItem[]; isReport: boolean } | { kind: 'item'; item: FollowUpItem; grouping: FollowUpGrouping };

function itemRow(item: FollowUpItem, grouping: FollowUpGrouping): TreeItem {
  const row = new TreeItem(item.text, TreeItemCollapsibleState.None);
  const due = item.due ? `due ${item.due}` : item.dueText ?? undefined;
  // What the grouping already says is not repeated on each row.
  const parts = [item.overdue ? 'overdue' : undefined, due, grouping === 'owner' ? undefined : item.owner ?? undefined, grouping === 'report' ? undefined : item.report, item.done ? 'done' : undefined];
  row.description = parts.filter(Boolean).join(' · ');
  row.iconPath = item.overdue
    ? new ThemeIcon('warning', new ThemeColor('problemsErrorIcon.foreground'))
    : item.done
      ? new ThemeIcon('pass-filled', new ThemeColor('testing.iconPassed'))
      : new ThemeIcon('circle-large-outline');
  row.tooltip = [item.text, `Report: ${item.report}`, `Owner: ${item.owner ?? 'none'}`, `Due: ${item.due ?? item.dueText ?? 'no date'}${item.overdue ? ' (overdue)' : ''}`, ...(item.tracking ? [`Tracking: ${item.tracking}`] : [])].join('\n');
  row.command = revealCommand(item.uri, item.range);
  // "followUp.open.tracked": the menus show mark done on open items and the link command on tracked ones.
  row.contextValue = `followUp.${item.done ? 'done' : 'open'}${item.tracking && /^https?:/i.test(item.tracking) ? '.tracked' : ''}`;
  return row;
}

export class FollowUpsProvider implements TreeDataProvider<FollowUpNode>, Disposable {
  private readonly changed = new EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: FollowUpsResult | undefined;
  private requests = 0;
  private readonly disposables: Disposable[] = [this.changed];
  readonly view: TreeView<FollowUpNode>;
  groupBy: FollowUpGrouping;
  showDone = false;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly context: ExtensionContext,
  ) {
    this.groupBy = context.workspaceState.get<FollowUpGrouping>(GROUPING_KEY) ?? 'owner';
    this.view = window.createTreeView(FOLLOW_UPS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      client.onNotification(FOLLOW_UPS_CHANGED_NOTIFICATION, () => void this.refresh()),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) void this.refresh();
      }),
    );
    void commands.executeCommand('setContext', SHOW_DONE_CONTEXT, false);
  }

  /** Asks the server again; an answer to an older request is dropped. */
  async refresh(): Promise<void> {
    if (!this.client.isRunning()) return;
    const request = ++this.requests;
    const params: FollowUpsParams = { groupBy: this.groupBy, showDone: this.showDone };
    const result = await this.client.sendRequest<FollowUpsResult>(FOLLOW_UPS_REQUEST, params).catch(() => undefined);
    if (request !== this.requests || !result) return;
    this.result = result;
    this.view.badge = result.overdue ? { value: result.overdue, tooltip: `${result.overdue} overdue follow-up${result.overdue === 1 ? '' : 's'}` } : undefined;
    this.view.description = `${result.open} open`;
    this.view.message = result.indexing ? 'Reading the postmortems of the workspace…' : undefined;
    this.changed.fire();
  }

  async chooseGrouping(): Promise<void> {
    const choice = await window.showQuickPick(GROUPINGS.map((grouping) => ({ ...grouping, picked: grouping.groupBy === this.groupBy })), { placeHolder: 'Group the follow-ups by…' });
    if (!choice) return;
    this.groupBy = choice.groupBy;
    await this.context.workspaceState.update(GROUPING_KEY, choice.groupBy);
    await this.refresh();
  }

  async toggleDone(): Promise<void> {
    this.showDone = !this.showDone;
    await commands.executeCommand('setContext', SHOW_DONE_CONTEXT, this.showDone);
    await this.refresh();
  }

  getTreeItem(node: FollowUpNode): TreeItem {
    if (node.kind === 'item') return itemRow(node.item, node.grouping);
    const group = new TreeItem(node.label, TreeItemCollapsibleState.Expanded);
    group.description = `${node.items.length}${node.overdue ? ` · ${node.overdue} overdue` : ''}`;
    group.iconPath = new ThemeIcon(node.isReport ? 'file' : this.groupBy === 'owner' ? 'person' : 'calendar');
    group.contextValue = 'followUpGroup';
    return group;
  }

  getChildren(node?: FollowUpNode): FollowUpNode[] {
    if (node) return node.kind === 'group' ? node.items.map((item) => ({ kind: 'item', item, grouping: this.groupBy })) : [];
    return (this.result?.groups ?? []).map((group) => ({ kind: 'group', label: group.label, overdue: group.overdue, items: group.items, isReport: this.groupBy === 'report' }));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
