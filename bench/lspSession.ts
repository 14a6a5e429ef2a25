/**
 * A language server driven over stdio by a real JSON-RPC client (vscode-languageserver-protocol), for the
 * benchmarks: ours (push diagnostics) and vscode-markdown-language-server (pull diagnostics) alike. Every wait
 * has a time limit, so a server that stops answering fails the benchmark instead of hanging it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type DocumentDiagnosticReport,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

const WAIT_MS = 120_000;
/** `getconf CLK_TCK` on Linux. */
const CLOCK_TICKS = 100;

export function withTimeout<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface SessionOptions {
  command: string;
  args: string[];
  cwd?: string;
  initializationOptions?: unknown;
  capabilities?: ClientCapabilities;
  /** Folder uris (default none). */
  workspaceFolders?: string[];
  /** Requests the server sends to its client (the markdown server asks its client to tokenize). */
  onRequest?: (connection: ProtocolConnection, session: LspSession) => void;
}

export class LspSession {
  /** Open documents' texts, as the client holds them. */
  readonly texts = new Map<string, string>();
  /** Milliseconds from spawning the server to its `initialize` result. */
  initializeMs = 0;
  private readonly waiters = new Set<(params: PublishDiagnosticsParams) => void>();

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: SessionOptions): Promise<LspSession> {
    const spawned = performance.now();
    const child = spawn(options.command, options.args, { cwd: options.cwd });
    child.stderr.resume();
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const session = new LspSession(child, connection);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      for (const waiter of session.waiters) waiter(params);
    });
    // Both servers may register capabilities or ask for settings; this client takes the defaults.
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    options.onRequest?.(connection, session);
    connection.listen();
    await withTimeout(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: options.workspaceFolders?.[0] ?? null,
        workspaceFolders: options.workspaceFolders?.map((uri, index) => ({ uri, name: `folder-${index}` })) ?? null,
        capabilities: options.capabilities ?? {},
        initializationOptions: options.initializationOptions,
      }),
      'initialize',
    );
    session.initializeMs = performance.now() - spawned;
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  configure(settings: unknown): Promise<void> {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  /** Opens a document and resolves when its diagnostics for `version` are published (push servers). */
  async openAndWait(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const published = this.published(uri, version);
    await this.open(uri, text, version);
    return published;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    this.texts.set(uri, text);
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, version: number, change: TextDocumentContentChangeEvent, newText: string): Promise<void> {
    this.texts.set(uri, newText);
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
  }

  /** The first diagnostics published for this version of the document. */
  published(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return withTimeout(
      new Promise<PublishDiagnosticsParams>((resolve) => {
        const waiter = (params: PublishDiagnosticsParams) => {
          if (params.uri !== uri || params.version !== version) return;
          this.waiters.delete(waiter);
          resolve(params);
        };
        this.waiters.add(waiter);
      }),
      `diagnostics of ${uri} version ${version}`,
    );
  }

  /** `textDocument/diagnostic` (pull servers). */
  pull(uri: string): Promise<DocumentDiagnosticReport> {
    return withTimeout(this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), `pulled diagnostics of ${uri}`);
  }

  /** Resident memory of the server process in MB, from /proc (Linux). */
  residentMb(): number {
    return this.statusMb('VmRSS');
  }

  /** The most resident memory the server process has had so far, in MB. */
  peakResidentMb(): number {
    return this.statusMb('VmHWM');
  }

  private statusMb(field: 'VmRSS' | 'VmHWM'): number {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    const kb = Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1]);
    return kb / 1024;
  }

  /** CPU time the server process has used so far (all its threads, user and system) in ms, from /proc (Linux). */
  cpuMs(): number {
    // The fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks.
    const fields = readFileSync(`/proc/${this.process.pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  }

  async stop(): Promise<void> {
    try {
      await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 'shutdown', 5000);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // A server that does not shut down is killed below.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (this.process.exitCode === null) this.process.kill();
    this.connection.dispose();
  }
}
