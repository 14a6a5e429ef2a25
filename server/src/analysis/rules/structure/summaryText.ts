import type { PostmortemDocument, Section, SummaryFact } from '../../model';
import { firstIndex } from '../../util/firstIndex';
import { sectionsOfKind } from '../../model/walk';
import { proseBlocks, type ProseBlock } from './prose';

/** A field of the summary ("**Impact:** ..."), with its value and the lines under it up to the next field. */
export interface SummaryField {
  fact: SummaryFact;
  /** The visible words of the field's value and of the lines that continue it. */
  readonly text: string;
  start: number;
  end: number;
}

export const DURATION_FIELD = /^(?:duration|(?:outage|incident|downtime) (?:duration|window|period)|duration of .*|time ?frame|window|period|when|dates?|times?|start(?: time| date)?|end(?: time| date)?|started|ended|downtime)$/;
export const IMPACT_FIELD = /impact|affected|user experience|severity|scope/;
export const ROOT_CAUSE_FIELD = /cause|trigger|why/;

function indentOf(document: PostmortemDocument, fact: SummaryFact): number {
  return /^\s*/.exec(document.source.lineText(fact.range.start.line))![0].length;
}

function within(block: ProseBlock, start: number, end: number): string {
  const from = Math.max(start, block.start);
  const to = Math.min(end, block.start + block.text.length);
  return to > from ? block.text.slice(from - block.start, to - block.start) : '';
}

/** The visible words between two offsets, headings left out. */
export function proseBetween(document: PostmortemDocument, start: number, end: number, blocks = proseBlocks(document)): string {
  const words: string[] = [];
  for (let index = firstIndex(blocks, (block) => block.start + block.text.length <= start); index < blocks.length && blocks[index].start < end; index++) {
    const text = blocks[index].isHeading ? '' : within(blocks[index], start, end);
    if (text.trim()) words.push(text);
  }
  return words.join('\n');
}

export function summarySections(document: PostmortemDocument): Section[] {
  return sectionsOfKind(document.sections, 'summary');
}

/** Two rules read the summary's fields: they are found once per document. */
const fieldsOf = new WeakMap<PostmortemDocument, SummaryField[]>();

/**
 * The summary's fields. A field runs to the next field at the same or a lower indentation, so the
 * sub-bullets of "- **Impact**:" (seed 001) belong to it, and "Impact:" alone on its line takes the
 * lines below it.
 */
export function summaryFields(document: PostmortemDocument): SummaryField[] {
  let fields = fieldsOf.get(document);
  if (!fields) fieldsOf.set(document, (fields = readSummaryFields(document)));
  return fields;
}

function readSummaryFields(document: PostmortemDocument): SummaryField[] {
  const { source } = document;
  const blocks = proseBlocks(document);
  const sectionEnd = Math.max(0, ...summarySections(document).map((section) => section.endOffset));
  const indents = document.summary.map((fact) => indentOf(document, fact));
  return document.summary.map((fact, index) => {
    const indent = indents[index];
    let nextIndex = index + 1;
    while (nextIndex < indents.length && indents[nextIndex] > indent) nextIndex++;
    const next = document.summary[nextIndex];
    const start = source.offsetAt(fact.range.start);
    const end = next ? source.offsetAt(next.range.start) : Math.max(sectionEnd, source.offsetAt(fact.range.end));
    // The field's own name ("Impact:") is not part of its value.
    const valueStart = start + source.lineText(fact.range.start.line).indexOf(':') + 1;
    // Read when asked: a field can run on over much of a long report, and most fields are only looked up by name.
    let text: string | undefined;
    return {
      fact,
      get text() {
        return (text ??= proseBetween(document, valueStart, end, blocks).trim());
      },
      start,
      end,
    };
  });
}

/**
 * Summary fields written with no heading above them ("**Duration:** ..." at the top of the report): the summary
 * is there, only its heading is missing. Returns the line of the first field.
 */
export function headinglessSummaryLine(document: PostmortemDocument): number | undefined {
  const first = document.summary.find((fact) => [DURATION_FIELD, IMPACT_FIELD, ROOT_CAUSE_FIELD].some((field) => field.test(fact.name)));
  return first?.range.start.line;
}
