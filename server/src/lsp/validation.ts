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
 * Pushes diagnostics: debounced per document, and a run whose version is no longer the document's
 * current one is dropped (a newer run is already scheduled).
 */
export class Validator {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly deps: ValidatorDeps) {}

  schedule(document: TextDocument): void {
    const { uri, version } = document;
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      void this.run(uri, version);
    }, this.deps.delayFor(uri));
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  /** The document closed: stop its pending run and clear what the editor shows. */
  close(uri: string): void {
    this.cancel(uri);
    this.deps.analyses.delete(uri);
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
      this.deps.publish(uri, analysis.version, toDiagnostics(analysis));
      for (const failure of analysis.result.failures) this.deps.log.error(`Rule ${failure.ruleId} failed on ${uri}: ${failure.error}`);
    } catch (error) {
      this.deps.log.error(`Checking ${uri} failed: ${describeError(error)}`);
    }
  }
}
