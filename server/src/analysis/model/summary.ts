import type { Nodes } from 'mdast';
import type { ParsedMarkdown } from '../parsing/parse';
import { startOffset, endOffset } from '../parsing/parse';
import { titleSection } from './sections';
import type { Section, SummaryFact } from './types';
import { sectionNodes, sectionsOfKind, walk } from './walk';

/** "**Duration:** ...", "- **Impact**: ...", "Root Cause: ..." at the start of a line. */
const FIELD_LINE = /^[\s>*+-]*(?:\*\*|__)?\s*([A-Za-z][A-Za-z /()-]{1,40}?)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:)\s*-?\s*(.*)$/;

/**
 * Field lines in the summary; when there is no summary heading, the fields written before the first
 * section or right under the report's title ("# Postmortem" then "**Duration:** ...").
 */
export function buildSummary(parsed: ParsedMarkdown, sections: Section[], preamble: Nodes[]): SummaryFact[] {
  const summaries = sectionsOfKind(sections, 'summary');
  return fieldsIn(parsed, summaries.length ? summaries.flatMap(sectionNodes) : [...preamble, ...(titleSection(sections)?.nodes ?? [])]);
}

/** Field lines ("- **Time to detection:** 2 minutes") in the paragraphs of the given nodes, code and HTML aside. */
export function fieldsIn(parsed: ParsedMarkdown, nodes: readonly Nodes[]): SummaryFact[] {
  const facts: SummaryFact[] = [];
  const { source } = parsed;
  for (const node of nodes) {
    walk(node, (child) => {
      if (child.type === 'code' || child.type === 'html') return false;
      if (child.type !== 'paragraph') return true;
      const first = source.positionAt(startOffset(parsed, child)).line;
      const last = source.positionAt(endOffset(parsed, child)).line;
      for (let line = first; line <= last; line++) {
        const lineText = source.lineText(line);
        // Every field line has a colon; the pattern, tried at each line of every summary paragraph, is not run without one.
        const match = lineText.includes(':') ? FIELD_LINE.exec(lineText) : null;
        if (!match) continue;
        const lineStart = source.lineStarts[line];
        facts.push({ name: match[1].trim().toLowerCase(), value: match[2].replace(/\*\*|__/g, '').trim(), range: source.rangeOf(lineStart, source.lineEnd(line)) });
      }
      return false;
    });
  }
  return facts;
}
