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

/** Our server's memory with the whole corpus open, every document's diagnostics received. */
export async function oursWithCorpusOpen(): Promise<{ documents: number; residentMb: number; initialMb: number }> {
  const session = await LspSession.start({ command: process.execPath, args: [SERVER, '--stdio'], initializationOptions: { debounceMs: 0 } });
  try {
    const initialMb = session.residentMb();
    const documents = corpusDocuments();
    await Promise.all(documents.map((document) => session.openAndWait(document.uri, document.text)));
    return { documents: documents.length, residentMb: session.residentMb(), initialMb };
  } finally {
    await session.stop();
  }
}

/** The Markdown server's memory with the corpus open, every document's diagnostics pulled. */
export async function markdownServerWithCorpusOpen(): Promise<number> {
  const session = await startMarkdownServer();
  try {
    for (const document of corpusDocuments()) {
      await session.open(document.uri, document.text);
      await session.pull(document.uri);
    }
    return session.residentMb();
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
