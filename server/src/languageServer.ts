/**
 * The Postmortem Writer language server's features, wired to a connection: the same for the Node server
 * (`server.ts`: stdio or IPC) and the browser worker (`browserServer.ts`). Only what they run on differs: how
 * messages travel, and whether `.postmortemrc.json` files can be read from disk.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type CodeActionParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RC_FILE, type RcError } from './analysis/config/files';
import { Analyses, analysisInput, type DocumentAnalysis } from './lsp/analyses';
import { CODE_ACTION_KINDS, codeActions, isFixAllActionData, resolveFixAll, type CodeActionSupport } from './lsp/codeActions';
import { COMPLETION_TRIGGER_CHARACTERS, completions } from './lsp/completion';
import { rcDiagnostic } from './lsp/diagnostics';
import { EDIT_COMMANDS, fixAllEdits } from './lsp/editCommands';
import { documentEdit } from './lsp/fixAll';
import { describeError, guardNotification, guardRequest, invalidParams, isRange, uriParam } from './lsp/guard';
import { hover } from './lsp/hover';
import { inlayHints } from './lsp/inlayHints';
import { codeLenses } from './lsp/codeLens';
import { timelineChartResult } from './lsp/timelineChart';
import { exportActionItemsResult } from './lsp/exportActionItems';
import { outline } from './lsp/outline';
import {
  EXPORT_ACTION_ITEMS_REQUEST,
  TIMELINE_CHART_REQUEST,
  FIX_ALL_REQUEST,
  OUTLINE_CHANGED_NOTIFICATION,
  OUTLINE_REQUEST,
  MARKDOWN_GLOB,
  RC_FILE_GLOB,
  RC_FILES_REQUEST,
  RULES_REQUEST,
  type EditCommandResult,
  type OutlineChangedParams,
  type RcFilesParams,
  type RcFilesResult,
} from './lsp/protocol';
import { RcFiles, clientRcSource, firstSource, type RcSource } from './lsp/rcFiles';
import { ruleList } from './lsp/rules';
import { DEFAULT_DEBOUNCE_MS, SettingsStore } from './lsp/settings';
import { documentSymbols } from './lsp/symbols';
import { IdleCollection } from './lsp/idleCollection';
import { Validator } from './lsp/validation';
import { WorkspaceFolders, isMarkdownDocument } from './lsp/workspace';
import { startWorkspaceFeatures } from './lsp/workspaceFeatures';
import type { ReportReader } from './lsp/workspaceIndex';
import { NO_FILES, type WorkspaceFileSystem } from './lsp/workspaceFiles';
import { version } from '../../package.json';

interface InitializationOptions {
  settings?: unknown;
  /** Overrides `postmortem.debounce` (benchmarks set 0). */
  debounceMs?: number;
  /** The client answers `postmortem/rcFiles` (the VS Code extension does). */
  rcFilesRequest?: boolean;
}

/** What the server runs on. */
export interface ServerPlatform {
  /** Reads rc files from disk (Node); without it, only the client can say which rc files apply. */
  diskRcSource?: (folders: WorkspaceFolders) => RcSource;
  /** The workspace's files that are not open, for the workspace index; without it, only open documents are indexed. */
  workspaceFiles?: WorkspaceFileSystem;
  /** Readers of many workspace files at once, for the index's full reads (worker threads); without it, the server's thread reads. */
  bulkReader?: (files: number) => ReportReader | undefined;
  /** V8's collector, for a collection while idle (Node only). */
  collectGarbage?: () => void;
  /** Where an error goes when the connection is gone. */
  lastResortLog: (message: string) => void;
}

