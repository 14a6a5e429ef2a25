import { normalizeTimelineEdits, sortTimelineEdits } from '../analysis/features/timelineEdits';
import type { PostmortemDocument } from '../analysis/model';
import type { TextEdit } from '../analysis/types';
import type { DocumentAnalysis } from './analyses';
import { fixAllEdit } from './fixAll';
import { invalidParams } from './guard';
import { missingSectionsOutline } from './outline';
import { APPLY_FIX_ALL_COMMAND, INSERT_SECTION_COMMAND, NORMALIZE_TIMELINE_COMMAND, SORT_TIMELINE_COMMAND } from './protocol';

/** A `workspace/executeCommand` command that edits one document (see `protocol.ts`). */
export interface EditCommand {
  /** The name of the change in the editor's undo history. */
  label: string;
  /** The edits for the analysed version; none when there is nothing to change. `args` are the command's arguments. */
  edits(analysis: DocumentAnalysis, args: readonly unknown[]): TextEdit[];
}

/** Every fix of the document (placeholders included), as one minimal edit. */
export function fixAllEdits(analysis: DocumentAnalysis): TextEdit[] {
  const edit = fixAllEdit(analysis, { allowPlaceholders: true });
  return edit ? [edit] : [];
}

/** The template section `id` (`args[1]`) with its prompt, where the template puts it; none when it is already there. */
function insertSectionEdits(analysis: DocumentAnalysis, args: readonly unknown[]): TextEdit[] {
  const id = args[1];
  if (typeof id !== 'string') throw invalidParams('Expected the arguments [uri, sectionId].');
  const { document, config, isPostmortem } = analysis.result;
  if (!document || !isPostmortem) return [];
  const missing = missingSectionsOutline(document, config.template).find((section) => section.id === id);
  return missing ? [missing.insert] : [];
}

/** The edits of a timeline command for a postmortem; none for other documents. */
function timelineEdits(compute: (document: PostmortemDocument) => TextEdit[]): (analysis: DocumentAnalysis) => TextEdit[] {
  return (analysis) => {
    const { document, isPostmortem } = analysis.result;
    return document && isPostmortem ? compute(document) : [];
  };
}

export const EDIT_COMMANDS: ReadonlyMap<string, EditCommand> = new Map([
  [APPLY_FIX_ALL_COMMAND, { label: 'Fix all postmortem problems', edits: fixAllEdits }],
  [INSERT_SECTION_COMMAND, { label: 'Insert postmortem section', edits: insertSectionEdits }],
  [SORT_TIMELINE_COMMAND, { label: 'Sort timeline', edits: timelineEdits(sortTimelineEdits) }],
  [NORMALIZE_TIMELINE_COMMAND, { label: 'Normalize timeline to UTC', edits: timelineEdits((document) => normalizeTimelineEdits(document)) }],
]);
