import type { Yaml } from 'mdast';
import { parseDocument, visit } from 'yaml';
import { nodeRange, type ParsedMarkdown } from '../parsing/parse';
import type { FrontMatter } from './types';

/** Front matter has no use for YAML aliases; a few are read, more are refused. */
const MAX_ALIASES = 16;

export function buildFrontMatter(parsed: ParsedMarkdown): FrontMatter | undefined {
  const node = parsed.tree.children[0];
  if (!node || node.type !== 'yaml') return undefined;
  const range = nodeRange(parsed, node as Yaml);
  try {
    const yaml = parseDocument((node as Yaml).value);
    if (yaml.errors.length) throw yaml.errors[0];
    // Resolving an alias walks the whole document (to count aliases), so many aliases take quadratic time.
    let aliases = 0;
    visit(yaml, { Alias: () => (++aliases > MAX_ALIASES ? visit.BREAK : undefined) });
    if (aliases > MAX_ALIASES) return { data: {}, range, error: `The front matter uses more than ${MAX_ALIASES} YAML aliases (*name), so it is not read.` };
    const data: unknown = yaml.toJS({ maxAliasCount: MAX_ALIASES });
    return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, range };
  } catch (error) {
    return { data: {}, range, error: (error as Error).message };
  }
}
