/**
 * `textDocument/hover`: each part of the analysis that has something to say about a position is asked in turn;
 * the first answer wins. Add a provider here rather than registering a second hover handler.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { placeholderHover, sectionHover } from '../analysis/features/structureHover';
import { timelineHover } from '../analysis/features/timelineHover';
import type { Range } from '../analysis/types';
import type { DocumentAnalysis } from './analyses';

/** A hover in Markdown for a position of an analysed postmortem, or undefined when the provider has nothing to say. */
type HoverProvider = (analysis: DocumentAnalysis, position: Position) => { range: Range; contents: string } | undefined;

const PROVIDERS: HoverProvider[] = [
  (analysis, position) => timelineHover(analysis.result.document!, position.line, position.character),
  (analysis, position) => sectionHover(analysis.result.document!, analysis.result.config, position),
  (analysis, position) => placeholderHover(analysis.result.document!, analysis.result.config, position),
];

export function hover(analysis: DocumentAnalysis, position: Position): Hover | null {
  const { document, isPostmortem } = analysis.result;
  if (!document || !isPostmortem) return null;
  for (const provider of PROVIDERS) {
    const found = provider(analysis, position);
    if (found) return { range: found.range, contents: { kind: MarkupKind.Markdown, value: found.contents } };
  }
  return null;
}
