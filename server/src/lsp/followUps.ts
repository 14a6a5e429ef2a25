/** The Follow-ups view's requests: the grouped items of the workspace index, "mark done" and "copy as issue body". */
import type { AnalysisResult } from '../analysis/analyze';
import { groupFollowUps, FOLLOW_UP_GROUPINGS, type FollowUpGrouping } from '../analysis/features/followUpGroups';
import { issueBody } from '../analysis/features/exportActionItems';
import { calendarDate } from '../analysis/features/followUps';
import { markDoneEdit } from '../analysis/features/markDone';
import { invalidParams } from './guard';
import type { FollowUpEditResult, FollowUpParams, FollowUpsResult } from './protocol';
import type { WorkspaceIndex } from './workspaceIndex';

export function followUpsResult(index: WorkspaceIndex, params: unknown): FollowUpsResult {
  const { groupBy, showDone } = (params ?? {}) as { groupBy?: unknown; showDone?: unknown };
  const grouping: FollowUpGrouping = FOLLOW_UP_GROUPINGS.includes(groupBy as FollowUpGrouping) ? (groupBy as FollowUpGrouping) : 'owner';
  // Overdue is judged when asked, so a view left open over midnight is right the next morning.
  return { ...groupFollowUps(index.entries(), { groupBy: grouping, showDone: showDone === true, today: calendarDate(new Date()) }), indexing: index.isIndexing };
}

export function followUpParams(params: unknown): FollowUpParams {
  const { uri, line } = (params ?? {}) as { uri?: unknown; line?: unknown };
  if (typeof uri !== 'string' || typeof line !== 'number' || !Number.isInteger(line) || line < 0) throw invalidParams('Expected { uri, line }.');
  return { uri, line };
}

/** The edit marking the item done, against the open document's analysis or the file as read from disk. */
export function markDoneResult(params: FollowUpParams, analysed: { result: AnalysisResult; version?: number }): FollowUpEditResult {
  const document = analysed.result.document;
  const edit = document && markDoneEdit(document, params.line);
  if (!edit) throw invalidParams(`No open action item starts on line ${params.line + 1} of ${params.uri} any more.`);
  return { edits: [edit], ...(analysed.version !== undefined ? { version: analysed.version } : {}) };
}

export function issueResult(index: WorkspaceIndex, params: FollowUpParams): { content: string } {
  const facts = index.get(params.uri);
  const item = facts?.followUps.find((followUp) => followUp.range.start.line === params.line);
  if (!facts || !item) throw invalidParams(`No action item starts on line ${params.line + 1} of ${params.uri}.`);
  return { content: `${issueBody(item.exported, facts.title, { source: params.uri })}\n` };
}
