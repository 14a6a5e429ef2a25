/**
 * Memory: the servers' resident memory (VmRSS) after opening every corpus document, each analysed.
 * Start-up: the bundles' sizes, and the time from spawning our server to its `initialize` result.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS, ROOT, corpusFiles } from './buildDocuments';
import { SERVER, startMarkdownServer, stats, type Stats } from './keystrokes';
import { LspSession } from './lspSession';

function corpusDocuments(): Array<{ uri: string; text: string }> {
  return corpusFiles().map((file) => ({ uri: pathToFileURL(join(CORPUS, file)).toString(), text: readFileSync(join(CORPUS, file), 'utf8') }));
}

/** How long the servers are left idle before their settled memory is read. */
const SETTLE_MS = 10_000;
const idle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/**
 * Our server's memory with the whole corpus open: when every document's diagnostics are received (the heap still
 * holds the analyses' garbage), and settled, after 10 s without changes (the server collects after 2 s idle).
 */
export async function oursWithCorpusOpen(): Promise<{ documents: number; residentMb: number; settledMb: number; initialMb: number }> {
  const session = await LspSession.start({ command: process.execPath, args: [SERVER, '--stdio'], initializationOptions: { debounceMs: 0 } });
  try {
    const initialMb = session.residentMb();
    const documents = corpusDocuments();
    await Promise.all(documents.map((document) => session.openAndWait(document.uri, document.text)));
    const residentMb = session.residentMb();
    await idle();
    return { documents: documents.length, residentMb, settledMb: session.residentMb(), initialMb };
  } finally {
    await session.stop();
  }
}

/** The Markdown server's memory with the corpus open, every document's diagnostics pulled. */
export async function markdownServerWithCorpusOpen(): Promise<{ residentMb: number; settledMb: number }> {
  const session = await startMarkdownServer();
  try {
    for (const document of corpusDocuments()) {
      await session.open(document.uri, document.text);
      await session.pull(document.uri);
    }
    const residentMb = session.residentMb();
    await idle();
    return { residentMb, settledMb: session.residentMb() };
  } finally {
    await session.stop();
  }
}

export function fileKb(path: string): number {
  return statSync(join(ROOT, path)).size / 1024;
}

/** Spawn to `initialize` result of the built server, several times. */
export async function initializeTimes(repetitions: number): Promise<Stats> {
  const times: number[] = [];
  for (let index = 0; index < repetitions; index++) {
    const session = await LspSession.start({ command: process.execPath, args: [SERVER, '--stdio'] });
    times.push(session.initializeMs);
    await session.stop();
  }
  return stats(times);
}
