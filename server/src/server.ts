/**
 * The Postmortem Writer language server: `postmortem-language-server --stdio` for any LSP client and the VS Code
 * extension (Node IPC, sockets and pipes work too). It only translates: every check and fix comes from `analysis/`.
 */
import { isMainThread } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from './languageServer';
import { describeError } from './lsp/guard';
import { collector } from './node/collector';
import { nodeFileSystem } from './node/nodeFileSystem';
import { createStdioConnection } from './node/stdioConnection';
import { readReportsForTheIndex } from './node/indexWorker';
import { workerReaders } from './node/indexWorkers';
import { diskRcSource } from './node/rcFilesOnDisk';
import { version } from '../../package.json';

const TRANSPORTS = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

// The workspace index's worker threads start this same script: they only read reports.
if (isMainThread) startServer();
else readReportsForTheIndex();

function startServer(): void {
  if (process.argv.includes('--version')) {
    process.stdout.write(`${version}\n`);
    process.exit(0);
  }
  if (!process.argv.slice(2).some((arg) => TRANSPORTS.test(arg))) {
    process.stderr.write(
      'postmortem-language-server: the Postmortem Writer language server.\n' +
        'Start it from your editor with --stdio (or --node-ipc, --socket=PORT, --pipe=NAME).\n',
    );
    process.exit(process.argv.includes('--help') ? 0 : 2);
  }

  const connection = process.argv.includes('--stdio') ? createStdioConnection() : createConnection(ProposedFeatures.all);
  // With the connection gone (the editor quit), stderr is all that is left.
  const log = startLanguageServer(connection, {
    diskRcSource,
    workspaceFiles: nodeFileSystem,
    // The index's worker threads run this same bundle (see `isMainThread` above).
    bulkReader: workerReaders(__filename),
    collectGarbage: collector(),
    lastResortLog: (message) => process.stderr.write(`${message}\n`),
  });
  process.on('uncaughtException', (error) => log.error(`Uncaught exception: ${describeError(error)}`));
  process.on('unhandledRejection', (reason) => log.error(`Unhandled rejection: ${describeError(reason)}`));
}
