/**
 * `textDocument/completion`: the template's missing sections offered as headings (see analysis/features/completion.ts),
 * and key-moment markers on timeline entries (analysis/features/keyMomentCompletion.ts).
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { sectionCompletions } from '../analysis/features/completion';
import { keyMomentCompletions } from '../analysis/features/keyMomentCompletion';
import type { DocumentAnalysis } from './analyses';

export const COMPLETION_TRIGGER_CHARACTERS = ['#', '{'];

/** `snippets`: whether the client expands snippet syntax; without it, the plain Markdown is inserted. */
export function completions(analysis: DocumentAnalysis, position: Position, snippets: boolean): CompletionItem[] {
  const { document, isPostmortem, config } = analysis.result;
  if (!document || !isPostmortem) return [];
  const markers: CompletionItem[] = keyMomentCompletions(document, position).map((item) => ({
    label: item.label,
    kind: CompletionItemKind.EnumMember,
    detail: item.detail,
    documentation: { kind: MarkupKind.Markdown, value: item.documentation },
    sortText: item.sortText,
    textEdit: { range: item.range, newText: item.insertText },
  }));
  const sections = sectionCompletions(document, config, position).map((item) => ({
    label: item.label,
    kind: CompletionItemKind.Snippet,
    detail: item.detail,
    documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
    filterText: item.filterText,
    sortText: item.sortText,
    insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: item.range, newText: snippets ? item.insertText : item.plainText },
  }));
  return [...sections, ...markers];
}
