/**
 * Keystroke latency: someone types a phrase, one character per edit (incremental sync), in the middle of a
 * document. For each edit we measure the time until that version's diagnostics are back:
 * - ours: the BUILT dist/server.js over stdio, push diagnostics, debounce 0 (`initializationOptions.debounceMs`);
 * - vscode-markdown-language-server: the same edits, then `textDocument/diagnostic` (it pulls); its client
 *   tokenizes with markdown-it as VS Code's Markdown extension does, link validation switched on;
 * - markdownlint: the library's `lint` (sync) over the whole text per edit, default rules, in this process;
 * - ours in process: `analyze()` with the document's parse cache, as the server runs it, without the JSON-RPC.
 */
import { statSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/sync';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { analyze } from '../server/src/analysis/analyze';
import { fixAll } from '../server/src/analysis/fixes/fixAll';
import { ParseCache } from '../server/src/analysis/parsing/incrementalParse';
import { SourceText } from '../server/src/analysis/parsing/sourceText';
import { ROOT, type BenchDocument } from './buildDocuments';
import { LspSession } from './lspSession';

export const SERVER = join(ROOT, 'dist/server.js');
export const MARKDOWN_SERVER = join(ROOT, 'node_modules/vscode-langservers-extracted/bin/vscode-markdown-language-server');
const PHRASE = ' while the connection pool was still cold';

export interface Stats {
  median: number;
  p95: number;
  samples: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), samples: sorted.length };
}

interface Keystroke {
  version: number;
  change: TextDocumentContentChangeEvent;
  text: string;
}

/** Where the typing happens: the end of the first line of prose at or after the middle of the document. */
function cursorOf(text: string): { line: number; character: number } {
  const source = new SourceText(text);
  const middle = source.positionAt(text.length / 2).line;
  for (let line = middle; line < source.lineCount; line++) {
    const content = source.lineText(line);
    if (/^\p{L}.{19,}$/u.test(content)) return { line, character: content.length };
  }
  const last = source.lineCount - 1;
  return { line: last, character: source.lineText(last).length };
}

/** `count` single-character insertions typing PHRASE at the cursor, versions 2, 3, ... */
export function keystrokes(text: string, count: number): Keystroke[] {
  const cursor = cursorOf(text);
  const offset = new SourceText(text).offsetAt(cursor);
  const typed: Keystroke[] = [];
  let current = text;
  for (let index = 0; index < count; index++) {
    const character = PHRASE[index % PHRASE.length];
    const at = { line: cursor.line, character: cursor.character + index };
    current = current.slice(0, offset + index) + character + current.slice(offset + index);
    typed.push({ version: index + 2, change: { range: { start: at, end: at }, text: character }, text: current });
  }
  return typed;
}

function uriOf(document: BenchDocument): string {
  return pathToFileURL(join(ROOT, 'bench/out', `${document.name.replace(/\W+/g, '-')}.md`)).toString();
}

/** Our server: push diagnostics, each awaited by version. The first `warmup` edits are not counted. */
export async function oursOverLsp(document: BenchDocument, typed: Keystroke[], warmup: number): Promise<number[]> {
  const session = await LspSession.start({ command: process.execPath, args: [SERVER, '--stdio'], initializationOptions: { debounceMs: 0 } });
  try {
    const uri = uriOf(document);
    await session.openAndWait(uri, document.text);
    const times: number[] = [];
    for (const [index, keystroke] of typed.entries()) {
      const published = session.published(uri, keystroke.version);
      const start = performance.now();
      await session.change(uri, keystroke.version, keystroke.change, keystroke.text);
      await published;
      if (index >= warmup) times.push(performance.now() - start);
    }
    return times;
  } finally {
    await session.stop();
  }
}

/** VS Code's default Markdown validation settings, with validation switched on (it is off by default). */
const MARKDOWN_SETTINGS = {
  markdown: {
    server: { log: 'off' },
    preferredMdPathExtensionStyle: 'auto',
    validate: {
      enabled: true,
      referenceLinks: { enabled: 'warning' },
      fragmentLinks: { enabled: 'warning' },
      fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' },
      ignoredLinks: [],
      unusedLinkDefinitions: { enabled: 'hint' },
      duplicateLinkDefinitions: { enabled: 'warning' },
    },
  },
};

