/**
 * The incident as a picture: timeline entries on a time axis in the timeline's zone, the phases (impact, detection,
 * mitigation, recovery) as bands, the key moments labelled and the entries with timeline findings marked. Built from
 * the model as plain data, then drawn as SVG: for the webview (theme colours through CSS variables, entries focusable
 * and clickable by their line) and as a file to publish with the report (the same drawing with its own style).
 */
import type { KeyMomentName, PostmortemDocument } from '../model';
import { KEY_MOMENTS } from '../model/keyMoments';
import { isResolvable, zoneSpec } from '../model/timelineClock';
import { formatInZone, type ZoneSpec } from '../time/instants';
import type { Finding } from '../types';

export type ChartPhase = 'impact' | 'detection' | 'mitigation' | 'recovery';

export interface ChartEntry {
  /** The line the entry starts on (0-based): clicking the entry reveals it. */
  line: number;
  text: string;
  /** As written ("14:05 UTC"). */
  time: string;
  instant: number;
  moments: KeyMomentName[];
  /** Messages of the timeline findings on the entry (out of order, no zone, ...). */
  findings: string[];
}

export interface TimelineChart {
  title: string;
  /** The zone the axis is read in. */
  zone: { label: string; spec: ZoneSpec };
  entries: ChartEntry[];
  bands: Array<{ phase: ChartPhase; from: number; to: number }>;
  moments: Array<{ name: KeyMomentName; instant: number }>;
  /** The first timeline's heading line, where an image of the chart goes. */
  headingLine?: number;
}

const PHASES: Array<[ChartPhase, KeyMomentName, KeyMomentName]> = [
  ['impact', 'started', 'resolved'],
  ['detection', 'started', 'detected'],
  ['mitigation', 'detected', 'mitigated'],
  ['recovery', 'mitigated', 'resolved'],
];

/** The chart's data: entries with an instant, in time order. */
export function buildTimelineChart(document: PostmortemDocument, findings: readonly Finding[]): TimelineChart {
  const { timelines } = document.timelineInfo;
  const declared = timelines.find((info) => info.declaredZone)?.declaredZone?.ref ?? timelines.find((info) => info.mostUsedZone)?.mostUsedZone;
  const zone = declared && !declared.meanings && isResolvable(declared) ? { label: declared.text, spec: zoneSpec(declared) } : { label: 'UTC', spec: { iana: 'UTC' } };
  const { moments } = document.keyMoments;
  const momentsOf = (index: number) => KEY_MOMENTS.filter((name) => moments[name]?.entry === index);
  const entries = document.timeline
    .flatMap((entry, index): ChartEntry[] => {
      if (entry.instant === undefined) return [];
      const line = entry.lineRange.start.line;
      const own = findings.filter((finding) => finding.ruleId.startsWith('timeline-') && finding.range.start.line >= line && finding.range.start.line <= entry.range.end.line);
      return [{ line, text: entry.text, time: entry.timestamp?.text ?? '', instant: entry.instant, moments: momentsOf(index), findings: own.map((finding) => finding.message) }];
    })
    .sort((a, b) => a.instant - b.instant || a.line - b.line);
  const bands = PHASES.flatMap(([phase, from, to]) => {
    const start = moments[from]?.instant;
    const end = moments[to]?.instant;
    return start !== undefined && end !== undefined && end > start ? [{ phase, from: start, to: end }] : [];
  });
  return {
    title: document.title?.text ?? 'Incident timeline',
    zone,
    entries,
    bands,
    moments: KEY_MOMENTS.flatMap((name) => (moments[name] ? [{ name, instant: moments[name].instant }] : [])),
    ...(timelines[0] ? { headingLine: timelines[0].section.headingRange.start.line } : {}),
  };
}

/** Theme colours in the webview; the fallbacks colour the saved file. */
export const CHART_CSS = `
.pm-chart { font: 12px var(--vscode-font-family, -apple-system, "Segoe UI", sans-serif); }
.pm-chart text { fill: var(--vscode-foreground, #1f2328); }
.pm-chart .axis { stroke: var(--vscode-foreground, #1f2328); stroke-opacity: .6; }
.pm-chart .tick text, .pm-chart .muted { fill: var(--vscode-descriptionForeground, #59636e); }
.pm-chart .band { fill-opacity: .22; }
.pm-chart .band-impact { fill: var(--vscode-charts-red, #d1242f); }
.pm-chart .band-detection { fill: var(--vscode-charts-yellow, #bf8700); }
.pm-chart .band-mitigation { fill: var(--vscode-charts-orange, #d97706); }
.pm-chart .band-recovery { fill: var(--vscode-charts-green, #1a7f37); }
.pm-chart .moment line { stroke: var(--vscode-charts-purple, #8250df); stroke-dasharray: 3 3; }
.pm-chart .moment text { fill: var(--vscode-charts-purple, #8250df); font-weight: 600; }
.pm-chart .entry circle { fill: var(--vscode-charts-blue, #0969da); }
.pm-chart .entry.key circle { fill: var(--vscode-charts-purple, #8250df); }
.pm-chart .entry.finding circle { fill: var(--vscode-editorWarning-foreground, #bf8700); stroke: var(--vscode-editorWarning-foreground, #bf8700); }
.pm-chart .entry { cursor: pointer; outline: none; }
.pm-chart .entry:hover text, .pm-chart .entry:focus text { text-decoration: underline; }
.pm-chart .entry:focus circle { stroke: var(--vscode-focusBorder, #0969da); stroke-width: 3; }
`;