/** Registers every feature and starts listening; returns the log the platform reports its own errors to. */
export function startLanguageServer(connection: Connection, platform: ServerPlatform): { error(message: string): void } {
  const log = {
    error(message: string): void {
      try {
        connection.console.error(message);
      } catch {
        // The connection itself is gone (the editor quit).
        platform.lastResortLog(message);
      }
    },
  };

  // A client that cannot answer leaves the documents checked with the settings only.
  const readRcFilesFromClient = (params: RcFilesParams) =>
    connection.sendRequest<RcFilesResult>(RC_FILES_REQUEST, params).catch((error: unknown): RcFilesResult => {
      log.error(`${RC_FILES_REQUEST} failed: ${describeError(error)}`);
      return { files: [] };
    });
  /** The disk for `file:` documents, then the client when it answers `postmortem/rcFiles` (always in a browser worker). */
  const rcSource = (clientAnswers: boolean): RcSource => {
    const disk = platform.diskRcSource?.(folders);
    const client = clientAnswers || !disk ? clientRcSource(readRcFilesFromClient) : undefined;
    return firstSource([disk, client].filter((source): source is RcSource => source !== undefined));
  };
  const publishRcErrors = (uri: string, errors: RcError[]) => {
    connection.sendDiagnostics({ uri, diagnostics: errors.map(rcDiagnostic) }).catch((error: unknown) => log.error(describeError(error)));
  };

  const documents = new TextDocuments(TextDocument);
  const folders = new WorkspaceFolders();
  /** Set on `initialize`, once the client says whether it reads rc files. */
  let rcFiles = new RcFiles(rcSource(false), publishRcErrors);

  /** Set on `initialize`, from what the client says it supports. */
  let settings = new SettingsStore(log, undefined);
  let debounceOverride: number | undefined;
  const client = { configuration: false, dynamicConfiguration: false, dynamicWatchers: false, workspaceFolders: false, snippets: false, workDoneProgress: false };
  const codeActionSupport: CodeActionSupport = { resolveEdit: false, versionedEdits: false };

  const analyses = new Analyses((uri, text) => analysisInput(uri, text, { settings, rcFiles, folders }));
  const idleCollection = new IdleCollection(platform.collectGarbage);
  const workspace = startWorkspaceFeatures({
    connection,
    log,
    files: platform.workspaceFiles ?? NO_FILES,
    folders: () => folders.uris(),
    client,
    // The many files the index reads share their folder's settings: one settings request per folder, not per file.
    inputFor: async (uri, text) => (await analysisInput(uri, text, { settings, rcFiles, folders }, folders.folderOf(uri) ?? uri)).input,
    bulkReader: platform.bulkReader,
    isOpen: (uri) => documents.get(uri) !== undefined,
    openAnalysis: async (uri) => {
      const document = documents.get(uri);
      if (!document || !isMarkdown(document)) return undefined;
      const analysis = await analyses.get(document);
      return { result: analysis.result, version: analysis.version };
    },
    workDone: () => idleCollection.workDone(),
  });
  const validator = new Validator({
    document: (uri) => documents.get(uri),
    analyses,
    delayFor: (uri) => debounceOverride ?? settings.lastKnown(uri).debounce ?? DEFAULT_DEBOUNCE_MS,
    publish: (uri, version, diagnostics) => {
      const written = connection.sendDiagnostics({ uri, version, diagnostics });
      idleCollection.workDone();
      // Someone typing waits for the diagnostics: the index and the views follow once they are written.
      written
        .then(() => {
          if (version === undefined) return;
          const document = documents.get(uri);
          if (document?.version === version) analyses.get(document).then((analysis) => workspace.index.fromAnalysis(uri, analysis.result), () => undefined);
          // The client's views render the outline of this version: tell them it is ready.
          const params: OutlineChangedParams = { uri, version };
          return connection.sendNotification(OUTLINE_CHANGED_NOTIFICATION, params);
        })
        .catch((error: unknown) => log.error(describeError(error)));
    },
    log,
  });

  function isMarkdown(document: TextDocument): boolean {
    return isMarkdownDocument(document.languageId, document.uri);
  }

  /** The analysis of an open Markdown document's current version; other documents have none. */
  async function analysisOf(params: unknown): Promise<DocumentAnalysis | undefined> {
    const uri = uriParam(params);
    const document = documents.get(uri);
    if (!document) throw invalidParams(`The document ${uri} is not open.`);
    return isMarkdown(document) ? analyses.get(document) : undefined;
  }

  /** Settings, rc files or folders changed: analyse every open document again, and read the workspace again. */
  function revalidateAll(): void {
    analyses.invalidateAll();
    for (const document of documents.all()) if (isMarkdown(document)) validator.schedule(document);
    void workspace.index.rebuild();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    client.configuration = Boolean(capabilities.workspace?.configuration);
    client.dynamicConfiguration = Boolean(capabilities.workspace?.didChangeConfiguration?.dynamicRegistration);
    client.dynamicWatchers = Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    client.workspaceFolders = Boolean(capabilities.workspace?.workspaceFolders);
    codeActionSupport.resolveEdit = Boolean(capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit'));
    codeActionSupport.versionedEdits = Boolean(capabilities.workspace?.workspaceEdit?.documentChanges);
    client.snippets = Boolean(capabilities.textDocument?.completion?.completionItem?.snippetSupport);
    client.workDoneProgress = Boolean(capabilities.window?.workDoneProgress);
    if (typeof options.debounceMs === 'number' && Number.isFinite(options.debounceMs) && options.debounceMs >= 0) debounceOverride = options.debounceMs;
    settings = new SettingsStore(
      log,
      options.settings,
      client.configuration ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'postmortem' }) : undefined,
    );
    folders.set(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
    rcFiles = new RcFiles(rcSource(options.rcFilesRequest === true), publishRcErrors);

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
        documentSymbolProvider: { label: 'Postmortem' },
        workspaceSymbolProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [...EDIT_COMMANDS.keys()] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'postmortem-language-server', version },
    };
  });

  connection.onInitialized(() => {
    const registrations: Array<Promise<unknown>> = [];
    if (client.dynamicConfiguration) registrations.push(connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortem' }));
    if (client.dynamicWatchers) {
      registrations.push(connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: RC_FILE_GLOB }, { globPattern: MARKDOWN_GLOB }] }));
    }
    for (const registration of registrations) registration.catch((error: unknown) => log.error(`Registration failed: ${describeError(error)}`));
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guardNotification(log, 'workspace/didChangeWorkspaceFolders', (event) => {
          folders.remove(event.removed.map((folder) => folder.uri));
          folders.add(event.added.map((folder) => folder.uri));
          rcFiles.invalidate();
          revalidateAll();
        }),
      );
    }
    void workspace.index.rebuild();
  });

  documents.onDidChangeContent((event) => {
    if (isMarkdown(event.document)) validator.schedule(event.document);
  });
  documents.onDidClose((event) => {
    if (!isMarkdown(event.document)) return;
    validator.close(event.document.uri);
    settings.forget(event.document.uri);
    // Closed without saving, the file on disk is what counts again.
    void workspace.index.fileChanged(event.document.uri);
  });

  connection.onDidChangeConfiguration(
    guardNotification(log, 'workspace/didChangeConfiguration', (params) => {
      settings.changed(params?.settings);
      revalidateAll();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guardNotification(log, 'workspace/didChangeWatchedFiles', (params) => {
      if (!Array.isArray(params?.changes)) return;
      if (params.changes.some((change) => change.uri.endsWith(RC_FILE))) {
        rcFiles.invalidate();
        revalidateAll();
      } else {
        workspace.filesChanged(params.changes);
      }
    }),
  );

  connection.onCodeAction(
    guardRequest(log, 'textDocument/codeAction', async (params: CodeActionParams) => {
      if (!isRange(params?.range) || !Array.isArray(params?.context?.diagnostics)) throw invalidParams('Expected a range and a context with diagnostics.');
      const analysis = await analysisOf(params);
      return analysis ? codeActions(analysis, params, codeActionSupport) : [];
    }),
  );

  connection.onCodeActionResolve(
    guardRequest(log, 'codeAction/resolve', async (action) => {
      if (!isFixAllActionData(action?.data)) return action;
      const analysis = await analysisOf(action.data);
      return analysis ? resolveFixAll(action, action.data, analysis, codeActionSupport) : action;
    }),
  );

  connection.onDocumentSymbol(
    guardRequest(log, 'textDocument/documentSymbol', async (params) => {
      const analysis = await analysisOf(params);
      return analysis ? documentSymbols(analysis) : [];
    }),
  );

  connection.onCompletion(
    guardRequest(log, 'textDocument/completion', async (params) => {
      const analysis = await analysisOf(params);
      return analysis ? completions(analysis, params.position, client.snippets) : [];
    }),
  );

  connection.onHover(
    guardRequest(log, 'textDocument/hover', async (params) => {
      const analysis = await analysisOf(params);
      return analysis ? hover(analysis, params.position) : null;
    }),
  );

  connection.languages.inlayHint.on(
    guardRequest(log, 'textDocument/inlayHint', async (params) => {
      if (!isRange(params?.range)) throw invalidParams('Expected a range.');
      const analysis = await analysisOf(params);
      return analysis ? inlayHints(analysis, params.range) : [];
    }),
  );

  connection.onCodeLens(
    guardRequest(log, 'textDocument/codeLens', async (params) => {
      const analysis = await analysisOf(params);
      return analysis ? codeLenses(analysis) : [];
    }),
  );

  connection.onRequest(
    OUTLINE_REQUEST,
    guardRequest(log, OUTLINE_REQUEST, async (params: unknown) => {
      const analysis = await analysisOf(params);
      if (!analysis) throw invalidParams('Only Markdown documents have a postmortem outline.');
      return outline(analysis);
    }),
  );

  connection.onRequest(
    FIX_ALL_REQUEST,
    guardRequest(log, FIX_ALL_REQUEST, async (params: unknown) => {
      const analysis = await analysisOf(params);
      return analysis ? fixAllEdits(analysis) : [];
    }),
  );

  connection.onRequest(
    RULES_REQUEST,
    guardRequest(log, RULES_REQUEST, () => ruleList()),
  );

  connection.onRequest(
    EXPORT_ACTION_ITEMS_REQUEST,
    guardRequest(log, EXPORT_ACTION_ITEMS_REQUEST, async (params: unknown) => exportActionItemsResult(await analysisOf(params), params)),
  );

  connection.onRequest(
    TIMELINE_CHART_REQUEST,
    guardRequest(log, TIMELINE_CHART_REQUEST, async (params: unknown) => timelineChartResult(await analysisOf(params), params)),
  );

  connection.onExecuteCommand(
    guardRequest(log, 'workspace/executeCommand', async (params): Promise<EditCommandResult> => {
      const command = typeof params?.command === 'string' ? EDIT_COMMANDS.get(params.command) : undefined;
      if (!command) throw invalidParams(`Unknown command ${String(params?.command)}.`);
      const args: unknown[] = params.arguments ?? [];
      const analysis = await analysisOf(typeof args[0] === 'string' ? { uri: args[0] } : args[0]);
      const edits = analysis ? command.edits(analysis, args) : [];
      if (!analysis || !edits.length) return { applied: false, unchanged: true };
      const result = await connection.workspace.applyEdit({ label: command.label, edit: documentEdit(analysis, edits, codeActionSupport.versionedEdits) });
      return { applied: result.applied };
    }),
  );

  documents.listen(connection);
  connection.listen();
  return log;
}
