/// <reference types="mocha" />
/**
 * Helpers of the extension-host suite (run by `npm run test:vscode` inside a real VS Code). The workspace is the
 * folder `.vscode-test.mjs` prepares: the seeds as `seed-000.md` ... `seed-004.md` and a plain `README.md`.
 */
import { Uri, extensions, languages, window, workspace, type Diagnostic, type TextEditor } from 'vscode';
import type { PostmortemApi } from '../../client/src/outline';

export const EXTENSION_ID = 'postmortem-writer.postmortem-writer';

/** Polls until `probe` returns a value other than undefined/false; fails with `what` after the time limit. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, limitMs = 30_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function workspaceFile(name: string): Uri {
  const folder = workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The suite runs with the workspace folder prepared by .vscode-test.mjs.');
  return Uri.joinPath(folder.uri, name);
}

/** Opens a workspace file in the active editor. */
export async function open(name: string): Promise<TextEditor> {
  return window.showTextDocument(await workspace.openTextDocument(workspaceFile(name)));
}

/** The extension, activated, and the API its `activate` returns. */
export async function activeExtension(): Promise<PostmortemApi> {
  const extension = extensions.getExtension<PostmortemApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in the test instance.`);
  return extension.activate();
}

/** The rule id of a diagnostic: its `code`, plain or with the documentation link. */
export function ruleId(diagnostic: Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

/** The server's diagnostics for a file, once they arrive. */
export function postmortemDiagnostics(uri: Uri): Diagnostic[] {
  return languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'postmortem');
}
