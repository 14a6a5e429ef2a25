import { BoundedCache } from '../../util/boundedCache';
import type { ActionSection, PostmortemDocument } from '../../model';
import { sectionIndex } from '../../templates/match';
import type { Fix, TextEdit } from '../../types';
import { docsUrl, type Rule } from '../types';
import { CLOSING } from '../../model/meantLines';
import { hasWords, isLabel, lines, opaqueSpans, type Paragraphs } from './proseMeasures';
import { splitSentences, type Span } from './sentences';

const EXAMPLE = '- [ ] Add an alert when pool usage > 80% for 5 min (owner: @handle, due: YYYY-MM-DD)';

/** A paragraph's source as task items, one per sentence; a line ending with ":" stays a label above its items. */
function taskItemsOf(source: string, opaque: Span[], eol: string): string {
  const blocks: string[][] = [];
  const spans = splitSentences(source, opaque);
  for (const [index, span] of spans.entries()) {
    // "In conclusion, ..." after the items: the rest of the paragraph stays prose, as written.
    if (index > 0 && CLOSING.test(source.slice(span.start))) {
      blocks.push([source.slice(span.start).trim()]);
      break;
    }
    const sentence = source.slice(span.start, span.end).replace(/[ \t]*\r?\n[ \t]*/g, ' ').trim();
    const label = sentence.endsWith(':');
    const item = label ? sentence : `- [ ] ${sentence.replace(/^(?:[-–—]+|[●•▪◦‣⁃○■□◆◇►▶➢➤])\s*/u, '')}`;
    const last = blocks[blocks.length - 1];
    if (!label && last && last[0].startsWith('- [ ] ')) last.push(item);
    else blocks.push([item]);
  }
  return blocks.map((block) => block.join(eol)).join(eol + eol);
}

/** Splitting long paragraphs into sentences is slow, and a keystroke changes one paragraph: the others' items are kept. */
const taskItemsByParagraph = new BoundedCache<string, string>(2000);

/** The paragraph as task items (see `taskItemsOf`). */
function asTaskItems(document: PostmortemDocument, paragraph: Paragraphs[number]): string {
  const eol = document.source.eol;
  const opaque = opaqueSpans(document, paragraph.node, paragraph.startOffset);
  // What the items depend on besides the paragraph's source: the line ending, and the markup no sentence ends inside.
  const prefix = `${eol}|${opaque.map((span) => `${span.start}-${span.end}`).join(',')}|`;
  const source = document.text.slice(paragraph.startOffset, paragraph.endOffset);
  // Read from the cache's own copy of the key, so the items kept do not hold on to this version of the document.
  return taskItemsByParagraph.get(prefix + source, (own) => taskItemsOf(own.slice(prefix.length), opaque, eol));
}

/** A new block after `offset`, with the blank lines Markdown needs around it. */
function insertBlock(document: PostmortemDocument, offset: number, block: string): TextEdit {
  const eol = document.source.eol;
  const after = /^[ \t]*\r?\n[ \t]*\S/.test(document.text.slice(offset)) ? eol : '';
  return { range: document.source.rangeOf(offset, offset), newText: `${eol}${eol}${block}${after}` };
}

/** Headings that name a sub-list ("### Improvements/Fixes:") right after an empty section carry its items. */
const SUB_LIST = /improvement|fix|task|action|measure|prevent|correct|follow|todo|to do|next step/i;

function itemsFollow(document: PostmortemDocument, owned: ActionSection): boolean {
  if (owned.paragraphs.length || owned.section.nodes.length) return false;
  const next = document.sections[document.sections.indexOf(owned.section) + 1];
  return next !== undefined && !next.kinds.length && next.level >= owned.section.level && SUB_LIST.test(next.title);
}

function quoteList(names: string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}` : quoted[0];
}

export const actionItemsMissing: Rule = {
  meta: {
    id: 'action-items-missing',
    description: 'The action-items section has no discrete items: it is empty, holds only labels, or is written as prose.',
    defaultSeverity: 'warning',
    fixable: true,
    docs: docsUrl('action-items-missing'),
  },
  check({ document, config, report }) {
    for (const owned of document.actionSections) {
      // Lines meant as items that Markdown runs together are still prose to a reader (list-syntax says why).
      if (owned.items.some((item) => item.kind !== 'line') || owned.hasHtmlItems || itemsFollow(document, owned)) continue;
      const { section } = owned;
      const paragraphs = owned.paragraphs.filter(hasWords);
      const labels = paragraphs.filter(isLabel);
      const measures = paragraphs
        .filter((paragraph) => !isLabel(paragraph) && !CLOSING.test(paragraph.text))
        .map((paragraph) => ({ paragraph, tasks: asTaskItems(document, paragraph) }))
        .filter(({ tasks }) => /^- \[ \] /m.test(tasks));
      if (measures.length) {
        const sentences = measures.reduce((count, { tasks }) => count + (tasks.match(/^- \[ \] /gm)?.length ?? 0), 0);
        const fix: Fix = {
          title: 'Turn each sentence into a task item',
          isPreferred: true,
          edits: measures.map(({ paragraph, tasks }) => ({ range: paragraph.range, newText: tasks })),
        };
        report({
          range: section.headingRange,
          message: `"${section.title}" is written as prose (${sentences === 1 ? 'one sentence' : `${sentences} sentences`}), not as action items. Write each measure as its own task item ("- [ ] ...") so it can be owned, dated and checked off.`,
          fixes: [fix],
        });
        continue;
      }
      const labelNames = labels.flatMap((paragraph) => lines(paragraph.text));
      const detail = labelNames.length
        ? `: ${labelNames.length === 1 ? `the label ${quoteList(labelNames)} has` : `the labels ${quoteList(labelNames)} have`} nothing under ${labelNames.length === 1 ? 'it' : 'them'}`
        : paragraphs.length ? ', only a closing remark' : '';
      const prompt = sectionIndex(config.template).sections.get('action-items')?.prompt ?? '- [ ] ';
      const anchor = labels.length ? labels[labels.length - 1].endOffset : section.headingEndOffset;
      report({
        range: section.headingRange,
        message: `"${section.title}" has no action items${detail}. Add one task item per change, e.g. "${EXAMPLE}".`,
        fixes: [{ title: 'Add a task item to fill in', placeholder: true, isPreferred: true, edits: [insertBlock(document, anchor, prompt)] }],
      });
    }
  },
};
