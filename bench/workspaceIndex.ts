/**
 * The workspace index: a temporary workspace holding the corpus ten times over (about 1,000 reports), the built
 * server over stdio with that folder, timed from `initialized` to the `postmortem/followUpsChanged` notification
 * that ends the first full read, and its resident memory then and once idle.
 *
 * Run on its own: `node --import tsx bench/workspaceIndex.ts` (after `npm run build`); arguments after it go to the
 * server's Node (`-- --cpu-prof --cpu-prof-dir=/tmp/profile` profiles the server).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FOLLOW_UPS_CHANGED_NOTIFICATION, FOLLOW_UPS_REQUEST, type FollowUpsChangedParams, type FollowUpsResult } from '../server/src/lsp/protocol';
import { CORPUS, corpusFiles } from './buildDocuments';
import { SERVER } from './keystrokes';
import { LspSession, withTimeout } from './lspSession';

export interface IndexingFigures {
  files: number;
  reports: number;
  actionItems: number;
  indexMs: number;
  /** CPU time of the server (all threads) from \`initialized\` to the end of the full read. */
  cpuMs: number;
  residentMb: number;
  /** The most the server held while indexing (its worker threads included). */
  peakMb: number;
  settledMb: number;
}

const COPIES = 10;
/** The server collects its garbage after 2 s idle, three times. */
const SETTLE_MS = 8_000;

export async function workspaceIndexing(copies = COPIES, nodeArgs: string[] = []): Promise<IndexingFigures> {
  const workspace = mkdtempSync(join(tmpdir(), 'pm-bench-index-'));
  const files = corpusFiles();
  for (let copy = 0; copy < copies; copy++) {
    for (const file of files) {
      const target = join(workspace, `copy-${copy}`, file);
      mkdirSync(dirname(target), { recursive: true });
      cpSync(join(CORPUS, file), target);
    }
  }
  let ended: (params: FollowUpsChangedParams) => void = () => undefined;
  const indexed = new Promise<FollowUpsChangedParams>((resolve) => (ended = resolve));
  const session = await LspSession.start({
    command: process.execPath,
    args: [...nodeArgs, SERVER, '--stdio'],
    workspaceFolders: [pathToFileURL(workspace).toString()],
    onRequest: (connection) => {
      connection.onNotification(FOLLOW_UPS_CHANGED_NOTIFICATION, (params: FollowUpsChangedParams) => {
        if (!params.indexing) ended(params);
      });
    },
  });
  const started = performance.now();
  const cpuAtStart = session.cpuMs();
  try {
    const { reports } = await withTimeout(indexed, 'the workspace index');
    const indexMs = performance.now() - started;
    const cpuMs = session.cpuMs() - cpuAtStart;
    const residentMb = session.residentMb();
    const peakMb = session.peakResidentMb();
    const list = await session.connection.sendRequest<FollowUpsResult>(FOLLOW_UPS_REQUEST, { groupBy: 'report', showDone: true });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return { files: files.length * copies, reports, actionItems: list.open + list.done, indexMs, cpuMs, residentMb, peakMb, settledMb: session.residentMb() };
  } finally {
    await session.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

if (require.main === module) {
  workspaceIndexing(COPIES, process.argv.slice(2).filter((arg) => arg !== '--')).then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
