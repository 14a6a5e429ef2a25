/**
 * The timeline engine on the seeds the product was designed from (acceptance of issue 4), and the sort's promise on
 * real timelines: it keeps every line, and sorting twice changes nothing the second time.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { sortTimelineEdits } from '../../server/src/analysis/features/timelineEdits';
import { applyEdits } from '../../server/src/analysis/fixes/fix';
import { timelineRules } from '../../server/src/analysis/rules/timeline';
import { SourceText } from '../../server/src/analysis/parsing/sourceText';
import { toIsoUtc } from '../../server/src/analysis/time/instants';
import { corpus, seed, seeds } from '../helpers/corpus';

const TIMELINE_RULES = new Set(timelineRules.map((rule) => rule.meta.id));

/** Timeline findings of a seed with the default configuration, as `rule-id line` (1-based). */
function timelineFindings(number: string): string[] {
  const { findings } = analyze({ text: seed(number).text });
  return findings.filter((finding) => TIMELINE_RULES.has(finding.ruleId)).map((finding) => `${finding.ruleId} ${finding.range.start.line + 1}`);
}

test('seed 000: East Africa Time is stated and carries over; only the entry without a time is reported', () => {
  assert.deepEqual(timelineFindings('000'), ['timeline-missing-time 11']);
  const { document } = analyze({ text: seed('000').text });
  const instants = document!.timeline.flatMap((entry) => (entry.instant === undefined ? [] : [toIsoUtc(entry.instant)]));
  // 9:00 AM ... 12:00 PM, 01:00 PM East Africa Time (UTC+3), in order.
  assert.deepEqual(instants, ['2024-03-15T06:00:00Z', '2024-03-15T06:15:00Z', '2024-03-15T06:30:00Z', '2024-03-15T08:00:00Z', '2024-03-15T09:00:00Z', '2024-03-15T10:00:00Z']);
});

test('seed 001: the entries without a time are reported', () => {
  assert.deepEqual(timelineFindings('001'), ['timeline-missing-time 18', 'timeline-missing-time 20', 'timeline-missing-time 24', 'timeline-missing-time 27', 'timeline-missing-time 30']);
});

test('seed 002: all UTC and in order', () => {
  assert.deepEqual(timelineFindings('002'), []);
});

test('seed 003: no zone, order or duration findings; detection 30 minutes after the start', () => {
  assert.deepEqual(timelineFindings('003'), []);
  const { document } = analyze({ text: seed('003').text });
  assert.equal(document!.timelineInfo.startSource, 'summary');
  assert.equal(document!.timeline[0].elapsed, 30 * 60_000);
});

test("seed 004: the summary's (UTC-5) is declared, and dated entries stay in order across midnight", () => {
  assert.deepEqual(timelineFindings('004'), []);
  const { document } = analyze({ text: seed('004').text });
  const zones = new Set(document!.timeline.map((entry) => `${entry.zone?.ref.text} (${entry.zone?.source})`));
  assert.deepEqual([...zones], ['UTC-5 (summary)']);
  const last = document!.timeline[document!.timeline.length - 1];
  assert.equal(toIsoUtc(last.instant!), '2023-02-26T08:00:00Z');
});

const lines = (text: string) => text.split(/\r\n|\r|\n/).sort();
const SORTED_CORPUS = ['industry/005.md', 'industry/007.md', 'industry/012.md', 'student/012.md', 'student/054.md'];

test('sorting keeps every line, settles in one pass and leaves nothing out of order', () => {
  const documents = [...seeds(), ...corpus().filter((document) => SORTED_CORPUS.includes(document.name))];
  assert.equal(documents.length, 5 + SORTED_CORPUS.length);
  for (const { name, text } of documents) {
    const analysed = analyze({ text, layers: [{ detection: 'always' }] });
    const edits = sortTimelineEdits(analysed.document!);
    // The seeds are in order already; the corpus files named above are not.
    assert.equal(edits.length > 0, SORTED_CORPUS.includes(name), name);
    const sorted = applyEdits(new SourceText(text), edits);
    assert.deepEqual(lines(sorted), lines(text), name);
    const again = analyze({ text: sorted, layers: [{ detection: 'always' }] });
    assert.deepEqual(sortTimelineEdits(again.document!), [], `${name}: a second sort changes nothing`);
    assert.deepEqual(again.findings.filter((finding) => finding.ruleId === 'timeline-out-of-order').map((finding) => finding.message), [], name);
  }
});
