import type { Root } from 'mdast';
import { startOffset, type ParsedMarkdown } from '../parsing/parse';
import type { InlineDirective } from './types';
import { walk } from './walk';

const DIRECTIVE = /<!--\s*postmortem-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->/g;
const ANY_DIRECTIVE = /<!--\s*postmortem-(?:disable|enable)/;

/** `<!-- postmortem-disable rule-a, rule-b -->` comments, wherever HTML is allowed (never inside code). */
export function buildDirectives(parsed: ParsedMarkdown, tree: Root): InlineDirective[] {
  const directives: InlineDirective[] = [];
  // One scan of the text instead of a walk of the tree: most documents have no directive at all.
  if (!ANY_DIRECTIVE.test(parsed.source.text)) return directives;
  walk(tree, (node) => {
    if (node.type !== 'html') return true;
    const base = startOffset(parsed, node);
    for (const match of node.value.matchAll(DIRECTIVE)) {
      directives.push({
        kind: match[1] as InlineDirective['kind'],
        rules: match[2].split(/[\s,]+/).filter(Boolean),
        line: parsed.source.positionAt(base + (match.index ?? 0)).line,
      });
    }
    return false;
  });
  return directives;
}
