import { actionItemsTableEdits } from '../../features/actionItemsTable';
import type { Fix } from '../../types';
import { docsUrl, type Rule } from '../types';
import { appendFieldFix, itemRange, openItems, quote } from './itemText';

export const CONVERT_TO_TABLE = 'Convert action items to a table';

export const actionItemOwner: Rule = {
  meta: {
    id: 'action-item-owner',
    description: 'An open action item names no owner.',
    defaultSeverity: 'warning',
    fixable: true,
    docs: docsUrl('action-item-owner'),
    optionsSchema: { type: 'object', properties: { placeholder: { type: 'string', description: 'Owner written by the quick fix (default @TBD).' } }, additionalProperties: false },
  },
  check({ document, options, report }) {
    const placeholder = typeof options.placeholder === 'string' && options.placeholder.trim() ? options.placeholder.trim() : '@TBD';
    // One conversion per section, shared by its findings.
    const tables = new Map<object, Fix | undefined>();
    for (const item of openItems(document)) {
      if (item.owner) continue;
      if (!tables.has(item.section)) {
        const edits = actionItemsTableEdits(document, item.section);
        tables.set(item.section, edits && { title: CONVERT_TO_TABLE, edits });
      }
      const table = tables.get(item.section);
      const where = item.cells?.owner ? 'write them in the Owner column' : 'add "(owner: @handle)"';
      report({
        range: itemRange(document, item),
        message: `No owner for "${quote(item.action || item.text)}". Name the one person or team who will see it done: ${where}.`,
        fixes: [
          appendFieldFix(document, item, { key: 'owner', value: placeholder }, `Add owner placeholder "${placeholder}"`),
          ...(table ? [table] : []),
        ],
      });
    }
  },
};