const WIDTH = 960;
const MARGIN = 40;
const AXIS_Y = 120;
const ROW_HEIGHT = 18;
const LABEL_ROWS = 6;
const MAX_LABEL = 48;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function shorten(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/** "14:05", with the date where the day changes. */
function clock(instant: number, zone: ZoneSpec, withDate: boolean): string {
  const [date, time] = formatInZone(instant, zone).split(' ');
  return withDate ? `${date} ${time}` : time;
}

/**
 * The chart as SVG. `standalone`: a file of its own (its style inside, an XML namespace); otherwise for the webview,
 * whose page carries the style.
 */
export function renderTimelineSvg(chart: TimelineChart, { standalone }: { standalone: boolean }): string {
  const instants = [...chart.entries.map((entry) => entry.instant), ...chart.bands.flatMap((band) => [band.from, band.to])];
  const rows = Math.min(LABEL_ROWS, Math.max(1, chart.entries.length));
  const height = AXIS_Y + 40 + rows * ROW_HEIGHT + 20;
  const parts: string[] = [];
  if (!instants.length) {
    parts.push(`<text x="${MARGIN}" y="40">No timeline entry has a time yet.</text>`);
  } else {
    const min = Math.min(...instants);
    const max = Math.max(...instants);
    const span = max - min || 60_000;
    const x = (instant: number) => Math.round(MARGIN + ((instant - min) / span) * (WIDTH - 2 * MARGIN));
    parts.push(`<text x="${MARGIN}" y="20">${escapeXml(chart.title)}</text>`, `<text class="muted" x="${WIDTH - MARGIN}" y="20" text-anchor="end">Times in ${escapeXml(chart.zone.label)}</text>`);
    for (const band of chart.bands) {
      const lane = band.phase === 'impact' ? 0 : 1;
      parts.push(
        `<rect class="band band-${band.phase}" x="${x(band.from)}" y="${44 + lane * 22}" width="${Math.max(2, x(band.to) - x(band.from))}" height="18"><title>${band.phase}</title></rect>`,
        `<text class="muted" x="${x(band.from) + 4}" y="${57 + lane * 22}">${band.phase}</text>`,
      );
    }
    for (const moment of chart.moments) {
      parts.push(`<g class="moment"><line x1="${x(moment.instant)}" y1="30" x2="${x(moment.instant)}" y2="${AXIS_Y}"/><text x="${x(moment.instant) + 3}" y="38">${moment.name}</text></g>`);
    }
    parts.push(`<line class="axis" x1="${MARGIN}" y1="${AXIS_Y}" x2="${WIDTH - MARGIN}" y2="${AXIS_Y}"/>`);
    const ticks = 6;
    for (let tick = 0; tick <= ticks; tick++) {
      const instant = min + (span * tick) / ticks;
      parts.push(`<g class="tick"><line class="axis" x1="${x(instant)}" y1="${AXIS_Y}" x2="${x(instant)}" y2="${AXIS_Y + 5}"/><text x="${x(instant)}" y="${AXIS_Y + 18}" text-anchor="middle">${clock(instant, chart.zone.spec, tick === 0)}</text></g>`);
    }
    chart.entries.forEach((entry, index) => {
      const cx = x(entry.instant);
      const y = AXIS_Y + 40 + (index % rows) * ROW_HEIGHT;
      const classes = ['entry', entry.moments.length ? 'key' : '', entry.findings.length ? 'finding' : ''].filter(Boolean).join(' ');
      const moments = entry.moments.length ? ` (${entry.moments.join(', ')})` : '';
      const label = `${entry.text}${moments}`;
      const tooltip = [label, ...entry.findings].join('\n');
      const anchor = cx > WIDTH / 2 ? 'end' : 'start';
      parts.push(
        `<g class="${classes}" data-line="${entry.line}" tabindex="0" role="button" aria-label="${escapeXml(label)}">` +
          `<title>${escapeXml(tooltip)}</title>` +
          `<line class="axis" x1="${cx}" y1="${AXIS_Y}" x2="${cx}" y2="${y - 4}" stroke-opacity=".25"/>` +
          `<circle cx="${cx}" cy="${AXIS_Y}" r="5"/>` +
          `<text x="${cx + (anchor === 'start' ? 4 : -4)}" y="${y}" text-anchor="${anchor}">${entry.findings.length ? '⚠ ' : ''}${escapeXml(shorten(entry.text))}</text>` +
          `</g>`,
      );
    });
  }
  const head = standalone ? `<svg xmlns="http://www.w3.org/2000/svg" class="pm-chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img"><style>${CHART_CSS}</style><rect width="100%" height="100%" fill="#ffffff"/>` : `<svg class="pm-chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="group" aria-label="Incident timeline">`;
  return `${head}${parts.join('')}</svg>`;
}

/** The webview's page: a strict Content-Security-Policy (nothing remote, style and script by nonce), the chart, Save as SVG. */
export function timelineChartPage(svg: string, nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Incident timeline</title>
<style nonce="${nonce}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 8px 16px; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button:focus { outline: 1px solid var(--vscode-focusBorder); }
${CHART_CSS}
</style>
</head>
<body>
<p><button id="save" type="button">Save as SVG</button> <span class="hint">Click an entry, or focus it and press Enter, to reveal its line.</span></p>
<div id="chart">${svg}</div>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
const chart = document.getElementById('chart');
const reveal = (target) => {
  const entry = target instanceof Element ? target.closest('[data-line]') : null;
  if (entry) vscode.postMessage({ type: 'reveal', line: Number(entry.getAttribute('data-line')) });
};
chart.addEventListener('click', (event) => reveal(event.target));
chart.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  reveal(event.target);
});
document.getElementById('save').addEventListener('click', () => vscode.postMessage({ type: 'save' }));
window.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'update') chart.innerHTML = event.data.svg;
});
</script>
</body>
</html>
`;
}
