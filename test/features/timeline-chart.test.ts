import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { buildTimelineChart, renderTimelineSvg, timelineChartPage, type TimelineChart } from '../../server/src/analysis/features/timelineChart';

const TEXT = [
  '# Checkout & "outage"',
  '',
  '## Summary',
  '',
  '**Duration:** 2024-06-15 14:00 to 15:30 UTC',
  '',
  '## Timeline (all times PST)',
  '',
  '- 2024-06-15 07:05 alert fired',
  '- 07:40 rolled back',
  '- 07:20 paged the on-call & the "DB" team',
  '- 08:30 service restored',
  '',
].join('\n');

function chartOf(text: string): TimelineChart {
  const result = analyze({ text, overrides: { detection: 'always' } });
  return buildTimelineChart(result.document!, result.findings);
}

test('the chart model: entries in time order with their lines, key moments and timeline findings; phases between the moments', () => {
  const chart = chartOf(TEXT);
  assert.equal(chart.title, 'Checkout & "outage"');
  assert.equal(chart.zone.label, 'PST');
  assert.equal(chart.headingLine, 6);
  assert.deepEqual(
    chart.entries.map(({ line, time, moments, findings }) => [line, time, moments, findings.length]),
    [
      [8, '2024-06-15 07:05', ['detected'], 0],
      [10, '07:20', [], 1],
      [9, '07:40', ['mitigated'], 0],
      [11, '08:30', ['resolved'], 0],
    ],
  );
  assert.deepEqual(
    chart.bands.map((band) => [band.phase, (band.to - band.from) / 60_000]),
    [
      ['impact', 90],
      ['detection', 5],
      ['mitigation', 35],
      ['recovery', 50],
    ],
  );
});

test('the webview SVG: each entry a focusable button naming its line, times in the timeline zone, text escaped, no style of its own', () => {
  const svg = renderTimelineSvg(chartOf(TEXT), { standalone: false });
  const entries = [...svg.matchAll(/<g class="([^"]+)" data-line="(\d+)" tabindex="0" role="button" aria-label="([^"]+)">/g)].map((match) => [match[1], match[2], match[3]]);
  assert.deepEqual(entries, [
    ['entry key', '8', '2024-06-15 07:05 alert fired (detected)'],
    ['entry finding', '10', '07:20 paged the on-call &#38; the &#34;DB&#34; team'],
    ['entry key', '9', '07:40 rolled back (mitigated)'],
    ['entry key', '11', '08:30 service restored (resolved)'],
  ]);
  assert.match(svg, /<text class="muted" [^>]*>Times in PST<\/text>/);
  assert.match(svg, /<g class="tick">.*?>2024-06-15 07:00<\/text><\/g><g class="tick">.*?>07:15<\/text><\/g>/);
  assert.match(svg, />Checkout &#38; &#34;outage&#34;</);
  for (const phase of ['impact', 'detection', 'mitigation', 'recovery']) assert.match(svg, new RegExp(`<rect class="band band-${phase}"`));
  for (const moment of ['started', 'detected', 'mitigated', 'resolved']) assert.match(svg, new RegExp(`<g class="moment">.*?>${moment}</text></g>`));
  assert.doesNotMatch(svg, /<style|xmlns|style=/);
});

test('the saved SVG carries its own style with fallback colours and an XML namespace', () => {
  const svg = renderTimelineSvg(chartOf(TEXT), { standalone: true });
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="pm-chart" viewBox="0 0 960 \d+" width="960" height="\d+" role="img"><style>/);
  assert.match(svg, /fill: var\(--vscode-charts-red, #d1242f\)/);
  assert.ok(svg.endsWith('</svg>'));
});

test('a timeline without times draws a note, not an empty axis', () => {
  const svg = renderTimelineSvg(chartOf('# Outage\n\n## Timeline\n\n- the pager went off\n'), { standalone: false });
  assert.match(svg, /No timeline entry has a time yet\./);
  assert.doesNotMatch(svg, /data-line/);
});

test('the page: a strict Content-Security-Policy, style and script by nonce only, nothing remote, Save as SVG', () => {
  const page = timelineChartPage('<svg></svg>', 'abc123');
  assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123';">/);
  assert.deepEqual([...page.matchAll(/<(script|style)( [^>]*)?>/g)].map((match) => match[0]), ['<style nonce="abc123">', '<script nonce="abc123">']);
  assert.doesNotMatch(page, /https?:\/\/(?!www\.w3\.org)|src=|style="/);
  assert.match(page, /<button id="save" type="button">Save as SVG<\/button>/);
  assert.match(page, /<div id="chart"><svg><\/svg><\/div>/);
  assert.match(page, /postMessage\(\{ type: 'reveal', line: Number\(entry\.getAttribute\('data-line'\)\) \}\)/);
});
