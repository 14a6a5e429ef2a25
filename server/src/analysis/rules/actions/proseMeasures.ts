/** Action items written as prose: which paragraphs of an action-items section are measures, and their sentences. */
import type { Paragraph } from 'mdast';
import type { ActionSection, PostmortemDocument } from '../../model';
import { endOffset, startOffset } from '../../parsing/parse';
import { CLOSING } from '../../model/meantLines';
import { splitSentences, type Span } from './sentences';

export type Paragraphs = ActionSection['paragraphs'];


export function lines(text: string): string[] {
  return text.split('\n').map((line) => line.trim().replace(/^[*_]+|[*_]+$/g, '')).filter(Boolean);
}

/** "**Tasks:**", "Improvements/Fixes:" or a lead-in ("we will take the following measures:"): kept as written. */
export function isLabel(paragraph: Paragraphs[number]): boolean {
  const only = paragraph.node.children.length === 1 ? paragraph.node.children[0].type : undefined;
  return lines(paragraph.text).every((line) => line.endsWith(':') && !/:[\w+-]+:$/.test(line)) || ((only === 'strong' || only === 'emphasis') && paragraph.text.split(/\s+/).length <= 4);
}

export function hasWords(paragraph: Paragraphs[number]): boolean {
  const { children } = paragraph.node;
  return (!children.length || children.some((child) => child.type !== 'image' && child.type !== 'html')) && /[\p{L}\p{N}]/u.test(paragraph.text);
}

/** Inline markup no sentence may end inside: links, code, HTML, emphasis. */
export function opaqueSpans(document: PostmortemDocument, paragraph: Paragraph, base: number): Span[] {
  return paragraph.children
    .filter((child) => child.type !== 'text')
    .map((child) => ({ start: startOffset(document.parsed, child) - base, end: endOffset(document.parsed, child) - base }));
}

/** The sentences of a section written as prose (offsets into the document), leaving out labels and closing remarks. */
export function proseSentences(document: PostmortemDocument, owned: ActionSection): Span[] {
  return owned.paragraphs
    .filter((paragraph) => hasWords(paragraph) && !isLabel(paragraph) && !CLOSING.test(paragraph.text))
    .flatMap((paragraph) => {
      const source = document.text.slice(paragraph.startOffset, paragraph.endOffset);
      const sentences = splitSentences(source, opaqueSpans(document, paragraph.node, paragraph.startOffset));
      const closing = sentences.findIndex((span, index) => index > 0 && CLOSING.test(source.slice(span.start)));
      return (closing < 0 ? sentences : sentences.slice(0, closing)).map((span) => ({ start: paragraph.startOffset + span.start, end: paragraph.startOffset + span.end }));
    });
}
