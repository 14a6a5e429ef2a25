import type { SourceText } from '../parsing/sourceText';
import type { Finding, Fix, TextEdit } from '../types';
import { withField } from './itemFields';

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

function toOffsets(source: SourceText, edits: TextEdit[]): OffsetEdit[] {
  return edits.map((edit) => ({ start: source.offsetAt(edit.range.start), end: source.offsetAt(edit.range.end), newText: edit.newText }));
}

/** Applies edits that do not overlap (a later overlapping edit is dropped). */
export function applyEdits(source: SourceText, edits: TextEdit[]): string {
  const sorted = toOffsets(source, edits).sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) continue;
    result += source.text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + source.text.slice(cursor);
}

/** The fix fix-all applies for a finding: its preferred one, or its only one. */
export function fixForFixAll(finding: Finding, allowPlaceholders: boolean): Fix | undefined {
  const candidates = finding.fixes.filter((fix) => allowPlaceholders || !fix.placeholder);
  return candidates.find((fix) => fix.isPreferred) ?? (finding.fixes.length === 1 ? candidates[0] : undefined);
}

/**
 * One pass of fix-all: the chosen fix of every finding, skipping a fix that overlaps one already taken
 * (the next pass takes it once the text has settled). Fields appended to the same item (an owner, a due date) are
 * written together, as the later field's fix would write them on the text after the earlier one: one pass, not one
 * per field.
 */
export function collectFixAllEdits(source: SourceText, findings: Finding[], allowPlaceholders: boolean): { edits: TextEdit[]; fixedFindings: number } {
  const taken: Array<{ start: number; end: number }> = [];
  const edits: TextEdit[] = [];
  /** The edits taken that insert fields, by where they insert; copies, as more fields are written into them. */
  const fieldInsertions = new Map<number, TextEdit>();
  let fixedFindings = 0;
  for (const finding of findings) {
    const fix = fixForFixAll(finding, allowPlaceholders);
    if (!fix) continue;
    const spans = toOffsets(source, fix.edits);
    const insertsField = fix.appendsField && spans.length === 1 && spans[0].start === spans[0].end ? spans[0].start : undefined;
    const joined = insertsField === undefined ? undefined : fieldInsertions.get(insertsField);
    if (joined && fix.appendsField) {
      joined.newText = withField(joined.newText, fix.appendsField);
      fixedFindings++;
      continue;
    }
    const overlaps = spans.some((span) => taken.some((other) => span.start < other.end && other.start < span.end || (span.start === other.start && span.end === other.end)));
    if (overlaps) continue;
    taken.push(...spans.map(({ start, end }) => ({ start, end })));
    if (insertsField === undefined) edits.push(...fix.edits);
    else {
      const insertion = { ...fix.edits[0] };
      fieldInsertions.set(insertsField, insertion);
      edits.push(insertion);
    }
    fixedFindings++;
  }
  return { edits, fixedFindings };
}
