import { ThemeIcon, TreeItem, TreeItemCollapsibleState } from 'vscode';
import type { OutlineModel, OutlineTimelineEntry } from '../../../server/src/lsp/protocol';
import { problemIcon, revealCommand, tooltip, type OutlineNode } from './outlineTree';

/**
 * Entries in time order where the timeline engine resolved their instants; an entry without one stays after
 * the entry it follows in the document. Document order until the engine provides instants.
 */
function inTimeOrder(entries: OutlineTimelineEntry[]): OutlineTimelineEntry[] {
  let previous = -Infinity;
  return entries
    .map((entry, index) => {
      if (typeof entry.instant === 'number' && Number.isFinite(entry.instant)) previous = entry.instant;
      return { entry, index, instant: previous };
    })
    .sort((a, b) => a.instant - b.instant || a.index - b.index)
    .map(({ entry }) => entry);
}

function entryNode(entry: OutlineTimelineEntry, uri: string): OutlineNode {
  const item = new TreeItem(entry.text, TreeItemCollapsibleState.None);
  const moments = entry.keyMoments?.join(', ');
  item.description = [entry.elapsed, moments].filter(Boolean).join(' · ');
  item.iconPath = problemIcon(entry.problems) ?? new ThemeIcon(moments ? 'star-full' : 'clock');
  const when = [entry.elapsed, entry.iso].filter(Boolean).join(' · ');
  item.tooltip = tooltip([entry.text, ...(when ? [when] : []), ...(moments ? [`Key moment: ${moments}`] : [])], entry.problems);
  item.command = revealCommand(uri, entry.lineRange);
  item.contextValue = 'timelineEntry';
  return { item };
}

export function renderTimeline(model: OutlineModel): OutlineNode[] {
  return inTimeOrder(model.timeline).map((entry) => entryNode(entry, model.uri));
}
