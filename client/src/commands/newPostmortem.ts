import { Position, SnippetString, Uri, window, workspace, type ExtensionContext, type TextEditor } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { errorMessage } from './documentEdits';

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

/** Every snippet the extension ships; a file that is not valid JSON is skipped. */
async function shippedSnippets(extension: ExtensionContext): Promise<SnippetDefinition[]> {
  const folder = Uri.joinPath(extension.extensionUri, 'snippets');
  const files = await workspace.fs.readDirectory(folder).then(undefined, () => []);
  const snippets: SnippetDefinition[] = [];
  for (const [name] of files.filter(([name]) => name.endsWith('.json'))) {
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(await workspace.fs.readFile(Uri.joinPath(folder, name))));
      if (parsed && typeof parsed === 'object') snippets.push(...(Object.values(parsed) as SnippetDefinition[]));
    } catch {
      // A broken snippet file costs its templates, not the command.
    }
  }
  return snippets;
}

function hasPrefix(snippet: SnippetDefinition, prefix: string): boolean {
  return Array.isArray(snippet.prefix) ? snippet.prefix.includes(prefix) : snippet.prefix === prefix;
}

/**
 * The report's title goes where the snippet asks for it: the first placeholder on its `# ` heading, with its
 * mirrors. A heading without a placeholder is replaced; a body without one gets a title line.
 */
export function withTitle(body: string, title: string): string {
  const escaped = title.replace(/[$}\\]/g, '\\$&');
  const placeholder = /^#[ \t]+[^\n$]*\$\{(\d+):/m.exec(body);
  if (placeholder) {
    const n = placeholder[1];
    return body.replace(new RegExp(`\\$\\{${n}:[^}]*\\}|\\$\\{${n}\\}|\\$${n}(?!\\d)`, 'g'), () => escaped);
  }
  if (/^#[ \t]/m.test(body)) return body.replace(/^#[ \t].*$/m, () => `# ${escaped}`);
  const frontMatter = /^---\n[^]*?\n---\n/.exec(body)?.[0] ?? '';
  return `${frontMatter}# ${escaped}\n\n${body.slice(frontMatter.length)}`;
}

/** "Checkout API outage" → "checkout-api-outage"; letters of any script are kept. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60).replace(/-+$/, '') || 'incident';
}

/** The local date as YYYY-MM-DD: the day the writer is living in. */
function today(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
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
  const uri = await freeUri(directory, `${today()}-${slugify(title)}`);
  await workspace.fs.writeFile(uri, new Uint8Array());
  return window.showTextDocument(uri);
}

/**
 * "Postmortem: New Postmortem": pick a template, name the incident, get `postmortems/YYYY-MM-DD-<slug>.md` written
 * from the template's snippet, its tab stops ready to fill. Returns the new document's uri.
 */
export async function newPostmortem(_client: LanguageClient, extension: ExtensionContext, options?: unknown): Promise<Uri | undefined> {
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
