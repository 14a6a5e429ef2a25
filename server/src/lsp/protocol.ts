/**
 * The server's own requests, commands and JSON shapes, shared with the VS Code client (and documented
 * for other editors). Plain data only: this module is imported by both bundles, so it has no runtime imports.
 */
import type { FollowUpGrouping, FollowUpList } from '../analysis/features/followUpGroups';
import type { Range, Severity, TextEdit } from '../analysis/types';

/** `postmortem/outline` `{ uri }` → {@link OutlineModel}: the model the client's views render. */
export const OUTLINE_REQUEST = 'postmortem/outline';
/** `postmortem/fixAll` `{ uri }` → `TextEdit[]`: every fix of the document (placeholders included), as one minimal edit. */
export const FIX_ALL_REQUEST = 'postmortem/fixAll';
/**
 * `workspace/executeCommand` `postmortem.applyFixAll` with arguments `[uri]`: the server applies fix-all through
 * `workspace/applyEdit` (for Neovim, Helix and other clients). The VS Code command `postmortem.fixAll` uses the request.
 */
export const APPLY_FIX_ALL_COMMAND = 'postmortem.applyFixAll';
/** The code action kind of fix-all, for `editor.codeActionsOnSave`: `source.fixAll.postmortem`. */
export const FIX_ALL_KIND = 'source.fixAll.postmortem';
/**
 * The files both the client and the server watch: `RC_FILE` of `analysis/config/files.ts`, spelled out
 * here because importing that module would bundle the JSONC parser into the client.
 */
export const RC_FILE_GLOB = '**/.postmortemrc.json';
/** The `source` of every diagnostic. */
export const DIAGNOSTIC_SOURCE = 'postmortem';
/**
 * Server → client `postmortem/outlineChanged` {@link OutlineChangedParams}, after each analysis of an open document:
 * views showing that document ask for its outline again.
 */
export const OUTLINE_CHANGED_NOTIFICATION = 'postmortem/outlineChanged';
/** `postmortem/rules` (no params) → {@link RuleInfo}`[]`: every rule with its documentation page. */
export const RULES_REQUEST = 'postmortem/rules';
/**
 * `workspace/executeCommand` commands that edit one document: arguments `[uri]` (`[uri, sectionId]` to insert a
 * section). The server computes the edit for the document's current version, applies it through `workspace/applyEdit`
 * and answers an {@link EditCommandResult}. The VS Code commands `postmortem.sortTimeline`,
 * `postmortem.normalizeTimeline` and `postmortem.insertSection` call them.
 */
export const SORT_TIMELINE_COMMAND = 'postmortem.applySortTimeline';
export const NORMALIZE_TIMELINE_COMMAND = 'postmortem.applyNormalizeTimeline';
export const INSERT_SECTION_COMMAND = 'postmortem.applyInsertSection';

/**
 * Server → client `postmortem/rcFiles` {@link RcFilesParams} → {@link RcFilesResult}: the `.postmortemrc.json` files that
 * apply to a document, read by the client. The server asks when it cannot read them itself: in a browser worker, or
 * for a document on a virtual file system. A client announces it answers with the initialization option
 * `{ "rcFilesRequest": true }`.
 */
export const RC_FILES_REQUEST = 'postmortem/rcFiles';

export interface RcFilesParams {
  /** The document the rc files are for. */
  uri: string;
}

export interface RcFilesResult {
  /** From the workspace folder (or the root) down to the document's own folder; only the files that exist. */
  files: Array<{ uri: string; text: string } | { uri: string; unreadable: string }>;
}

/** `postmortem/exportActionItems` `{ uri, format }` → `ExportActionItemsResult`. */
export const EXPORT_ACTION_ITEMS_REQUEST = 'postmortem/exportActionItems';

export interface ExportActionItemsResult {
  content: string;
  /** How many items were exported, so the client can say so. */
  count: number;
}

/**
 * `postmortem/timelineChart` `{ uri, standalone?, nonce? }` → `TimelineChartResult`: the incident chart as SVG, for
 * the webview or (`standalone`) as a file; with a nonce (16–64 base64 characters), also the webview's page.
 */
export const TIMELINE_CHART_REQUEST = 'postmortem/timelineChart';

export interface TimelineChartResult {
  svg: string;
  /** How many entries it shows. */
  entries: number;
  /** The first timeline heading's line, where the image link goes. */
  headingLine?: number;
  /** The webview page holding the chart, its style and script allowed by the nonce asked for. */
  page?: string;
}

export interface EditCommandResult {
  /** The editor applied the edit. */
  applied: boolean;
  /** There was nothing to change (the timeline is already in order, the section is already there). */
  unchanged?: boolean;
}

export interface OutlineChangedParams {
  uri: string;
  /** The document version just analysed. */
  version: number;
}

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  /** URL of the rule's documentation page (`docs/rules/<id>.md` in the repository). */
  docs: string;
}

/** The zone a document's timeline is declared in. */
export interface OutlineZone {
  /** As written: "UTC", "PST", "Europe/Berlin", "UTC+05:30". */
  name: string;
  /** The IANA zone it stands for, when known: wall-clock times follow its daylight saving. */
  iana?: string;
  /** Its fixed offset from UTC in minutes (east positive), when it has one and no IANA zone. */
  offsetMinutes?: number;
}

