import { Position, SnippetString, Uri, window, workspace, type ExtensionContext, type TextEditor } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { errorMessage } from './documentEdits';
import { localDate, slugify, withTitle } from './newPostmortemText';

/** A snippet as VS Code reads it from `snippets/*.json`. */
interface SnippetDefinition {
  prefix?: string | string[];
  body?: string | string[];
  description?: string;
}

/** The built-in templates and the prefix of the snippet that writes a whole report for each. */
const TEMPLATES = [
  { template: 'essential', prefix: 'postmortem', label: 'Essential' },
  { template: 'google-sre', prefix: 'postmortem-google', label: 'Google SRE' },
  { template: 'pagerduty', prefix: 'postmortem-pagerduty', label: 'PagerDuty' },
  { template: 'atlassian', prefix: 'postmortem-atlassian', label: 'Atlassian' },
];

/** Options that skip the questions (tests, other extensions, a walkthrough button with arguments). */
interface NewPostmortemOptions {
  template?: string;
  title?: string;
}

/** The Markdown snippets the extension contributes (`contributes.snippets`); a file that is not valid JSON is skipped. */
async function shippedSnippets(extension: ExtensionContext): Promise<SnippetDefinition[]> {
  const contributed = (extension.extension.packageJSON as { contributes?: { snippets?: Array<{ language?: string; path?: string }> } }).contributes?.snippets ?? [];
  const snippets: SnippetDefinition[] = [];
  for (const { path } of contributed.filter((entry) => entry.language === 'markdown' && entry.path)) {
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(await workspace.fs.readFile(Uri.joinPath(extension.extensionUri, path!))));
      if (parsed && typeof parsed === 'object') snippets.push(...(Object.values(parsed) as SnippetDefinition[]));
    } catch {
      // A missing or broken snippet file costs its templates, not the command.
    }
  }
  return snippets;
}

function hasPrefix(snippet: SnippetDefinition, prefix: string): boolean {
  return Array.isArray(snippet.prefix) ? snippet.prefix.includes(prefix) : snippet.prefix === prefix;
}

/** `postmortems/<name>.md` in the folder, or `<name>-2.md`, ... when that file exists. */
async function freeUri(folder: Uri, name: string): Promise<Uri> {
  for (let attempt = 1; ; attempt++) {
    const uri = Uri.joinPath(folder, `${name}${attempt === 1 ? '' : `-${attempt}`}.md`);
    const exists = await workspace.fs.stat(uri).then(() => true, () => false);
    if (!exists) return uri;
  }
}

/** A new, saved file in the first workspace folder's `postmortems/`, or an untitled document without a folder. */
async function openNewReport(title: string): Promise<TextEditor> {
  const folder = workspace.workspaceFolders?.[0];
  if (!folder) return window.showTextDocument(await workspace.openTextDocument({ language: 'markdown' }));
  const directory = Uri.joinPath(folder.uri, 'postmortems');
  await workspace.fs.createDirectory(directory);
  const uri = await freeUri(directory, `${localDate(new Date())}-${slugify(title)}`);
  await workspace.fs.writeFile(uri, new Uint8Array());
  return window.showTextDocument(uri);
}

/**
 * "Postmortem: New Postmortem": pick a template, name the incident, get `postmortems/YYYY-MM-DD-<slug>.md` written
 * from the template's snippet, its tab stops ready to fill. Returns the new document's uri.
 */
export async function newPostmortem(_client: BaseLanguageClient, extension: ExtensionContext, options?: unknown): Promise<Uri | undefined> {
  const given = (options && typeof options === 'object' ? options : {}) as NewPostmortemOptions;
  const snippets = await shippedSnippets(extension);
  const choices = TEMPLATES.flatMap((template) => {
    const snippet = snippets.find((candidate) => hasPrefix(candidate, template.prefix));
    return snippet?.body ? [{ ...template, snippet, body: [snippet.body].flat().join('\n') }] : [];
  });
  if (!choices.length) {
    void window.showErrorMessage('The postmortem templates are missing from this installation of Postmortem Writer (snippets/*.json).');
    return undefined;
  }
  const choice = given.template
    ? choices.find((candidate) => candidate.template === given.template)
    : (
        await window.showQuickPick(
          choices.map((candidate) => ({ label: candidate.label, description: candidate.template, detail: candidate.snippet.description, candidate })),
          { title: 'New Postmortem (1/2): template', placeHolder: 'The sections the report starts with' },
        )
      )?.candidate;
  if (!choice) {
    if (given.template) void window.showErrorMessage(`There is no template "${given.template}". Templates: ${choices.map((candidate) => candidate.template).join(', ')}.`);
    return undefined;
  }
  const title = (
    given.title ??
    (await window.showInputBox({
      title: 'New Postmortem (2/2): title',
      prompt: 'What happened, in a few words. It names the report and its file.',
      placeHolder: 'Checkout API outage',
      validateInput: (value) => (value.trim() ? undefined : 'Give the incident a short title.'),
    }))
  )?.trim();
  if (!title) return undefined;
  try {
    const editor = await openNewReport(title);
    await editor.insertSnippet(new SnippetString(withTitle(choice.body, title)), new Position(0, 0));
    if (!editor.document.isUntitled) await editor.document.save();
    return editor.document.uri;
  } catch (error) {
    void window.showErrorMessage(`The new postmortem could not be created: ${errorMessage(error)}`);
    return undefined;
  }
}
