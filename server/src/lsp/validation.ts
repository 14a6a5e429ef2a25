import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyses } from './analyses';
import { toDiagnostics } from './diagnostics';
import { describeError, type Log } from './guard';

export interface ValidatorDeps {
  document(uri: string): TextDocument | undefined;
  analyses: Analyses;
  /** Milliseconds to wait after a change before checking the document. */
  delayFor(uri: string): number;
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  log: Log;
}

/**
 * Runs `task` after `ms`; returns what cancels it. No delay means the next turn of the event loop: `setTimeout(0)`
 * waits at least a millisecond in Node, a sixth of a keystroke's whole check on a typical report. (A browser worker
 * has no `setImmediate`.)
 */
function after(ms: number, task: () => void): () => void {
  if (ms <= 0 && typeof setImmediate === 'function') {
    const immediate = setImmediate(task);
    return () => clearImmediate(immediate);
  }
  const timer = setTimeout(task, ms);
  return () => clearTimeout(timer);
}

/**
 * Pushes diagnostics: debounced per document, and a run whose version is no longer the document's
 * current one is dropped (a newer run is already scheduled).
 */
export class Validator {
  /** What cancels each document's pending run. */
  private readonly pending = new Map<string, () => void>();
  /** Each open document's diagnostics as published last, which the next publication reuses where it can. */
  private readonly published = new Map<string, Diagnostic[]>();

  constructor(private readonly deps: ValidatorDeps) {}

  schedule(document: TextDocument): void {
    const { uri, version } = document;
    this.cancel(uri);
    const cancel = after(this.deps.delayFor(uri), () => {
      this.pending.delete(uri);
      void this.run(uri, version);
    });
    this.pending.set(uri, cancel);
  }

  cancel(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
  }

  /** The document closed: stop its pending run and clear what the editor shows. */
  close(uri: string): void {
    this.cancel(uri);
    this.deps.analyses.delete(uri);
    this.published.delete(uri);
    this.deps.publish(uri, undefined, []);
  }

  private isCurrent(uri: string, version: number): boolean {
    return this.deps.document(uri)?.version === version;
  }

  private async run(uri: string, version: number): Promise<void> {
    const document = this.deps.document(uri);
    if (!document || document.version !== version) return;
    try {
      const analysis = await this.deps.analyses.get(document);
      // Settings are read asynchronously: the document may have changed or closed meanwhile.
      if (!this.isCurrent(uri, analysis.version)) return;
      const diagnostics = toDiagnostics(analysis, this.published.get(uri));
      this.published.set(uri, diagnostics);
      this.deps.publish(uri, analysis.version, diagnostics);
      for (const failure of analysis.result.failures) this.deps.log.error(`Rule ${failure.ruleId} failed on ${uri}: ${failure.error}`);
    } catch (error) {
      this.deps.log.error(`Checking ${uri} failed: ${describeError(error)}`);
    }
  }
}
