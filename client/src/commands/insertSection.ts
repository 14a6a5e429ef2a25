import { Range, window, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { INSERT_SECTION_COMMAND } from '../../../server/src/lsp/protocol';
import { requestOutline } from '../outline/outlineTracker';
import { errorMessage, runServerEdit, targetDocument } from './documentEdits';

/** The missing section to add: the one a view row names, else the user's pick among the template's missing sections. */
async function pickSection(client: BaseLanguageClient, uri: string): Promise<string | undefined> {
  const model = await requestOutline(client, uri);
  if (!model.isPostmortem) {
    void window.showInformationMessage('This file is not checked as a postmortem, so it has no template sections to add.');
    return undefined;
  }
  if (!model.missingSections.length) {
    void window.showInformationMessage(`This postmortem has every section of the ${model.template} template.`);
    return undefined;
  }
  const items = [...model.missingSections]
    .sort((a, b) => Number(b.required) - Number(a.required))
    .map((section) => ({ label: section.title, description: section.required ? 'expected' : 'optional', id: section.id }));
  const picked = await window.showQuickPick(items, { title: `Add a section of the ${model.template} template`, placeHolder: 'Section to insert' });
  return picked?.id;
}

/**
 * "Postmortem: Insert Missing Section" and the click on a missing section in the Sections view: the server inserts
 * the heading with its prompt where the template puts it; the cursor then moves to it.
 */
export async function insertSection(client: BaseLanguageClient, _extension: ExtensionContext, uri?: unknown, sectionId?: unknown): Promise<void> {
  const document = await targetDocument(uri, 'add a section');
  if (!document) return;
  try {
    const id = typeof sectionId === 'string' ? sectionId : await pickSection(client, document.uri.toString());
    if (!id || !(await runServerEdit(client, INSERT_SECTION_COMMAND, document, [id], 'That section is already there.'))) return;
    const inserted = (await requestOutline(client, document.uri.toString())).sections.find((section) => section.kinds.includes(id));
    const start = inserted?.headingRange.start;
    const selection = start && new Range(start.line, start.character, start.line, start.character);
    await window.showTextDocument(document, selection ? { selection } : {});
  } catch (error) {
    void window.showErrorMessage(`The section could not be added: ${errorMessage(error)}`);
  }
}
