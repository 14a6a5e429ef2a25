import type { Yaml } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { nodeRange, type ParsedMarkdown } from '../parse';
import type { FrontMatter } from './types';

export function buildFrontMatter(parsed: ParsedMarkdown): FrontMatter | undefined {
  const node = parsed.tree.children[0];
  if (!node || node.type !== 'yaml') return undefined;
  const range = nodeRange(parsed, node as Yaml);
  try {
    const data: unknown = parseYaml((node as Yaml).value, { maxAliasCount: 16 });
    return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, range };
  } catch (error) {
    return { data: {}, range, error: (error as Error).message };
  }
}
