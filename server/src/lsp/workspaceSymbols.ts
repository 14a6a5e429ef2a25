import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import type { ReportFacts } from '../analysis/features/followUps';

/** More symbols than anyone scrolls through; the editor asks again as the query grows. */
const MAX_SYMBOLS = 1000;

/** The query's characters in order, case aside ("tml" finds "Timeline"), as editors match symbol names. */
function matches(name: string, query: string): boolean {
  let at = 0;
  const lower = name.toLowerCase();
  for (const character of query.toLowerCase()) {
    if (character === ' ') continue;
    at = lower.indexOf(character, at) + 1;
    if (!at) return false;
  }
  return true;
}

/** `workspace/symbol`: every report of the workspace (by title) and its sections, named with the report they belong to. */
export function workspaceSymbols(reports: Iterable<{ uri: string; facts: ReportFacts }>, query: string): SymbolInformation[] {
  const symbols: SymbolInformation[] = [];
  for (const { uri, facts } of reports) {
    if (matches(facts.title, query)) symbols.push({ name: facts.title, kind: SymbolKind.File, location: { uri, range: facts.titleRange } });
    for (const section of facts.sections) {
      // The title heading is the report's own symbol.
      if (section.headingRange.start.line === facts.titleRange.start.line || !section.title || !matches(section.title, query)) continue;
      symbols.push({ name: section.title, kind: SymbolKind.Namespace, containerName: facts.title, location: { uri, range: section.headingRange } });
    }
    if (symbols.length >= MAX_SYMBOLS) break;
  }
  return symbols.slice(0, MAX_SYMBOLS);
}
