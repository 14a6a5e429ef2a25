/**
 * Runs fuzz inputs one at a time in a worker thread with a time limit. An input that throws, breaks an
 * invariant, exhausts memory or exceeds the limit is a failure: it is written to test/fixtures/fuzz/ (named by
 * its kind and hash) so that every later test run replays it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FuzzInput } from './inputs';

export const FIXTURES = resolve(__dirname, '../fixtures/fuzz');

export interface FuzzFailure {
  kind: string;
  reason: string;
  fixture?: string;
}

/** The stack the language server's main thread has (V8's default, about 1 MB): a worker's default is 4 MB. */
const STACK_MB = 1;
const HEAP_MB = 2048;

export class FuzzRunner {
  private worker?: Worker;
  private nextId = 0;

  constructor(private readonly timeoutMs: number) {}

  /** Undefined when the input passed; otherwise why it failed. */
  run(text: string): Promise<string | undefined> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolveRun) => {
      const done = (reason: string | undefined, restart: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        if (restart) this.stop();
        resolveRun(reason);
      };
      const onMessage = (message: { id: number; error?: string }) => {
        if (message.id === id) done(message.error, false);
      };
      const onError = (error: Error) => done(`the worker died: ${error.message}`, true);
      const timer = setTimeout(() => done(`took longer than ${this.timeoutMs} ms`, true), this.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, text });
    });
  }

  stop(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      // Workers do not inherit the tsx loader: register it, then load the TypeScript worker.
      const code = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(join(__dirname, 'worker.ts'))});`;
      this.worker = new Worker(code, { eval: true, resourceLimits: { stackSizeMb: STACK_MB, maxOldGenerationSizeMb: HEAP_MB } });
      this.worker.unref();
    }
    return this.worker;
  }
}

/** Writes a failing input as a regression fixture; returns its path. */
export function saveFixture(input: FuzzInput): string {
  mkdirSync(FIXTURES, { recursive: true });
  const hash = createHash('sha1').update(input.text).digest('hex').slice(0, 10);
  const path = join(FIXTURES, `${input.kind}-${hash}.md`);
  writeFileSync(path, input.text);
  return path;
}

/** The saved regression fixtures. */
export function fixtures(): FuzzInput[] {
  let names: string[];
  try {
    names = readdirSync(FIXTURES).filter((name) => name.endsWith('.md')).sort();
  } catch {
    return [];
  }
  return names.map((name) => ({ kind: name.replace(/\.md$/, ''), text: readFileSync(join(FIXTURES, name), 'utf8') }));
}

/**
 * Replays the fixtures, then runs generated inputs until `budgetMs` is spent. Failures are saved as fixtures
 * (the fixtures' own failures are not saved again).
 */
export async function campaign(options: { next: () => FuzzInput; budgetMs: number; timeoutMs: number; log?: (line: string) => void }): Promise<{ inputs: number; failures: FuzzFailure[] }> {
  const runner = new FuzzRunner(options.timeoutMs);
  const failures: FuzzFailure[] = [];
  let inputs = 0;
  try {
    for (const fixture of fixtures()) {
      inputs++;
      const reason = await runner.run(fixture.text);
      if (reason) failures.push({ kind: `fixture ${fixture.kind}`, reason });
    }
    const end = Date.now() + options.budgetMs;
    while (Date.now() < end) {
      const input = options.next();
      inputs++;
      const started = Date.now();
      const reason = await runner.run(input.text);
      options.log?.(`${input.kind} (${input.text.length} chars): ${reason ? `FAILED, ${reason.split('\n')[0]}` : 'ok'} in ${Date.now() - started} ms`);
      if (reason) failures.push({ kind: input.kind, reason, fixture: saveFixture(input) });
    }
  } finally {
    runner.stop();
  }
  return { inputs, failures };
}
