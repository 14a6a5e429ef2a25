import { Position, SnippetString, window, type ExtensionContext, type TextEditor } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { Range as ProtocolRange } from '../../../server/src/analysis/types';
import type { OutlineModel, OutlineTimelineEntry } from '../../../server/src/lsp/protocol';
import { requestOutline } from '../outline/outlineTracker';
import { errorMessage } from './documentEdits';
import { clockNow } from './timelineClock';

interface Placement {
  position: Position;
  /** Line breaks to write before the entry. */
  before: string;
  /** The entry the new one is written like (a list item, a line, a table row). */
  like?: OutlineTimelineEntry;
}

const covers = (range: ProtocolRange, line: number) => range.start.line <= line && line <= range.end.line;

/**
 * Where the entry goes: after the entry under the cursor; on the cursor's empty line inside the timeline; after
 * the timeline's last entry; under the timeline heading; else at the cursor.
 */
function placement(editor: TextEditor, model: OutlineModel): Placement {
  const { document, selection } = editor;
  const line = selection.active.line;
  const after = (entry: OutlineTimelineEntry): Placement => ({ position: new Position(entry.range.end.line, entry.range.end.character), before: '\n', like: entry });
  const current = model.timeline.find((entry) => covers(entry.range, line));
  if (current) return after(current);
  const timelines = model.sections.filter((section) => section.kinds.includes('timeline'));
  const section = timelines.find((candidate) => covers(candidate.range, line)) ?? timelines[0];
  const entries = model.timeline.filter((entry) => !section || covers(section.range, entry.range.start.line));
  const last = entries[entries.length - 1] ?? model.timeline[model.timeline.length - 1];
  const emptyLine = document.lineAt(line).isEmptyOrWhitespace;
  if (emptyLine && section && covers(section.range, line)) return { position: new Position(line, 0), before: '', like: last };
  if (last) return after(last);
  if (section) return { position: document.lineAt(section.headingRange.end.line).range.end, before: '\n\n' };
  return emptyLine ? { position: new Position(line, 0), before: '' } : { position: document.lineAt(line).range.end, before: '\n' };
}

/** The new entry, written like its neighbour: `- **14:05 UTC** — `, a line `**14:05 UTC** — `, or a table row. */
function entrySnippet(editor: TextEditor, where: Placement, clock: string): SnippetString {
  const snippet = new SnippetString().appendText(where.before);
  if (where.like?.kind === 'table-row') {
    const row = editor.document.lineAt(where.like.lineRange.start.line).text.trim().replace(/^\||\|$/g, '');
    const cells = row.split(/(?<!\\)\|/).length;
    return snippet.appendText(`| **${clock}** | `).appendTabstop(0).appendText(` |${' |'.repeat(Math.max(cells - 2, 0))}`);
  }
  return snippet.appendText(`${where.like?.kind === 'line' ? '' : '- '}**${clock}** — `).appendTabstop(0);
}

/** "Postmortem: Insert Timeline Entry": an entry stamped now, in the document's declared zone, where the timeline is. */
export async function insertTimelineEntry(client: BaseLanguageClient, _extension: ExtensionContext): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void window.showInformationMessage('Open a postmortem Markdown file to add a timeline entry.');
    return;
  }
  let model: OutlineModel;
  try {
    model = await requestOutline(client, editor.document.uri.toString());
  } catch (error) {
    void window.showErrorMessage(`The timeline entry could not be added: ${errorMessage(error)}`);
    return;
  }
  // Positions come from this version: typing meanwhile would shift them.
  if (model.version !== editor.document.version) {
    void window.showInformationMessage('The file changed while the timeline was read. Run "Insert Timeline Entry" again.');
    return;
  }
  const where = placement(editor, model);
  await editor.insertSnippet(entrySnippet(editor, where, clockNow(new Date(), model.timezone)), where.position);
}