function fileStat(uri: string): { isDirectory: boolean } | null {
  try {
    return { isDirectory: statSync(new URL(uri)).isDirectory() };
  } catch {
    return null;
  }
}

/** vscode-markdown-language-server, its client requests answered as VS Code's Markdown extension does. */
export async function startMarkdownServer(): Promise<LspSession> {
  const markdownIt = new MarkdownIt({ html: true });
  const session = await LspSession.start({
    command: process.execPath,
    args: [MARKDOWN_SERVER, '--stdio'],
    initializationOptions: { markdownFileExtensions: ['md'] },
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } },
    onRequest: (connection, client) => {
      connection.onRequest('markdown/parse', (params: { uri: string; text?: string }) => markdownIt.parse(params.text ?? client.texts.get(params.uri) ?? '', {}));
      connection.onRequest('markdown/fs/stat', (params: { uri: string }) => fileStat(params.uri));
      connection.onRequest('markdown/fs/readFile', (params: { uri: string }) => Array.from(readFileSync(new URL(params.uri))));
      connection.onRequest('markdown/fs/readDirectory', (params: { uri: string }) =>
        readdirSync(new URL(params.uri), { withFileTypes: true }).map((entry) => [entry.name, { isDirectory: entry.isDirectory() }]),
      );
      connection.onRequest('markdown/findMarkdownFilesInWorkspace', () => []);
      connection.onRequest('markdown/fs/watcher/create', () => null);
      connection.onRequest('markdown/fs/watcher/delete', () => null);
    },
  });
  await session.configure(MARKDOWN_SETTINGS);
  return session;
}

/** The Markdown server: each edit, then a pull of the document's diagnostics. */
export async function markdownServer(document: BenchDocument, typed: Keystroke[], warmup: number): Promise<{ times: number[]; diagnostics: number }> {
  const session = await startMarkdownServer();
  try {
    const uri = uriOf(document);
    await session.open(uri, document.text);
    let report = await session.pull(uri);
    const times: number[] = [];
    for (const [index, keystroke] of typed.entries()) {
      const start = performance.now();
      await session.change(uri, keystroke.version, keystroke.change, keystroke.text);
      report = await session.pull(uri);
      if (index >= warmup) times.push(performance.now() - start);
    }
    return { times, diagnostics: report.kind === 'full' ? report.items.length : -1 };
  } finally {
    await session.stop();
  }
}

/** markdownlint's `lint` over the whole text per edit, as an editor extension runs it on each change. */
export function markdownlintPerEdit(typed: Keystroke[], warmup: number): { times: number[]; findings: number } {
  const times: number[] = [];
  let findings = 0;
  for (const [index, keystroke] of typed.entries()) {
    const start = performance.now();
    const results = lint({ strings: { document: keystroke.text }, config: { default: true } });
    if (index >= warmup) times.push(performance.now() - start);
    findings = results.document.length;
  }
  return { times, findings };
}

/** Our analysis in this process, with or without the document's parse cache. */
export function oursInProcess(document: BenchDocument, typed: Keystroke[], warmup: number, incremental: boolean): { times: number[]; findings: number } {
  const parseCache = incremental ? new ParseCache() : undefined;
  analyze({ text: document.text, parseCache });
  const times: number[] = [];
  let findings = 0;
  for (const [index, keystroke] of typed.entries()) {
    const start = performance.now();
    findings = analyze({ text: keystroke.text, parseCache }).findings.length;
    if (index >= warmup) times.push(performance.now() - start);
  }
  return { times, findings };
}

/**
 * Fix-all as fix-on-save runs it in the server: from the analysis of the document as it is and the parse cache it
 * used (which the server has), passes until the text settles. `runs` times, each on the original text and from a
 * fresh analysis, untimed: a run hands its cache the trees of the fixed text, which the next run would find parsed.
 */
export function fixAllInProcess(document: BenchDocument, runs: number): { times: number[]; fixed: number; passes: number } {
  const input = { text: document.text };
  const times: number[] = [];
  let outcome = { fixed: 0, passes: 0 };
  for (let run = 0; run < runs; run++) {
    const parseCache = new ParseCache();
    const findings = analyze({ ...input, parseCache }).findings;
    const start = performance.now();
    outcome = fixAll(input, { allowPlaceholders: true }, findings, parseCache);
    times.push(performance.now() - start);
  }
  return { times, ...outcome };
}
