/**
 * `npm run bench`: builds the production bundles and the .vsix, then measures keystroke latency (ours and the
 * peers on the same documents and edits), CLI throughput, memory with the corpus open and start-up. Prints a
 * table, writes bench/out/results.json, and replaces the figures in bench/RESULTS.md (the text around them,
 * which explains the gaps, is kept). Figures are printed, never asserted: they depend on the machine.
 *
 * `--quick` takes fewer samples (a smoke run of the harness). One scenario alone: `node --import tsx bench/workspaceIndex.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchDocuments, corpusFiles, ROOT, type BenchDocument } from './buildDocuments';
import { cliThroughput, type CliRuns } from './cli';
import { fixAllInProcess, keystrokes, markdownlintPerEdit, markdownServer, oursInProcess, oursOverLsp, stats, type Stats } from './keystrokes';
import { fileKb, initializeTimes, markdownServerWithCorpusOpen, oursUnderSustainedTyping, oursWithCorpusOpen } from './memoryAndStartup';
import { workspaceIndexing } from './workspaceIndex';

const quick = process.argv.includes('--quick');
const WARMUP = quick ? 2 : 5;
const RESULTS = join(ROOT, 'bench/RESULTS.md');
const START = '<!-- bench:figures -->';
const END = '<!-- /bench:figures -->';

/** Edits per document: fewer on the 500 KB report, where a peer takes seconds per edit. */
function editCount(document: BenchDocument, peer: boolean): number {
  const large = document.text.length > 200_000;
  if (quick) return large ? 4 : 8;
  return large ? (peer ? 10 : 30) : 40;
}

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** Growth of resident memory from the first checkpoint of the typing scenario to the last, in percent. */
function growth(typing: Array<{ settledMb: number }>): number {
  return ((typing[1].settledMb - typing[0].settledMb) / typing[0].settledMb) * 100;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

interface DocumentLatency {
  name: string;
  characters: number;
  sources: string[];
  ours: Stats;
  oursInProcess: Stats;
  oursFullParse: Stats;
  fixAll: { time: Stats; fixed: number; passes: number };
  markdownServer: Stats;
  markdownlint: Stats;
}

async function latency(document: BenchDocument): Promise<DocumentLatency> {
  const typed = keystrokes(document.text, WARMUP + editCount(document, false));
  const peerTyped = typed.slice(0, WARMUP + editCount(document, true));
  log(`keystrokes: ${document.name} (${document.text.length} characters)`);
  const ours = stats(await oursOverLsp(document, typed, WARMUP));
  const markdown = stats((await markdownServer(document, typed, WARMUP)).times);
  const lint = stats(markdownlintPerEdit(peerTyped, WARMUP).times);
  const inProcess = stats(oursInProcess(document, typed, WARMUP, true).times);
  const fullParse = stats(oursInProcess(document, peerTyped, WARMUP, false).times);
  // The median of three on the large report: one run is at the mercy of the machine's pace (each costs about a second).
  const fix = fixAllInProcess(document, quick ? 1 : document.text.length > 200_000 ? 3 : 5);
  return {
    name: document.name,
    characters: document.text.length,
    sources: document.sources,
    ours,
    oursInProcess: inProcess,
    oursFullParse: fullParse,
    fixAll: { time: stats(fix.times), fixed: fix.fixed, passes: fix.passes },
    markdownServer: markdown,
    markdownlint: lint,
  };
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const pair = (value: Stats) => `${ms(value.median)} / ${ms(value.p95)}`;
const ratio = (ours: number, theirs: number) => `${(ours / theirs).toFixed(2)}×`;

function table(rows: string[][]): string {
  const header = rows[0];
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.slice(1).map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function machine(): string[] {
  const cpu = cpus();
  const [one, five] = loadavg();
  return [
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- Machine: ${cpu.length} cores (\`nproc\`), ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB memory, Node ${process.version}`,
    `- Load average when the run ended: ${one.toFixed(1)} (1 min), ${five.toFixed(1)} (5 min): other work shared the cores, so wall times include waiting for a core.`,
  ];
}

async function main(): Promise<void> {
  mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
  log('building: npm run package (production bundles and the .vsix)');
  const packaged = run('npm', ['run', 'package']);
  const vsix = readdirSync(join(ROOT, 'dist')).find((file) => file.endsWith('.vsix'));
  if (!packaged.ok) log(`npm run package failed; bundles measured as built:\n${packaged.output.slice(-2000)}`);
  if (!existsSync(join(ROOT, 'dist/server.js'))) throw new Error('dist/server.js is missing');

  const sizes = { client: fileKb('dist/client.js'), server: fileKb('dist/server.js'), cli: fileKb('dist/cli.js') + fileKb('dist/cli-core.js'), vsix: packaged.ok && vsix ? fileKb(`dist/${vsix}`) : undefined };
  log('start-up: spawn to initialize result');
  const initialize = await initializeTimes(quick ? 2 : 7);

  const documents = benchDocuments();
  const latencies: DocumentLatency[] = [];
  for (const document of documents) latencies.push(await latency(document));

  log('CLI throughput over the corpus');
  const cli = cliThroughput(quick ? 1 : 5);
  log('memory with the corpus open');
  const memory = await oursWithCorpusOpen();
  const markdownMemory = await markdownServerWithCorpusOpen();
  log('memory under sustained typing (minutes)');
  const typing = await oursUnderSustainedTyping(quick ? [100, 1_000] : [1_000, 10_000]);
  log('workspace index: the corpus ten times over');
  const indexing = await workspaceIndexing();

  const results = { date: new Date().toISOString(), quick, sizes, initialize, latencies, cli, memory: { ...memory, markdownServerMb: markdownMemory, typing }, indexing, loadavg: loadavg() };
  writeFileSync(join(ROOT, 'bench/out/results.json'), `${JSON.stringify(results, null, 2)}\n`);

  // Restore the development bundles (source maps) the tests and other tools expect.
  run('node', ['scripts/build.mjs']);

  const typical = latencies[0];
  const large = latencies[latencies.length - 1];
  const perFile = (runs: CliRuns, which: 'wall' | 'cpu') => (runs[which] ? runs.files / (runs[which]!.median / 1000) : NaN);
  const targets = [
    ['Keystroke median, typical report', '≤ 10 ms', `${ms(typical.ours.median)} ms`, typical.ours.median <= 10],
    ['Keystroke median, typical report, vs the Markdown server', '≤ 1.00×', `${(typical.ours.median / typical.markdownServer.median).toFixed(2)}× (${ms(typical.ours.median)} vs ${ms(typical.markdownServer.median)} ms)`, typical.ours.median <= typical.markdownServer.median],
    ['Keystroke median, 500 KB report', '≤ 100 ms', `${ms(large.ours.median)} ms`, large.ours.median <= 100],
    ['Fix-all as on save, 50 KB report', '≤ 100 ms', `${ms(latencies[1].fixAll.time.median)} ms`, latencies[1].fixAll.time.median <= 100],
    ['Fix-all as on save, 500 KB report', '≤ 500 ms', `${ms(large.fixAll.time.median)} ms`, large.fixAll.time.median <= 500],
    ['CLI files/s vs markdownlint-cli2 (wall)', '≥ 1.00×', ratio(perFile(cli.ours, 'wall'), perFile(cli.markdownlint, 'wall')), perFile(cli.ours, 'wall') >= perFile(cli.markdownlint, 'wall')],
    ['CLI files/s vs markdownlint-cli2 (CPU)', '≥ 1.00×', ratio(perFile(cli.ours, 'cpu'), perFile(cli.markdownlint, 'cpu')), perFile(cli.ours, 'cpu') >= perFile(cli.markdownlint, 'cpu')],
    ['Server memory after 10,000 keystrokes, corpus open', '≤ 200 MB', `${typing[1].settledMb.toFixed(0)} MB after ${typing[1].keystrokes}`, typing[1].settledMb <= 200],
    ['Memory growth, 1,000 → 10,000 keystrokes', '< 10%', `${growth(typing).toFixed(1)}% (${typing[0].settledMb.toFixed(0)} → ${typing[1].settledMb.toFixed(0)} MB)`, growth(typing) < 10],
    ['Server memory, corpus open (settled)', '≤ 150 MB', `${memory.settledMb.toFixed(0)} MB (${memory.residentMb.toFixed(0)} MB right after the analyses)`, memory.settledMb <= 150],
    ['Workspace index, 1,000 reports: time', '≤ 5 s', `${(indexing.indexMs / 1000).toFixed(1)} s`, indexing.indexMs <= 5000],
    ['Workspace index, 1,000 reports: server memory', '≤ 250 MB', `${indexing.residentMb.toFixed(0)} MB (${indexing.settledMb.toFixed(0)} MB idle, ${indexing.peakMb.toFixed(0)} MB at most while indexing)`, indexing.residentMb <= 250],
    ['.vsix size', '≤ 1 MB', sizes.vsix === undefined ? 'not built' : `${(sizes.vsix / 1024).toFixed(2)} MB`, sizes.vsix !== undefined && sizes.vsix <= 1024],
  ] as const;

  const lines = [
    START,
    ...machine(),
    quick ? '- **Quick run (`--quick`): few samples, figures indicative only.**' : '',
    '',
    '### Targets',
    '',
    table([['Target', 'Goal', 'Measured', 'Met'], ...targets.map(([name, goal, value, met]) => [name, goal, value, met ? 'yes' : '**no**'])]),
    '',
    '### Keystroke latency (ms, median / p95)',
    '',
    'One character typed per edit at the end of a prose line in the middle of the document; each edit timed until its diagnostics are back. ' +
      `Ours: built \`dist/server.js --stdio\`, push diagnostics, \`debounceMs: 0\`. Markdown server: \`textDocument/diagnostic\` after each edit, link validation on. markdownlint: \`lint\` (sync, default rules) over the whole text. ${WARMUP} warm-up edits not counted.`,
    '',
    table([
      ['Document', 'Chars', 'Ours (LSP)', 'Ours in process', 'Ours, no parse cache', 'Markdown server (LSP)', 'markdownlint lint()', 'Ours / Markdown server', 'Ours / markdownlint'],
      ...latencies.map((row) => [
        row.name,
        String(row.characters),
        pair(row.ours),
        pair(row.oursInProcess),
        pair(row.oursFullParse),
        pair(row.markdownServer),
        pair(row.markdownlint),
        ratio(row.ours.median, row.markdownServer.median),
        ratio(row.ours.median, row.markdownlint.median),
      ]),
    ]),
    '',
    `Samples: ours ${latencies.map((row) => row.ours.samples).join('/')}, markdownlint and "no parse cache" ${latencies.map((row) => row.markdownlint.samples).join('/')} (typical/50 KB/500 KB).`,
    '',
    '### Fix all, as on save',
    '',
    'Fix-all (placeholder fixes included, as the editor applies them) in process, from the analysis the server already has of the document, passes until the text settles: what `source.fixAll.postmortem` on save waits for.',
    '',
    table([
      ['Document', 'Median (ms)', 'Runs', 'Problems fixed', 'Passes'],
      ...latencies.map((row) => [row.name, ms(row.fixAll.time.median), String(row.fixAll.time.samples), String(row.fixAll.fixed), String(row.fixAll.passes)]),
    ]),
    '',
    '### CLI throughput over the corpus',
    '',
    table([
      ['Tool', 'Files', 'Wall median (ms)', 'Files/s (wall)', 'CPU median (ms)', 'Files/s (CPU)', 'Exit code'],
      ...([['postmortem-lint --format json', cli.ours], ['markdownlint-cli2 (defaults)', cli.markdownlint]] as const).map(([name, runs]) => [
        name,
        String(runs.files),
        ms(runs.wall.median),
        perFile(runs, 'wall').toFixed(1),
        runs.cpu ? ms(runs.cpu.median) : 'n/a',
        runs.cpu ? perFile(runs, 'cpu').toFixed(1) : 'n/a',
        String(runs.exitCode),
      ]),
    ]),
    '',
    `Ours / markdownlint-cli2 files per second: ${ratio(perFile(cli.ours, 'wall'), perFile(cli.markdownlint, 'wall'))} (wall), ${
      cli.ours.cpu ? ratio(perFile(cli.ours, 'cpu'), perFile(cli.markdownlint, 'cpu')) : 'n/a'
    } (CPU); ${cli.ours.wall.samples} runs each, alternated.`,
    '',
    '### Memory and start-up',
    '',
    table([
      ['Figure', 'Value'],
      [`Our server, resident after opening all ${memory.documents} corpus documents`, `${memory.residentMb.toFixed(0)} MB when the last diagnostics arrive, ${memory.settledMb.toFixed(0)} MB after 10 s idle (${memory.initialMb.toFixed(0)} MB right after initialize)`],
      ['Markdown server, same documents (diagnostics pulled)', `${markdownMemory.residentMb.toFixed(0)} MB, ${markdownMemory.settledMb.toFixed(0)} MB after 10 s idle`],
      ['dist/client.js (production)', `${sizes.client.toFixed(0)} KB`],
      ['dist/server.js (production)', `${sizes.server.toFixed(0)} KB`],
      ['dist/cli.js + dist/cli-core.js (production)', `${sizes.cli.toFixed(0)} KB`],
      ['.vsix', sizes.vsix === undefined ? 'not built' : `${sizes.vsix.toFixed(0)} KB`],
      ['Spawn to `initialize` result (median / p95)', `${pair(initialize)} ms`],
    ]),
    '',
    '### Workspace index',
    '',
    `The corpus copied ${indexing.files / corpusFiles().length} times into a temporary workspace folder (${indexing.files} Markdown files), the built server over stdio with that folder: from \`initialized\` to the \`postmortem/followUpsChanged\` notification that ends the first full read. The server reads the files in worker threads, one per core but one and at most two: CPU time counts all the server's threads, the peak is the most memory it held meanwhile (workers included).`,
    '',
    table([
      ['Files', 'Postmortems indexed', 'Action items', 'Time to index', 'Server CPU time', 'Resident memory after indexing', 'Peak while indexing', 'After 8 s idle'],
      [
        String(indexing.files),
        String(indexing.reports),
        String(indexing.actionItems),
        `${(indexing.indexMs / 1000).toFixed(1)} s`,
        `${(indexing.cpuMs / 1000).toFixed(1)} s`,
        `${indexing.residentMb.toFixed(0)} MB`,
        `${indexing.peakMb.toFixed(0)} MB`,
        `${indexing.settledMb.toFixed(0)} MB`,
      ],
    ]),
    '',
    '### Benchmark documents',
    '',
    ...latencies.map((row) => `- ${row.name}: ${row.characters} characters from ${row.sources.length === 1 ? row.sources[0] : `${row.sources.length} files: ${compactSources(row.sources)}`}`),
    END,
  ].filter((line, index, all) => line !== '' || all[index - 1] !== '');
  const figures = lines.join('\n');
  console.log(figures);
  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : `# Benchmark results\n\n${START}\n${END}\n`;
  const updated = previous.includes(START) && previous.includes(END) ? previous.slice(0, previous.indexOf(START)) + figures + previous.slice(previous.indexOf(END) + END.length) : `${previous}\n${figures}\n`;
  writeFileSync(RESULTS, updated);
  log(`figures written to ${RESULTS} and bench/out/results.json`);
}

/** "corpus/industry/001.md … 025.md, corpus/student/001.md … 070.md": runs of one folder in order, shortened. */
function compactSources(sources: string[]): string {
  const runs: string[] = [];
  let first = sources[0];
  let last = first;
  const folder = (path: string) => path.slice(0, path.lastIndexOf('/'));
  const name = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  for (const source of [...sources.slice(1), '']) {
    if (source && folder(source) === folder(last) && source > last) {
      last = source;
      continue;
    }
    runs.push(first === last ? first : `${first} to ${name(last)}`);
    first = last = source;
  }
  return runs.join(', ');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
