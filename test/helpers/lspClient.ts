/**
 * A real LSP client for tests: spawns the BUILT `dist/server.js --stdio` and talks JSON-RPC to it,
 * answering the server's own requests (`workspace/configuration`, `client/registerCapability`,
 * `workspace/applyEdit`) the way an editor does. Every wait has a timeout, so a test fails instead of hanging.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  ApplyWorkspaceEditRequest,
  WorkDoneProgressCreateRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type ConfigurationItem,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { FOLLOW_UPS_CHANGED_NOTIFICATION, OUTLINE_CHANGED_NOTIFICATION } from '../../server/src/lsp/protocol';

export const ROOT = resolve(__dirname, '../..');
export const SERVER = join(ROOT, 'dist/server.js');
const WAIT_MS = 10_000;
/** Notifications kept in `notifications`: progress and the server's own. */
const RECORDED_NOTIFICATIONS = ['$/progress', FOLLOW_UPS_CHANGED_NOTIFICATION, OUTLINE_CHANGED_NOTIFICATION];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** `npm test` builds first; a single test file run builds the server when it is missing or older than its sources. */
export function ensureServerBuilt(): void {
  if (existsSync(SERVER) && statSync(SERVER).mtimeMs >= newestSource(join(ROOT, 'server/src'))) return;
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (!existsSync(SERVER)) throw new Error(`npm run build did not produce dist/server.js:\n${build.stderr}`);
}

export interface LspClientOptions {
  capabilities: ClientCapabilities;
  initializationOptions?: unknown;
  workspaceFolders?: Array<{ uri: string; name: string }>;
  /** The answer to each `workspace/configuration` item (the `postmortem` section). */
  settings?: (item: ConfigurationItem) => unknown;
  /** Node options for the server process, e.g. `--unhandled-rejections=strict`. */
  nodeOptions?: string[];
}

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly configurationRequests: ConfigurationItem[] = [];
  readonly registrations: Registration[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly stderr: string[] = [];
  /** `window/logMessage` from the server (its console). */
  readonly logs: string[] = [];
  /** Progress and the server's own notifications, in order. */
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  /** Tokens of `window/workDoneProgress/create` requests. */
  readonly progressTokens: Array<string | number> = [];
  private readonly listeners = new Set<() => void>();
  initializeResult!: InitializeResult;

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    public settings: (item: ConfigurationItem) => unknown,
  ) {}

  static async start(options: LspClientOptions): Promise<LspClient> {
    const child = spawn(process.execPath, [...(options.nodeOptions ?? []), SERVER, '--stdio'], { cwd: ROOT });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, options.settings ?? (() => ({})));
    child.stderr.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      client.published.push(params);
      for (const listener of client.listeners) listener();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      client.logs.push(params.message);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => {
      client.configurationRequests.push(...params.items);
      return params.items.map((item) => client.settings(item));
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      client.registrations.push(...params.registrations);
    });
    for (const method of RECORDED_NOTIFICATIONS) {
      connection.onNotification(method, (params: unknown) => {
        client.notifications.push({ method, params });
        for (const listener of client.listeners) listener();
      });
    }
    connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      client.progressTokens.push(params.token);
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      client.appliedEdits.push(params);
      return { applied: true };
    });
    connection.listen();
    client.initializeResult = await withTimeout(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: options.workspaceFolders?.[0]?.uri ?? null,
        workspaceFolders: options.workspaceFolders ?? null,
        capabilities: options.capabilities,
        initializationOptions: options.initializationOptions,
      }),
      'initialize',
    );
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  open(uri: string, text: string, version = 1, languageId = 'markdown'): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  configurationChanged(settings: unknown = null): Promise<void> {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return withTimeout(this.connection.sendRequest<R>(method, params), method);
  }

  /** The first publication for `uri` after `since` (an index into `published`) that satisfies `accept`. */
  diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, since = 0): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => this.published.slice(since).find((params) => params.uri === uri && accept(params)), `diagnostics for ${uri}`);
  }

  /** The first `method` notification after `since` (an index into `notifications`) whose params satisfy `accept`. */
  notification<P>(method: string, accept: (params: P) => boolean = () => true, since = 0): Promise<P> {
    const found = () => this.notifications.slice(since).find((sent) => sent.method === method && accept(sent.params as P));
    return this.waitFor(() => found()?.params as P | undefined, `${method} notification`);
  }

  /** Resolves with what `find` finds, checking again on each message from the server. */
  private waitFor<T>(find: () => T | undefined, what: string): Promise<T> {
    return withTimeout(
      new Promise<T>((resolveFound) => {
        const check = () => {
          const found = find();
          if (found === undefined) return;
          this.listeners.delete(check);
          resolveFound(found);
        };
        this.listeners.add(check);
        check();
      }),
      what,
    );
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolveExit) => {
      if (this.process.exitCode !== null) resolveExit();
      else this.process.once('exit', () => resolveExit());
    });
    try {
      await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 'shutdown', 3000);
      await this.connection.sendNotification(ExitNotification.type);
      await withTimeout(exited, 'exit', 3000);
    } catch {
      this.process.kill();
    } finally {
      this.connection.dispose();
    }
  }
}

export function withTimeout<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
