/**
 * A worker thread of the workspace index: analysis inputs in, report facts out (see indexWorkers.ts). It runs the
 * server's own bundle, so the extension ships no second copy of the analysis.
 */
import { parentPort } from 'node:worker_threads';
import { indexedReport } from '../analysis/features/indexedReport';
import type { IndexJob, IndexJobResult } from './indexWorkers';

export function readReportsForTheIndex(): void {
  parentPort?.on('message', ({ id, input, fallbackTitle }: IndexJob) => {
    let result: IndexJobResult;
    try {
      result = { id, facts: indexedReport(input, fallbackTitle) };
    } catch (error) {
      result = { id, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort?.postMessage(result);
  });
}
