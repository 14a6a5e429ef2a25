/**
 * A full read of the workspace hands files to readers that take several at once (the Node server's worker threads):
 * the index then holds what reading one file at a time in the server's thread gives, in the same order, and a
 * reader that fails loses only its file.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { AnalyzeInput } from '../../server/src/analysis/analyze';
import { indexedReport } from '../../server/src/analysis/features/indexedReport';
import { WorkspaceIndex, type ReportReader } from '../../server/src/lsp/workspaceIndex';
import type { WorkspaceFileSystem } from '../../server/src/lsp/workspaceFiles';
import { workerReaders } from '../../server/src/node/indexWorkers';
import { tempDir } from '../helpers/cli';
import { corpus } from '../helpers/corpus';
import { ensureServerBuilt, SERVER } from '../helpers/lspClient';

const ROOT = 'file:///w';
const report = (title: string, item: string) => `# Postmortem: ${title}\n\n## Summary\n\nThe ${title} failed.\n\n## Action Items\n\n- [ ] ${item} (owner: @ana, due: 2001-01-01)\n`;
const FILES: Record<string, string> = {
  'a.md': report('A', 'Add an alert'),
  'b/c.md': report('C', 'Write a runbook'),
  'b/d.md': report('D', 'Raise the pool'),
  'e.md': report('E', 'Lower the TTL'),
  'notes.md': '# Meeting notes\n\n- Buy cake\n',
  'z.md': report('Z', 'Add a canary'),
};

/** The files above as a workspace folder at `file:///w`. */
const memoryFiles: WorkspaceFileSystem = {
  async readDirectory(uri) {
    const prefix = uri === ROOT ? '' : `${uri.slice(ROOT.length + 1)}/`;
    const names = new Map<string, 'file' | 'folder'>();
    for (const path of Object.keys(FILES).filter((name) => name.startsWith(prefix))) {
      const [name, ...rest] = path.slice(prefix.length).split('/');
      names.set(name, rest.length ? 'folder' : 'file');
    }
    return [...names].map(([name, kind]) => ({ name, kind }));
  },
  async readText(uri) {
    const text = FILES[uri.slice(ROOT.length + 1)];
    return text ?? Promise.reject(new Error(`${uri} not found`));
  },
};

async function indexWith(bulkReader?: (files: number) => ReportReader | undefined) {
  const logged: string[] = [];
  const told: string[] = [];
  const index = new WorkspaceIndex({
    files: memoryFiles,
    folders: () => [ROOT],
    exclusion: async () => () => false,
    inputFor: async (_uri, text) => ({ text, layers: [{ today: '2026-12-03' }] }),
    bulkReader,
    isOpen: () => false,
    progress: async () => undefined,
    changed: () => undefined,
    log: (message) => logged.push(message),
    info: (message) => told.push(message.replace(/ in [\d.]+ s:/, ' in N s:')),
  });
  await index.rebuild();
  return { entries: [...index.entries()], logged, told };
}

/** Reads several files at once and finishes them last first. */
function lastFirstReader(fail?: string): ReportReader & { closed: boolean } {
  let delay = 40;
  const reader = {
    parallelism: 3,
    closed: false,
    describe: () => 'three at a time',
    read: (input: AnalyzeInput, fallbackTitle: string) =>
      new Promise<ReturnType<typeof indexedReport>>((resolve, reject) => {
        setTimeout(() => (fallbackTitle === fail ? reject(new Error('the reader broke')) : resolve(indexedReport(input, fallbackTitle))), (delay -= 10));
      }),
    close: async () => {
      reader.closed = true;
    },
  };
  return reader;
}

