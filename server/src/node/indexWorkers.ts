/**
 * Worker threads for a full read of the workspace: parsing and modelling a thousand reports is CPU work, so it runs
 * on the machine's other cores while the server's own thread stays free for requests and keystrokes. The workers
 * live for one full read and are then ended, which gives their memory back.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyzeInput } from '../analysis/analyze';
import type { ReportFacts } from '../analysis/features/followUps';
import { indexedReport } from '../analysis/features/indexedReport';
import type { ReportReader } from '../lsp/workspaceIndex';

export interface IndexJob {
  id: number;
  input: AnalyzeInput;
  fallbackTitle: string;
}

export type IndexJobResult = { id: number; facts: ReportFacts | undefined } | { id: number; error: string };

/** Starting a worker costs about as much as reading a few dozen reports: fewer files are read in the server's thread. */
const MIN_FILES = 50;
/** More threads would each hold their own heap for little gain on a typical laptop. */
const MAX_WORKERS = 2;
const FILES_AHEAD = 4;

interface Job extends IndexJob {
  resolve(facts: ReportFacts | undefined): void;
  reject(error: Error): void;
}

class WorkerReader implements ReportReader {
  readonly parallelism: number;
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;
  private readonly workers: number;
  /** Files read in the server's thread after a worker stopped. */
  private readInThread = 0;

  constructor(script: string, workers: number) {
    // Files waiting for each worker while it reads another, so none waits for the server's thread to hand it one.
    this.parallelism = FILES_AHEAD * workers;
    for (let count = 0; count < workers; count++) {
      let worker: Worker;
      try {
        worker = new Worker(script);
      } catch {
        // The system refused a thread (ERR_WORKER_INIT_FAILED): the threads that started read, or this one.
        break;
      }
      worker.on('message', (result: IndexJobResult) => this.finished(worker, result));
      // A worker that fails (it cannot start, or a huge file took more than its heap) is not used again: its file is
      // read in this thread, the files after it by the other worker (or in this thread once none is left).
      worker.on('error', () => this.lost(worker));
      worker.on('exit', () => this.lost(worker));
      this.idle.push(worker);
    }
    this.workers = this.idle.length;
  }

  read(input: AnalyzeInput, fallbackTitle: string): Promise<ReportFacts | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, fallbackTitle, resolve, reject });
      this.dispatch();
    });
  }

  describe(): string {
    if (!this.workers) return "in the server's thread (no worker thread could start)";
    const threads = `in ${this.workers} worker thread${this.workers === 1 ? '' : 's'}`;
    return this.readInThread ? `${threads} (${this.readInThread} in the server's thread after a worker stopped)` : threads;
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.idle, ...this.running.keys()];
    for (const job of [...this.running.values(), ...this.queue.splice(0)]) job.reject(new Error('The full read was stopped.'));
    this.idle.length = 0;
    this.running.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    if (!this.idle.length && !this.running.size) {
      for (const job of this.queue.splice(0)) this.inThread(job);
      return;
    }
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      const message: IndexJob = { id: job.id, input: job.input, fallbackTitle: job.fallbackTitle };
      worker.postMessage(message);
    }
  }

  private finished(worker: Worker, result: IndexJobResult): void {
    const job = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    if (job?.id === result.id) {
      if ('error' in result) job.reject(new Error(result.error));
      else job.resolve(result.facts);
    }
    this.dispatch();
  }

  private lost(worker: Worker): void {
    if (this.closed) return;
    const job = this.running.get(worker);
    this.running.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    if (job) this.inThread(job);
    this.dispatch();
  }

  private inThread(job: Job): void {
    this.readInThread++;
    try {
      job.resolve(indexedReport(job.input, job.fallbackTitle));
    } catch (error) {
      job.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

/**
 * Readers for full reads of many files, in worker threads that run `script` (the server's bundle). One thread per core
 * but one, at most two: V8's compiler and garbage collector threads and the server's own thread need a core too (on two
 * cores, two workers read the corpus ten times over no faster than one, with a quarter more CPU and 100 MB more
 * memory), and a small workspace is read before a worker would have started.
 */
export function workerReaders(script: string, cores = availableParallelism()): (files: number) => ReportReader | undefined {
  return (files) => {
    if (files < MIN_FILES || cores < 2 || !existsSync(script)) return undefined;
    return new WorkerReader(script, Math.min(MAX_WORKERS, cores - 1));
  };
}
