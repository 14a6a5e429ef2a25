import { Uri, commands, env, window, workspace, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { RULES_REQUEST, type RuleInfo } from '../../../server/src/lsp/protocol';
import { errorMessage } from './documentEdits';

/** The page shipped with the extension (`docs/rules/<id>.md`), when there is one. */
async function localPage(extension: ExtensionContext, id: string): Promise<Uri | undefined> {
  const page = Uri.joinPath(extension.extensionUri, 'docs', 'rules', `${id}.md`);
  try {
    await workspace.fs.stat(page);
    return page;
  } catch {
    return undefined;
  }
}

/**
 * "Postmortem: Show Rule Documentation": pick a rule (or pass its id), read its page in the Markdown preview;
 * the online page when the extension does not ship it.
 */
export async function showRuleDocumentation(client: BaseLanguageClient, extension: ExtensionContext, ruleId?: unknown): Promise<void> {
  let rules: RuleInfo[];
  try {
    rules = await client.sendRequest<RuleInfo[]>(RULES_REQUEST);
  } catch (error) {
    void window.showErrorMessage(`The list of rules is not available: ${errorMessage(error)}`);
    return;
  }
  const rule =
    rules.find((candidate) => candidate.id === ruleId) ??
    (
      await window.showQuickPick(
        rules.map((candidate) => ({ label: candidate.id, description: candidate.fixable ? 'fixable' : undefined, detail: candidate.description, rule: candidate })),
        { title: 'Postmortem rules', placeHolder: 'Rule to read about', matchOnDetail: true },
      )
    )?.rule;
  if (!rule) return;
  const page = await localPage(extension, rule.id);
  if (page) await commands.executeCommand('markdown.showPreview', page);
  else await env.openExternal(Uri.parse(rule.docs));
}
