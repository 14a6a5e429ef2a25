/**
 * An analysis as plain data, to compare two analyses of the same text: findings with their ranges, messages
 * and fixes, and the model (sections, timeline, action items, summary, directives). A reference to a section
 * (`parent`, `section`) becomes its title and offset; an mdast node its type and offsets, so that a model holding
 * a node of an older version (whose positions the parse cache no longer moves) differs.
 */
import type { AnalysisResult } from '../../server/src/analysis/analyze';

const SKIPPED = new Set(['tree', 'parsed', 'source']);
const SECTION_REFERENCES = new Set(['parent', 'section']);

function isSection(value: unknown): value is { title: string; startOffset: number } {
  return typeof value === 'object' && value !== null && 'headingRange' in value && 'kinds' in value;
}

function isMdastNode(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'type' in value && 'position' in value && !('headingRange' in value);
}

function plain(value: unknown, ancestors: Set<object>): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'function' ? undefined : value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map) return plain(Object.fromEntries(value), ancestors);
  if (value instanceof Set) return plain([...value], ancestors);
  if (ancestors.has(value)) return '[cycle]';
  ancestors.add(value);
  let result: unknown;
  if (Array.isArray(value)) result = value.map((item) => plain(item, ancestors));
  else if (isMdastNode(value)) {
    const { type, position } = value as { type: string; position?: { start: { offset?: number }; end: { offset?: number } } };
    result = `[${type}@${position?.start.offset}-${position?.end.offset}]`;
  }
  else {
    const object: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (SKIPPED.has(key)) continue;
      object[key] = SECTION_REFERENCES.has(key) && isSection(item) ? `${item.title}@${item.startOffset}` : plain(item, ancestors);
    }
    result = object;
  }
  ancestors.delete(value);
  return result;
}

export function analysisSnapshot(result: AnalysisResult): unknown {
  const document = result.document;
  return plain(
    {
      isPostmortem: result.isPostmortem,
      detection: result.detection,
      skipped: result.skipped,
      failures: result.failures.map((failure) => failure.ruleId),
      findings: result.findings,
      title: document?.title,
      frontMatter: document?.frontMatter,
      sections: document?.sections,
      timeline: document?.timeline,
      actionItems: document?.actionItems,
      summary: document?.summary,
      directives: document?.directives,
    },
    new Set(),
  );
}
