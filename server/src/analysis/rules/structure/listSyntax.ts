import type { Nodes } from 'mdast';
import type { PostmortemDocument } from '../../model';
import { misrenderedBlock, type LineProblem, type MisrenderedBlock } from '../../model/meantLines';
import { endOffset } from '../../parsing/parse';
import { docsUrl, type Rule } from '../types';

/** The top-level blocks of the report: those before its first section, then each section's own. */
function topBlocks(document: PostmortemDocument): Nodes[] {
  const first = document.sections[0]?.startOffset ?? Infinity;
  const before = document.tree.children.filter((node) => node.type !== 'heading' && endOffset(document.parsed, node) <= first);
  return [...before, ...document.sections.flatMap((section) => section.nodes)];
}

/** The first line with the problem, as written, cut to a few words. */
function firstLine(document: PostmortemDocument, block: MisrenderedBlock, problem: LineProblem): string {
  const line = block.lines.find((meant) => meant.problem === problem) ?? block.lines[0];
  const text = document.text.slice(line.lineStart, line.lineEnd).trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** What each problem does to the text, as the message says it. */
function describe(document: PostmortemDocument, block: MisrenderedBlock, problem: LineProblem): string {
  const items = block.lines.filter((line) => line.role === 'item').length;
  switch (problem) {
    case 'indented':
      return 'indented four spaces, these lines show as a code block, not as text';
    case 'no-space':
      return `"${firstLine(document, block, problem)}" is not a list item: Markdown needs a space after the "-"`;
    case 'glyph':
      return `"${firstLine(document, block, problem)}" is not a list item: Markdown does not read "${[...firstLine(document, block, problem)][0]}" as a list marker`;
    case 'unmarked':
      return `${items} lines written one per line run together into one paragraph`;
  }
}

export const listSyntax: Rule = {
  meta: {
    id: 'list-syntax',
    description: 'Lines meant as a list or as text that Markdown renders as something else: "-Item" with no space, "●" bullets, items one per line without markers, prose indented into a code block.',
    defaultSeverity: 'warning',
    fixable: true,
    docs: docsUrl('list-syntax'),
  },
  check({ document, report }) {
    for (const node of topBlocks(document)) {
      const block = misrenderedBlock(document.parsed, node);
      if (!block) continue;
      const said = block.problems.map((problem) => describe(document, block, problem)).join('; ');
      const lists = block.lines.some((line) => line.role === 'item');
      report({
        range: document.source.rangeOf(block.start, block.end),
        message: `${said.charAt(0).toUpperCase()}${said.slice(1)}. ${lists ? 'Write each item as a list item ("- item") so it shows on its own line.' : 'Remove the indentation so it shows as text.'}`,
        fixes: [{
          title: lists ? 'Write the lines as a list' : 'Remove the indentation',
          isPreferred: true,
          edits: block.edits.map((edit) => ({ range: document.source.rangeOf(edit.start, edit.end), newText: edit.newText })),
        }],
      });
    }
  },
};
