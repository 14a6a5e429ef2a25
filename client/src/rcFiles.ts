import { Uri, workspace } from 'vscode';
import type { RcFilesParams, RcFilesResult } from '../../server/src/lsp/protocol';

const RC_FILE = '.postmortemrc.json';

/**
 * Answers the server's `postmortem/rcFiles`: the `.postmortemrc.json` files from the document's workspace folder
 * (or the root, outside one) down to the document's own folder. Read through `workspace.fs`, which reaches virtual
 * file systems (github.dev) and the browser's folders where the server, in a Web Worker, has no disk.
 */
export async function readRcFiles(params: RcFilesParams): Promise<RcFilesResult> {
  const document = Uri.parse(params.uri);
  const folder = workspace.getWorkspaceFolder(document)?.uri.path.replace(/\/+$/, '');
  const dirs: Uri[] = [];
  for (let dir = Uri.joinPath(document, '..'); ; dir = Uri.joinPath(dir, '..')) {
    dirs.unshift(dir);
    if (dir.path === folder || Uri.joinPath(dir, '..').path === dir.path) break;
  }
  const files = await Promise.all(dirs.map((dir) => readText(Uri.joinPath(dir, RC_FILE))));
  return { files: files.filter((file) => file !== undefined) };
}

async function readText(uri: Uri): Promise<RcFilesResult['files'][number] | undefined> {
  try {
    return { uri: uri.toString(), text: new TextDecoder().decode(await workspace.fs.readFile(uri)) };
  } catch (error) {
    // Most folders have no rc file; any other failure is the server's to report in the file.
    if ((error as { code?: unknown }).code === 'FileNotFound') return undefined;
    return { uri: uri.toString(), unreadable: error instanceof Error ? error.message : String(error) };
  }
}
