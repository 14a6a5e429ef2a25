/**
 * `postmortem/timelineChart` `{ uri, standalone?, nonce? }` → the incident chart as SVG (see
 * analysis/features/timelineChart.ts), and with a nonce the whole webview page around it.
 */
import { buildTimelineChart, renderTimelineSvg, timelineChartPage } from '../analysis/features/timelineChart';
import type { DocumentAnalysis } from './analyses';
import { invalidParams } from './guard';
import type { TimelineChartResult } from './protocol';

export function timelineChartResult(analysis: DocumentAnalysis | undefined, params: unknown): TimelineChartResult {
  const document = analysis?.result.document;
  if (!analysis || !document) throw invalidParams('Only Markdown documents have an incident timeline.');
  const chart = buildTimelineChart(document, analysis.result.findings);
  const { standalone, nonce } = (params ?? {}) as { standalone?: unknown; nonce?: unknown };
  const svg = renderTimelineSvg(chart, { standalone: standalone === true });
  return {
    svg,
    entries: chart.entries.length,
    ...(chart.headingLine === undefined ? {} : { headingLine: chart.headingLine }),
    ...(typeof nonce === 'string' && /^[A-Za-z0-9+/=]{16,64}$/.test(nonce) ? { page: timelineChartPage(svg, nonce) } : {}),
  };
}
