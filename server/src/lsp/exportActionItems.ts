/** `postmortem/exportActionItems` `{ uri, format }` → `{ content }`: the document's action items, exported (see analysis/features). */
import { exportActionItems, isExportFormat, EXPORT_FORMATS } from '../analysis/features/exportActionItems';
import type { DocumentAnalysis } from './analyses';
import { invalidParams } from './guard';
import type { ExportActionItemsResult } from './protocol';

export function exportActionItemsResult(analysis: DocumentAnalysis | undefined, params: unknown): ExportActionItemsResult {
  const format = (params as { format?: unknown } | undefined)?.format;
  if (!isExportFormat(format)) throw invalidParams(`Expected { uri, format } with format one of ${EXPORT_FORMATS.join(', ')}.`);
  const document = analysis?.result.document;
  if (!analysis || !document) throw invalidParams('Only Markdown documents have action items to export.');
  return { content: exportActionItems(document, format, { source: analysis.uri }), count: document.actionItems.length };
}
