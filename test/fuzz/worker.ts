/** Runs fuzz inputs in a worker thread, so that the runner can stop one that takes too long. */
import { parentPort } from 'node:worker_threads';
import { checkInput } from './check';

parentPort?.on('message', (message: { id: number; text: string }) => {
  try {
    checkInput(message.text);
    parentPort?.postMessage({ id: message.id });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
