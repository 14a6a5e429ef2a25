/**
 * The features that span the workspace: its index of postmortems, `workspace/symbol` and the Follow-ups view's
 * requests. The server wires them to its connection; files that are not open come through a
 * {@link WorkspaceFileSystem} (the disk for the Node server).
 */
import { FileChangeType, type Connection, type FileEvent } from 'vscode-languageserver';
import type { AnalysisResult, AnalyzeInput } from '../analysis/analyze';
import { analyzeClosed } from '../analysis/features/indexedReport';
import { followUpParams, followUpsResult, issueResult, markDoneResult } from './followUps';
import { guardRequest, type Log } from './guard';
import { FOLLOW_UP_ISSUE_REQUEST, FOLLOW_UP_MARK_DONE_REQUEST, FOLLOW_UPS_CHANGED_NOTIFICATION, FOLLOW_UPS_REQUEST, type FollowUpsChangedParams } from './protocol';
import { filesExclude, MARKDOWN_FILE, type WorkspaceFileSystem } from './workspaceFiles';
import { WorkspaceIndex, type ReportReader } from './workspaceIndex';
import { workspaceSymbols } from './workspaceSymbols';

export interface WorkspaceFeaturesDeps {
  connection: Connection;
  log: Log;
  files: WorkspaceFileSystem;
  folders(): string[];
  /** What the client supports: pulled settings (`files.exclude`), progress. */
  client: { configuration: boolean; workDoneProgress: boolean };
  /** The analysis input of a file that is not open (settings of its folder, rc files). */
  inputFor(uri: string, text: string): Promise<AnalyzeInput>;
  /** Readers of many files at once for a full read (worker threads, Node only). */
  bulkReader?(files: number): ReportReader | undefined;
  isOpen(uri: string): boolean;
  /** The analysis of an open document's current version, if `uri` is open. */
  openAnalysis(uri: string): Promise<{ result: AnalysisResult; version: number } | undefined>;
  /** The index changed: work was done (the server collects its garbage once idle). */
  workDone(): void;
}

export function startWorkspaceFeatures(deps: WorkspaceFeaturesDeps) {
  const { connection, log } = deps;
  const index = new WorkspaceIndex({
    files: deps.files,
    folders: deps.folders,
    exclusion: async (folder) => (deps.client.configuration ? filesExclude(await connection.workspace.getConfiguration({ scopeUri: folder, section: 'files.exclude' }).catch(() => undefined)) : () => false),
    inputFor: deps.inputFor,
    bulkReader: deps.bulkReader,
    isOpen: deps.isOpen,
    progress: async () => {
      if (!deps.client.workDoneProgress) return undefined;
      const reporter = await connection.window.createWorkDoneProgress();
      reporter.begin('Indexing postmortems', 0, undefined, false);
      return {
        report: (done, total) => reporter.report(Math.round((100 * done) / Math.max(total, 1)), `${done} of ${total} files`),
        done: () => reporter.done(),
      };
    },
    changed: (state) => {
      deps.workDone();
      const params: FollowUpsChangedParams = state;
      connection.sendNotification(FOLLOW_UPS_CHANGED_NOTIFICATION, params).catch((error: unknown) => log.error(String(error)));
    },
    log: (message) => log.error(message),
    info: (message) => connection.console.info(message),
  });

  connection.onWorkspaceSymbol(guardRequest(log, 'workspace/symbol', (params) => workspaceSymbols(index.entries(), typeof params?.query === 'string' ? params.query : '')));
  connection.onRequest(FOLLOW_UPS_REQUEST, guardRequest(log, FOLLOW_UPS_REQUEST, (params: unknown) => followUpsResult(index, params)));
  connection.onRequest(FOLLOW_UP_ISSUE_REQUEST, guardRequest(log, FOLLOW_UP_ISSUE_REQUEST, (params: unknown) => issueResult(index, followUpParams(params))));
  connection.onRequest(
    FOLLOW_UP_MARK_DONE_REQUEST,
    guardRequest(log, FOLLOW_UP_MARK_DONE_REQUEST, async (params: unknown) => {
      const target = followUpParams(params);
      const open = await deps.openAnalysis(target.uri);
      return markDoneResult(target, open ?? { result: analyzeClosed(await deps.inputFor(target.uri, await deps.files.readText(target.uri))) });
    }),
  );

  return {
    index,
    /** `workspace/didChangeWatchedFiles`: Markdown files created, changed or deleted on disk. */
    filesChanged(changes: readonly FileEvent[]): void {
      for (const change of changes) {
        if (change.type === FileChangeType.Deleted) index.deleted(change.uri);
        else if (MARKDOWN_FILE.test(change.uri)) void index.fileChanged(change.uri);
      }
    },
  };
}
