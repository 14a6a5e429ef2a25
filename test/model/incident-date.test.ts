/** The incident's day: the first calendar date with a written year, read once per text and kept between keystrokes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstCalendarDate } from '../../server/src/analysis/model/incidentDate';

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