export interface DocumentParams {
  uri: string;
}

/** A finding shown beside an entry of a view (a warning icon with the message as its tooltip). */
export interface OutlineProblem {
  ruleId: string;
  severity: Severity;
  message: string;
}

export interface OutlineSection {
  title: string;
  level: number;
  /** Template section ids the section satisfies (`root-cause`, ...). */
  kinds: string[];
  range: Range;
  headingRange: Range;
  /** How the title is written; anything but atx, setext and html is not a Markdown heading. */
  syntax: string;
  /** No content of its own (comments do not count) and no sub-sections. */
  empty: boolean;
}

export interface OutlineMissingSection {
  id: string;
  title: string;
  required: boolean;
  /** Inserts the heading and its prompt where the template puts it (the client applies it on click). */
  insert: TextEdit;
}

export interface OutlineTimelineEntry {
  text: string;
  kind: string;
  range: Range;
  lineRange: Range;
  /** Title of the section the entry is in. */
  section: string;
  problems: OutlineProblem[];
  /** Set by the timeline engine: the entry's instant in milliseconds since the epoch, to list entries in time order. */
  instant?: number;
  /** Set by the timeline engine: the time since the incident started, e.g. `T+1h 15m`. */
  elapsed?: string;
  /** The entry's timestamp as written ("09:15 AM", "May 10, 2024, 08:30 UTC"). */
  time?: string;
  /** The instant in UTC, ISO 8601 (`2024-05-10T08:30:00Z`), when the day is known. */
  iso?: string;
  /** The zone the time is read in ("UTC", "PST", "East Africa Time"), written or declared. */
  zone?: string;
  /** Some finding starts inside the entry (its `problems` say which). */
  hasProblem: boolean;
  /** The key moments read from the entry ("detected", "mitigated"), in their order. */
  keyMoments?: string[];
}

export interface OutlineActionItem {
  text: string;
  /** The text without its fields (owner, due, tracking...): what is to be done. */
  action?: string;
  kind: string;
  checked?: boolean;
  /** Checked, marked done, or under a heading that says the actions are completed. */
  done?: boolean;
  /** The fields as written in the item: `@ana`, `2024-06-01`, `JIRA-123`. */
  owner?: string;
  due?: string;
  tracking?: string;
  range: Range;
  section: string;
  problems: OutlineProblem[];
}

export interface OutlineModel {
  uri: string;
  /** The document version the model was built from. */
  version: number;
  isPostmortem: boolean;
  /** Why the file counts as a postmortem (`front-matter`, `title`, `sections`, ...) or `none`. */
  detection: string;
  /** The active template's name. */
  template: string;
  /**
   * The zone the timeline is written in: declared (a heading "(all times UTC)", an intro line, the summary, front
   * matter `timezone:`), else the `postmortem.defaultTimezone` setting. Insert Timeline Entry stamps "now" in it.
   */
  timezone?: OutlineZone;
  /** A configured template name that does not exist (the default was used instead). */
  unknownTemplate?: string;
  title?: { text: string; range: Range };
  sections: OutlineSection[];
  missingSections: OutlineMissingSection[];
  timeline: OutlineTimelineEntry[];
  actionItems: OutlineActionItem[];
  /** Number of findings in the document. */
  problems: number;
  /** Why the document was not analysed (too large, binary). */
  skipped?: string;
}

/**
 * `postmortem/followUps` {@link FollowUpsParams} → {@link FollowUpsResult}: the action items of every postmortem of
 * the workspace, grouped for the Follow-ups view.
 */
export const FOLLOW_UPS_REQUEST = 'postmortem/followUps';
/** Server → client `postmortem/followUpsChanged` {@link FollowUpsChangedParams}: the workspace index changed. */
export const FOLLOW_UPS_CHANGED_NOTIFICATION = 'postmortem/followUpsChanged';
/**
 * `postmortem/followUpMarkDone` {@link FollowUpParams} → {@link FollowUpEditResult}: the edit that marks the item
 * done (ticks its box or appends "(done)"), for the document as open or, when closed, as on disk.
 */
export const FOLLOW_UP_MARK_DONE_REQUEST = 'postmortem/followUpMarkDone';
/** `postmortem/followUpIssue` {@link FollowUpParams} → `{ content }`: the item as an issue body (as the export writes it). */
export const FOLLOW_UP_ISSUE_REQUEST = 'postmortem/followUpIssue';
/** The Markdown files the server watches for the workspace index. */
export const MARKDOWN_GLOB = '**/*.{md,markdown}';

export type { FollowUpEntry as FollowUpItem, FollowUpGrouping } from '../analysis/features/followUpGroups';

export interface FollowUpsParams {
  groupBy?: FollowUpGrouping;
  /** Include done items (default false). */
  showDone?: boolean;
}

export interface FollowUpsResult extends FollowUpList {
  /** The workspace is still being read: more items may come. */
  indexing: boolean;
}

export interface FollowUpsChangedParams {
  indexing: boolean;
  /** Postmortems in the index. */
  reports: number;
}

export interface FollowUpParams {
  uri: string;
  /** 0-based line the item starts on. */
  line: number;
}

export interface FollowUpEditResult {
  edits: TextEdit[];
  /** The open document's version the edits are for; absent for a file read from disk. */
  version?: number;
}
