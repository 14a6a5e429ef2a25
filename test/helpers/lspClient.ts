/**
 * A real LSP client for tests: spawns the BUILT `dist/server.js --stdio` (or runs the browser build `dist/web/server.js`
 * in a worker thread posing as a browser's Web Worker) and talks JSON-RPC to it,
 * answering the server's own requests (`workspace/configuration`, `client/registerCapability`,
 * `workspace/applyEdit`) the way an editor does. Every wait has a timeout, so a test fails instead of hanging.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
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
  PortMessageReader,
  PortMessageWriter,
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
export const WEB_SERVER = join(ROOT, 'dist/web/server.js');
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
  const newest = newestSource(join(ROOT, 'server/src'));
  if ([SERVER, WEB_SERVER].every((bundle) => existsSync(bundle) && statSync(bundle).mtimeMs >= newest)) return;
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (!existsSync(SERVER) || !existsSync(WEB_SERVER)) throw new Error(`npm run build did not produce dist/server.js and dist/web/server.js:\n${build.stderr}`);
}

export interface LspClientOptions {
  capabilities: ClientCapabilities;
  initializationOptions?: unknown;
  workspaceFolders?: Array<{ uri: string; name: string }>;
  /** The answer to each `workspace/configuration` item (the `postmortem` section). */
  settings?: (item: ConfigurationItem) => unknown;
  /** Node options for the server process, e.g. `--unhandled-rejections=strict`. */
  nodeOptions?: string[];
  /**
   * Starts the server with this command instead of `node dist/server.js --stdio`, e.g. an installed package's bin
   * through npx. It runs in its own process group, so that stopping it also ends the server a launcher started.
   */
  command?: { file: string; args: string[]; cwd: string };
  /** How long to wait for the `initialize` answer (default 10 s): a launcher such as npx starts first. */
  initializeTimeoutMs?: number;
  /** Answers to the server's own requests beyond the standard ones (e.g. `postmortem/rcFiles`), by method. */
  requests?: Record<string, (params: unknown) => unknown>;
}

/**
 * Runs a browser bundle in a worker thread the way a browser's Web Worker would: messages through `self.postMessage`
 * and `self.onmessage`, and no `process` or `Buffer` once it has loaded (a browser worker has neither).
 */
const BROWSER_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
globalThis.self = {
  postMessage: (message) => parentPort.postMessage(message),
  addEventListener: () => {},
  set onmessage(handler) { parentPort.on('message', (data) => handler({ data })); },
};
require(workerData);
delete globalThis.process;
delete globalThis.Buffer;
`;

/** How the server runs: a child process, or a worker thread. */
interface ServerRun {
  /** Ends the server if it did not exit after `exit`. */
  kill(): void;
  exited: Promise<void>;
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
    readonly connection: ProtocolConnection,
    public settings: (item: ConfigurationItem) => unknown,
    private readonly run: ServerRun,
    /** The server process (undefined for the browser build in a worker). */
    readonly process?: ChildProcessWithoutNullStreams,
  ) {}

  static async start(options: LspClientOptions): Promise<LspClient> {
    const child = options.command
      ? spawn(options.command.file, options.command.args, { cwd: options.command.cwd, detached: true })
      : spawn(process.execPath, [...(options.nodeOptions ?? []), SERVER, '--stdio'], { cwd: ROOT });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    // Started with `command`, the server runs in its own process group: stopping it also ends what a launcher started.
    const kill = () => (options.command && child.pid !== undefined ? process.kill(-child.pid) : child.kill());
    const client = new LspClient(connection, options.settings ?? (() => ({})), { kill, exited }, child);
    child.stderr.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString()));
    return client.initialize(options);
  }

  /** The browser build's server (`dist/web/server.js`) in a worker thread posing as a Web Worker. */
  static async startInWorker(options: LspClientOptions): Promise<LspClient> {
    const worker = new Worker(BROWSER_WORKER, { eval: true, workerData: WEB_SERVER });
    const connection = createProtocolConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
    const exited = new Promise<void>((resolveExit) => worker.once('exit', () => resolveExit()));
    const client = new LspClient(connection, options.settings ?? (() => ({})), { kill: () => void worker.terminate(), exited });
    worker.on('error', (error) => client.stderr.push(String(error)));
    return client.initialize(options);
  }

  private async initialize(options: LspClientOptions): Promise<LspClient> {
    const { connection } = this;
    for (const [method, answer] of Object.entries(options.requests ?? {})) connection.onRequest(method, answer);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const listener of this.listeners) listener();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests.push(...params.items);
      return params.items.map((item) => this.settings(item));
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    for (const method of RECORDED_NOTIFICATIONS) {
      connection.onNotification(method, (params: unknown) => {
        this.notifications.push({ method, params });
        for (const listener of this.listeners) listener();
      });
    }
    connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      this.progressTokens.push(params.token);
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.push(params);
      return { applied: true };
    });
    connection.listen();
    try {
      this.initializeResult = await withTimeout(
        connection.sendRequest(InitializeRequest.type, {
          processId: process.pid,
          rootUri: options.workspaceFolders?.[0]?.uri ?? null,
          workspaceFolders: options.workspaceFolders ?? null,
          capabilities: options.capabilities,
          initializationOptions: options.initializationOptions,
        }),
        'initialize',
        options.initializeTimeoutMs,
      );
    } catch (error) {
      this.run.kill();
      connection.dispose();
      throw error;
    }
    await connection.sendNotification(InitializedNotification.type, {});
    return this;
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
    try {
      await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 'shutdown', 3000);
      await this.connection.sendNotification(ExitNotification.type);
      // A worker is not ended by `exit`: its owner terminates it, as the browser client does.
      if (!this.process) this.run.kill();
      await withTimeout(this.run.exited, 'exit', 3000);
    } catch {
      this.run.kill();
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