test('files read several at once, finishing in any order, give the index of one-at-a-time reads, in walk order', async () => {
  const oneAtATime = await indexWith();
  assert.deepEqual(
    oneAtATime.entries.map((entry) => entry.uri),
    ['a.md', 'b/c.md', 'b/d.md', 'e.md', 'z.md'].map((name) => `${ROOT}/${name}`),
  );
  const reader = lastFirstReader();
  const severalAtOnce = await indexWith((files) => (files === 6 ? reader : undefined));
  assert.deepEqual(severalAtOnce.entries, oneAtATime.entries);
  assert.ok(reader.closed, 'the reader is closed once the full read ends');
  assert.deepEqual(oneAtATime.told, ["Read 6 Markdown files in the server's thread in N s: 5 postmortems."]);
  assert.deepEqual(severalAtOnce.told, ['Read 6 Markdown files three at a time in N s: 5 postmortems.']);
});

test('a file the reader fails on is left out and logged; the others are read', async () => {
  const { entries, logged } = await indexWith(() => lastFirstReader('e.md'));
  assert.deepEqual(
    entries.map((entry) => entry.facts.title),
    ['Postmortem: A', 'Postmortem: C', 'Postmortem: D', 'Postmortem: Z'],
  );
  assert.deepEqual(logged, [`Indexing ${ROOT}/e.md failed: the reader broke`]);
});

const temp = tempDir();
after(temp.remove);
before(() => ensureServerBuilt());

test('worker threads read the corpus into the facts the server thread reads', async () => {
  const reader = workerReaders(SERVER, 4)(1000);
  assert.ok(reader);
  assert.equal(workerReaders(SERVER, 4)(10), undefined, 'a small workspace is read in the server thread');
  assert.equal(workerReaders(SERVER, 1)(1000), undefined, 'no workers on a single core');
  const onTwoCores = workerReaders(SERVER, 2)(1000)!;
  assert.equal(onTwoCores.describe(), 'in 1 worker thread', 'a core is left to the server and V8\'s own threads');
  await onTwoCores.close();
  try {
    const documents = corpus();
    const inputs = documents.map((document): AnalyzeInput => ({ text: document.text, layers: [{ today: '2026-12-03' }], relativePath: document.name }));
    const inWorkers = await Promise.all(inputs.map((input, at) => reader.read(input, documents[at].name)));
    assert.deepEqual(inWorkers, inputs.map((input, at) => indexedReport(input, documents[at].name)));
    assert.ok(inWorkers.filter(Boolean).length > 100);
    assert.equal(reader.describe(), 'in 2 worker threads', 'the workers read every file (none fell back to the server thread)');
  } finally {
    await reader.close();
  }
});

test('a worker that stops is not used again: the file it was given and the files after it are read in the server thread', async () => {
  const stopping = join(temp.dir, 'stopping-worker.js');
  writeFileSync(stopping, 'process.exit(0);\n');
  const reader = workerReaders(stopping, 3)(1000)!;
  const input: AnalyzeInput = { text: report('A', 'Add an alert') };
  const results = await Promise.allSettled([reader.read(input, 'a.md'), reader.read(input, 'a.md'), reader.read(input, 'a.md')]);
  await reader.close();
  assert.deepEqual(
    results,
    results.map(() => ({ status: 'fulfilled', value: indexedReport(input, 'a.md') })),
  );
  assert.equal(reader.describe(), "in 2 worker threads (3 in the server's thread after a worker stopped)");
});

test('when no worker thread can start, the server thread reads every file and says so', async () => {
  // A path the worker API refuses at once (relative, without "./"), as it refuses a thread the system will not give.
  writeFileSync(join(temp.dir, 'refused-worker.js'), '');
  const cwd = process.cwd();
  process.chdir(temp.dir);
  try {
    const reader = workerReaders('refused-worker.js', 3)(1000)!;
    const input: AnalyzeInput = { text: report('A', 'Add an alert') };
    assert.deepEqual(await reader.read(input, 'a.md'), indexedReport(input, 'a.md'));
    await reader.close();
    assert.equal(reader.describe(), "in the server's thread (no worker thread could start)");
  } finally {
    process.chdir(cwd);
  }
});
