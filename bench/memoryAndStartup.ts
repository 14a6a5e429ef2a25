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

/**
 * A writer's long session: the corpus open in one server, single characters typed at random places (a seeded
 * sequence), each deleted again right after so the text stays the same size, diagnostics awaited after every edit.
 * Resident memory is read 12 s after the last keystroke at each checkpoint (the server collects after 2 s idle):
 * what is still held then is kept per keystroke, not garbage waiting for a collection.
 */
export async function oursUnderSustainedTyping(checkpoints: number[]): Promise<Array<{ keystrokes: number; settledMb: number }>> {
  const session = await LspSession.start({ command: process.execPath, args: [SERVER, '--stdio'], initializationOptions: { debounceMs: 0 } });
  try {
    const documents = corpusDocuments().map((document) => ({ ...document, version: 1 }));
    await Promise.all(documents.map((document) => session.openAndWait(document.uri, document.text)));
    let seed = 20_261_203;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    const results: Array<{ keystrokes: number; settledMb: number }> = [];
    let typed = 0;
    for (const checkpoint of checkpoints) {
      for (; typed < checkpoint; typed++) {
        const document = documents[Math.floor(random() * documents.length)];
        let offset = Math.floor(random() * document.text.length);
        if (document.text[offset - 1] === '\r') offset--; // never between the two characters of a CRLF
        const position = positionAt(document.text, offset);
        const withCharacter = `${document.text.slice(0, offset)}x${document.text.slice(offset)}`;
        for (const [change, text] of [
          [{ range: { start: position, end: position }, text: 'x' }, withCharacter],
          [{ range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: '' }, document.text],
        ] as const) {
          const published = session.published(document.uri, ++document.version);
          await session.change(document.uri, document.version, change, text);
          await published;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 12_000));
      results.push({ keystrokes: checkpoint, settledMb: session.residentMb() });
    }
    return results;
  } finally {
    await session.stop();
  }
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
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
