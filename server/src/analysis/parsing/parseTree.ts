import type { Nodes, Root } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Construct, Extension as SyntaxExtension } from 'micromark-util-types';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/**
 * The GitHub-flavoured constructs a text can hold, read from the characters each one needs. micromark tries a
 * construct wherever it could start whether or not the text can complete it: email autolinks at every word, tables
 * at every block. That was a third of each parse in the corpus, so a parse enables only the constructs that can occur
 * and gives the tree full GFM gives (test/parsing/gfmConstructs.test.ts compares the two).
 */
export interface GfmConstructs {
  /** `www.`, `http://` or `https://`. */
  urlLiterals: boolean;
  /** An address: `@` between address characters and a domain with a dot. */
  emailLiterals: boolean;
  /** A pipe, or a one-column delimiter row's `:-` / `-:`. */
  tables: boolean;
  /** `[^`. */
  footnotes: boolean;
  /** `~`. */
  strikethrough: boolean;
}

const URL_LITERAL = /www\.|https?:\/\//i;
const EMAIL_LITERAL = /[\w+.-]@[\w-]*\./;
const TABLE = /\||:-|-:/;
/** A character reference decodes to text the autolink literals read: `&#64;` is an `@` to them. */
const CHARACTER_REFERENCE = /&(?:#|[a-z][a-z\d]*;)/i;

export function gfmConstructsIn(text: string): GfmConstructs {
  // A backslash escape joins the characters around it in the text autolink literals read (`www\.example.com`).
  const probe = text.includes('\\') ? text.replaceAll('\\', '') : text;
  const references = CHARACTER_REFERENCE.test(probe);
  return {
    urlLiterals: references || URL_LITERAL.test(probe),
    emailLiterals: references || EMAIL_LITERAL.test(probe),
    tables: TABLE.test(probe),
    footnotes: probe.includes('[^'),
    strikethrough: probe.includes('~'),
  };
}

/** The autolink literals without the email one, which micromark would otherwise try at every letter and digit. */
function urlLiteralsOnly(): SyntaxExtension {
  const text: Record<number, Construct[]> = {};
  for (const [code, constructs] of Object.entries(gfmAutolinkLiteral().text ?? {})) {
    const urls = [constructs].flat().filter((construct): construct is Construct => construct !== undefined && construct.name !== 'emailAutolink');
    if (urls.length) text[Number(code)] = urls;
  }
  return { text };
}

/** What the literal-autolink transform looks for in a text node: a URL start or an address's `@`. */
const LINKABLE_TEXT = /www\.|https?:\/\/|@/i;

/** Whether the tree has text the transform would look into and could link (it skips links' own text). */
function hasLinkableText(node: Nodes): boolean {
  if (node.type === 'text') return LINKABLE_TEXT.test(node.value);
  if (node.type === 'link' || node.type === 'linkReference' || !('children' in node)) return false;
  return node.children.some(hasLinkableText);
}

/**
 * The autolink literals' tree side. Its transform searches every text node with four expressions after the parse;
 * where the URLs a text holds are link targets (`[status](https://…)`), no text node can match and it is skipped.
 */
function autolinkLiteralsFromMarkdown(): FromMarkdownExtension {
  const extension = gfmAutolinkLiteralFromMarkdown();
  const transforms = extension.transforms ?? [];
  return { ...extension, transforms: transforms.map((transform) => (tree: Root) => (hasLinkableText(tree) ? transform(tree) : undefined)) };
}

function gfmExtensions(constructs: GfmConstructs): { syntax: SyntaxExtension[]; fromMarkdown: FromMarkdownExtension[] } {
  // In remark-gfm's order, which decides between constructs that start on the same character.
  const syntax: SyntaxExtension[] = [];
  const fromMarkdown: FromMarkdownExtension[] = [];
  if (constructs.emailLiterals) syntax.push(gfmAutolinkLiteral());
  else if (constructs.urlLiterals) syntax.push(urlLiteralsOnly());
  if (constructs.emailLiterals || constructs.urlLiterals) fromMarkdown.push(autolinkLiteralsFromMarkdown());
  if (constructs.footnotes) {
    syntax.push(gfmFootnote());
    fromMarkdown.push(gfmFootnoteFromMarkdown());
  }
  if (constructs.strikethrough) {
    syntax.push(gfmStrikethrough());
    fromMarkdown.push(gfmStrikethroughFromMarkdown());
  }
  if (constructs.tables) {
    syntax.push(gfmTable());
    fromMarkdown.push(gfmTableFromMarkdown());
  }
  syntax.push(gfmTaskListItem());
  fromMarkdown.push(gfmTaskListItemFromMarkdown());
  return { syntax, fromMarkdown };
}

type MarkdownParser = Processor<Root>;

function markdownParser(constructs: GfmConstructs): MarkdownParser {
  const { syntax, fromMarkdown } = gfmExtensions(constructs);
  return unified()
    .use(remarkParse)
    .use(function gfm() {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(...syntax);
      (data.fromMarkdownExtensions ??= []).push(...fromMarkdown);
    })
    .use(remarkFrontmatter, ['yaml'])
    .freeze() as unknown as MarkdownParser;
}

/** One parser per combination of constructs met so far (at most 32). */
const parsers = new Map<string, MarkdownParser>();

/** The mdast of Markdown text (without a byte-order mark): the one Markdown dialect every analysis reads, GFM. */
export function parseTree(text: string): Root {
  const constructs = gfmConstructsIn(text);
  const key = Object.values(constructs).map(Number).join('');
  let parser = parsers.get(key);
  if (!parser) parsers.set(key, (parser = markdownParser(constructs)));
  return parser.parse(text);
}
