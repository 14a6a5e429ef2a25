import { Uri, window, type Disposable, type TreeView } from 'vscode';
import type { OutlineTracker } from '../outline/outlineTracker';
import { renderActionItems } from './actionItemsView';
import { OutlineTreeProvider, type OutlineNode, type RenderOutline } from './outlineTree';
import { renderSections } from './sectionsView';
import { renderTimeline } from './timelineView';

/** The views of the "Postmortem" container, by id (each one contributed in package.json). */
const VIEWS: Record<string, RenderOutline> = {
  'postmortem.sections': renderSections,
  'postmortem.timeline': renderTimeline,
  'postmortem.actionItems': renderActionItems,
};

export type OutlineViews = Record<string, OutlineTreeProvider>;

/** The document's file name beside each view's title, and why a file was not checked as the view's message. */
function describe(view: TreeView<OutlineNode>, tracker: OutlineTracker): void {
  const model = tracker.model;
  view.description = model?.isPostmortem ? Uri.parse(model.uri).path.split('/').pop() : undefined;
  view.message = model?.skipped;
}

export function registerViews(tracker: OutlineTracker, subscriptions: Disposable[]): OutlineViews {
  const providers: OutlineViews = {};
  for (const [id, render] of Object.entries(VIEWS)) {
    const provider = new OutlineTreeProvider(tracker, render);
    const view = window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: id === 'postmortem.sections' });
    describe(view, tracker);
    subscriptions.push(provider, view, tracker.onDidChange(() => describe(view, tracker)));
    providers[id] = provider;
  }
  return providers;
}
