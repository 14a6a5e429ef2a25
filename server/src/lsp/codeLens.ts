/**
 * `textDocument/codeLens`: above each timeline heading, "Sort timeline" and "Normalize times to UTC" (running the
 * server's edit commands with the document's uri, so they work in any editor) and the incident's length.
 */
import type { CodeLens } from 'vscode-languageserver';
import { timelineLenses, type TimelineLensAction } from '../analysis/features/timelineLenses';
import type { DocumentAnalysis } from './analyses';
import { NORMALIZE_TIMELINE_COMMAND, SORT_TIMELINE_COMMAND } from './protocol';

const COMMANDS: Record<TimelineLensAction, string> = { sort: SORT_TIMELINE_COMMAND, normalize: NORMALIZE_TIMELINE_COMMAND };

export function codeLenses(analysis: DocumentAnalysis): CodeLens[] {
  const { document, isPostmortem } = analysis.result;
  if (!document || !isPostmortem) return [];
  return timelineLenses(document).map((lens) => ({
    range: lens.range,
    // A lens without a command only informs; editors show its title as plain text.
    command: { title: lens.title, command: lens.action ? COMMANDS[lens.action] : '', arguments: lens.action ? [analysis.uri] : undefined },
  }));
}
