/** The incident's day: the first calendar date with a written year, read once per text and kept between keystrokes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import { firstCalendarDate, incidentDate } from '../../server/src/analysis/model/incidentDate';

const TEXTS: Array<[string, string | undefined]> = [
  ['2024-06-15 14:00–16:30 UTC (2h30m)', '2024-06-15'],
  ['March 3, 2023 from 09:10 to 10:40', '2023-03-03'],
  ['14:00 UTC: 2048 requests failed', undefined],
  ['10:00 AM to 12:00 PM, 1500 users', undefined],
  ['June 15 2024', '2024-06-15'],
];

test('each text gets its own date, the same when read again (as every keystroke reads the summary again)', () => {
  for (let pass = 0; pass < 2; pass++) {
    assert.deepEqual(
      TEXTS.map(([text]) => firstCalendarDate(text)),
      TEXTS.map(([, date]) => date),
      `pass ${pass + 1}`,
    );
  }
});

test('a text edited to another date reads the new one', () => {
  assert.equal(firstCalendarDate('Started 2024-06-15 at 14:00'), '2024-06-15');
  assert.equal(firstCalendarDate('Started 2024-06-16 at 14:00'), '2024-06-16');
  assert.equal(firstCalendarDate('Started 2024-06-15 at 14:00'), '2024-06-15');
});

const analysed = (text: string, date?: string) => analyze({ text, layers: [{ detection: 'always', ...(date ? { date } : {}) }] });
const ITEMS = '\n## Action Items\n\n- Add an alert on pool usage\n';

test('the model reads the incident date once, as a full reading does, from the front matter, the summary or the timeline', () => {
  const cases: Array<[string, string, ReturnType<typeof incidentDate>]> = [
    ['front matter', '---\ndate: 2024-03-15\n---\n# Postmortem\n', { date: '2024-03-15', from: 'front matter' }],
    ['summary', '# Postmortem\n\n## Summary\n\n**Duration:** May 4, 2023 14:30 to 15:45 UTC\n', { date: '2023-05-04', from: 'summary' }],
    ['timeline', '# Postmortem\n\n## Timeline\n\n- 10:00 UTC alert fired\n- 2022-11-02 10:05 UTC paged the on-call\n', { date: '2022-11-02', from: 'timeline' }],
    ['nowhere', '# Postmortem\n\n## Timeline\n\n- 10:00 UTC alert fired\n', undefined],
  ];
  for (const [where, text, expected] of cases) {
    const document = analysed(text + ITEMS).document!;
    assert.deepEqual(document.incidentDate, expected, where);
    assert.deepEqual(document.incidentDate, incidentDate(document.frontMatter, document.summary, () => document.timeline), where);
  }
});

test('action-item-due dates its fix from the model\'s incident date, and from a configured date when one is set', () => {
  const text = `# Postmortem\n\n## Summary\n\n**Duration:** May 4, 2023 14:30 to 15:45 UTC\n${ITEMS}`;
  const fixTitles = (date?: string) =>
    analysed(text, date).findings.filter((finding) => finding.ruleId === 'action-item-due').flatMap((finding) => finding.fixes.map((fix) => fix.title));
  assert.deepEqual(fixTitles(), ['Add due date 2023-05-18 (placeholder)']);
  assert.deepEqual(fixTitles('2024-01-10'), ['Add due date 2024-01-24 (placeholder)']);
});

test('a relative phrase before a written date still moves the incident date', () => {
  assert.equal(firstCalendarDate('Duration: May 4, 2023 14:30 to 15:45 UTC'), '2023-05-04');
  assert.equal(firstCalendarDate('Two days before May 4, 2023'), '2023-05-02');
  assert.equal(firstCalendarDate('Three days after May 4, 2023'), '2023-05-07');
});
