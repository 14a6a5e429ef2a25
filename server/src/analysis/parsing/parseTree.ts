import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** The mdast of Markdown text (without a byte-order mark): the one Markdown dialect every analysis reads. */
export function parseTree(text: string): Root {
  return processor.parse(text);
}
