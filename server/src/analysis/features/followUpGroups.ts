/**
 * The Follow-ups view's content: the action items of every report, grouped by owner, report or due date,
 * overdue ones first. Pure, so the server answers the view and tests check the order without an editor.
 */
import { daysBetween, isOverdue, type FollowUp, type ReportFacts } from './followUps';

export const FOLLOW_UP_GROUPINGS = ['owner', 'report', 'due'] as const;
export type FollowUpGrouping = (typeof FOLLOW_UP_GROUPINGS)[number];

/** A follow-up as the view lists it: where it is, in which report, and whether it is overdue today. */
export interface FollowUpEntry extends Omit<FollowUp, 'exported'> {
  uri: string;
  /** The report's title. */
  report: string;
  overdue: boolean;
}

export interface FollowUpGroup {
  label: string;
  /** The report's uri, when grouped by report. */
  uri?: string;
  items: FollowUpEntry[];
  overdue: number;
}

export interface FollowUpList {
  groups: FollowUpGroup[];
  /** Over every report, whatever is shown: the view's badge. */
  overdue: number;
  open: number;
  done: number;
}

const SOON_DAYS = 7;
const NO_OWNER = 'No owner';
const DUE_GROUPS = ['Overdue', `Due within ${SOON_DAYS} days`, 'Due later', 'No due date', 'Done'];

function dueGroup(item: FollowUpEntry, today: string | undefined): string {
  if (item.done) return DUE_GROUPS[4];
  if (item.overdue) return DUE_GROUPS[0];
  if (!item.due) return DUE_GROUPS[3];
  return today && daysBetween(today, item.due) <= SOON_DAYS ? DUE_GROUPS[1] : DUE_GROUPS[2];
}

/** Done last, overdue first (the longest overdue on top), then by due date (none last), report and line. */
function compareItems(a: FollowUpEntry, b: FollowUpEntry): number {
  return (
    Number(a.done) - Number(b.done) ||
    Number(b.overdue) - Number(a.overdue) ||
    (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
    a.report.localeCompare(b.report) ||
    a.uri.localeCompare(b.uri) ||
    a.range.start.line - b.range.start.line
  );
}

function entry(uri: string, report: string, item: FollowUp, today: string | undefined): FollowUpEntry {
  const { range, text, owner, due, dueText, tracking, done } = item;
  return { uri, report, range, text, owner, due, dueText, tracking, done, overdue: isOverdue(item, today) };
}

export function groupFollowUps(
  reports: Iterable<{ uri: string; facts: ReportFacts }>,
  options: { groupBy: FollowUpGrouping; showDone: boolean; today?: string },
): FollowUpList {
  const all: FollowUpEntry[] = [];
  for (const { uri, facts } of reports) for (const item of facts.followUps) all.push(entry(uri, facts.title, item, options.today));
  const groups = new Map<string, FollowUpGroup>();
  for (const item of all.sort(compareItems)) {
    if (item.done && !options.showDone) continue;
    const key = options.groupBy === 'owner' ? item.owner ?? NO_OWNER : options.groupBy === 'report' ? item.uri : dueGroup(item, options.today);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { label: options.groupBy === 'report' ? item.report : key, ...(options.groupBy === 'report' ? { uri: item.uri } : {}), items: [], overdue: 0 }));
    group.items.push(item);
    if (item.overdue) group.overdue++;
  }
  const order = (group: FollowUpGroup) => (options.groupBy === 'due' ? DUE_GROUPS.indexOf(group.label) : 0);
  const sorted = [...groups.values()].sort(
    (a, b) => order(a) - order(b) || Number(b.overdue > 0) - Number(a.overdue > 0) || Number(a.label === NO_OWNER) - Number(b.label === NO_OWNER) || a.label.localeCompare(b.label),
  );
  return {
    groups: sorted,
    overdue: all.filter((item) => item.overdue).length,
    open: all.filter((item) => !item.done).length,
    done: all.filter((item) => item.done).length,
  };
}
