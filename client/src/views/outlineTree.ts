import { EventEmitter, MarkdownString, Range, ThemeColor, ThemeIcon, Uri, type Command, type Disposable, type TreeDataProvider, type TreeItem } from 'vscode';
import type { Range as ProtocolRange } from '../../../server/src/analysis/types';
import type { OutlineModel, OutlineProblem } from '../../../server/src/lsp/protocol';
import type { OutlineTracker } from '../outline/outlineTracker';

/** One row of a view, with its rows below it. */
export interface OutlineNode {
  item: TreeItem;
  children?: OutlineNode[];
}

/** What a view shows for a postmortem's outline: its top-level rows. */
export type RenderOutline = (model: OutlineModel) => OutlineNode[];

/**
 * A view fed by the outline tracker: it renders the active postmortem's outline and nothing for other files
 * (the view's welcome content shows then).
 */
export class OutlineTreeProvider implements TreeDataProvider<OutlineNode>, Disposable {
  private readonly changed = new EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: Disposable;

  constructor(
    private readonly tracker: OutlineTracker,
    private readonly render: RenderOutline,
  ) {
    this.subscription = tracker.onDidChange(() => this.changed.fire());
  }

  getTreeItem(node: OutlineNode): TreeItem {
    return node.item;
  }

  getChildren(node?: OutlineNode): OutlineNode[] {
    if (node) return node.children ?? [];
    const model = this.tracker.model;
    return model?.isPostmortem ? this.render(model) : [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Clicking the row moves the cursor to the start of `range` in the document. */
export function revealCommand(uri: string, range: ProtocolRange): Command {
  const start = new Range(range.start.line, range.start.character, range.start.line, range.start.character);
  return { title: 'Go to', command: 'vscode.open', arguments: [Uri.parse(uri), { selection: start }] };
}

/** The icon of a row a rule fired on: error or warning, in the Problems panel's colours. */
export function problemIcon(problems: OutlineProblem[]): ThemeIcon | undefined {
  if (problems.some((problem) => problem.severity === 'error')) return new ThemeIcon('error', new ThemeColor('problemsErrorIcon.foreground'));
  if (problems.some((problem) => problem.severity === 'warning')) return new ThemeIcon('warning', new ThemeColor('problemsWarningIcon.foreground'));
  if (problems.length) return new ThemeIcon('info', new ThemeColor('problemsInfoIcon.foreground'));
  return undefined;
}

/** A row's tooltip: its text, then each problem with its rule id. */
export function tooltip(lines: string[], problems: OutlineProblem[]): MarkdownString {
  const markdown = new MarkdownString();
  const paragraphs = [...lines, ...problems.map((problem) => `${problem.ruleId}: ${problem.message}`)];
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) markdown.appendMarkdown('\n\n');
    markdown.appendText(paragraph);
  });
  return markdown;
}
