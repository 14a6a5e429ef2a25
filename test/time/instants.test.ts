import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatElapsed,
  formatElapsedClock,
  formatInZone,
  offsetAt,
  resolveInstant,
  toIsoUtc,
  UTC_NAMES,
} from '../../server/src/analysis/time/instants';
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { findTimestamp } from '../../server/src/analysis/time/timestamps';

const at = (year: number, month: number, day: number, hour: number, minute: number, zone: { offsetMinutes?: number; iana?: string }, second?: number) =>
  toIsoUtc(resolveInstant({ year, month, day }, { hour, minute, second }, zone));

test('resolveInstant: fixed offsets', () => {
  assert.equal(at(2024, 5, 10, 8, 30, { offsetMinutes: 180 }), '2024-05-10T05:30:00Z');
  assert.equal(at(2024, 5, 10, 8, 30, { offsetMinutes: 0 }), '2024-05-10T08:30:00Z');
  assert.equal(at(2023, 2, 25, 21, 0, { offsetMinutes: -300 }), '2023-02-26T02:00:00Z');
  assert.equal(at(2024, 1, 1, 0, 0, { offsetMinutes: 330 }), '2023-12-31T18:30:00Z');
  assert.equal(at(2024, 1, 1, 0, 0, {}), '2024-01-01T00:00:00Z', 'no zone means UTC');
  assert.equal(at(2024, 1, 1, 0, 0, { offsetMinutes: 0 }, 7), '2024-01-01T00:00:07Z');
});

test('resolveInstant: IANA zones follow DST', () => {
  assert.equal(at(2024, 1, 15, 9, 0, { iana: 'America/New_York' }), '2024-01-15T14:00:00Z');
  assert.equal(at(2024, 7, 15, 9, 0, { iana: 'America/New_York' }), '2024-07-15T13:00:00Z');
  assert.equal(at(2024, 7, 15, 9, 0, { iana: 'Europe/Berlin' }), '2024-07-15T07:00:00Z');
  assert.equal(at(2024, 1, 15, 9, 0, { iana: 'Europe/Berlin' }), '2024-01-15T08:00:00Z');
  // Spring forward: 02:30 does not exist in New York on 2024-03-10; luxon moves it to 03:30 EDT.
  const gap = resolveInstant({ year: 2024, month: 3, day: 10 }, { hour: 2, minute: 30 }, { iana: 'America/New_York' });
  assert.equal(toIsoUtc(gap), '2024-03-10T07:30:00Z');
  assert.equal(formatInZone(gap, { iana: 'America/New_York' }), '2024-03-10 03:30 UTC-04:00');
  // Fall back: 01:30 happens twice on 2024-11-03; the first (EDT) is chosen.
  assert.equal(at(2024, 11, 3, 1, 30, { iana: 'America/New_York' }), '2024-11-03T05:30:00Z');
  // Southern hemisphere.
  assert.equal(at(2024, 1, 15, 12, 0, { iana: 'Australia/Sydney' }), '2024-01-15T01:00:00Z');
});

test('resolveInstant: IANA wins over the offset of a DST-specific abbreviation', () => {
  // "9:00 AM PST" written in July: the ZoneRef carries both; as-is it reads as Los Angeles local time.
  const ts = findTimestamp('July 4, 2024, 9:00 AM PST')!;
  const date = { year: ts.date!.year!, month: ts.date!.month, day: ts.date!.day };
  assert.equal(toIsoUtc(resolveInstant(date, ts.time!, ts.zone!)), '2024-07-04T16:00:00Z');
  assert.equal(toIsoUtc(resolveInstant(date, ts.time!, { offsetMinutes: ts.zone!.offsetMinutes })), '2024-07-04T17:00:00Z');
  assert.equal(offsetAt('America/Los_Angeles', Date.UTC(2024, 6, 4)), -420);
  assert.equal(offsetAt('America/Los_Angeles', Date.UTC(2024, 0, 4)), -480);
  assert.equal(offsetAt('Nowhere/Special', 0), undefined);
});

test('resolveInstant: invalid input gives NaN', () => {
  assert.ok(Number.isNaN(resolveInstant({ year: 2023, month: 2, day: 30 }, { hour: 1, minute: 0 }, { offsetMinutes: 0 })));
  assert.ok(Number.isNaN(resolveInstant({ year: 2023, month: 2, day: 3 }, { hour: 1, minute: 0 }, { iana: 'Mars/Olympus_Mons' })));
  // An unknown IANA zone falls back to the offset when there is one.
  assert.equal(at(2023, 2, 3, 1, 0, { iana: 'Mars/Olympus_Mons', offsetMinutes: 60 }), '2023-02-03T00:00:00Z');
});

test('resolveInstant: UTC by its IANA names reads as luxon reads the IANA zone, without asking Intl', () => {
  for (const name of UTC_NAMES) {
    const zone = IANAZone.create(name);
    assert.ok(zone.isValid, name);
    for (let year = 1850; year <= 2100; year += 7) {
      for (const month of [1, 3, 6, 10, 12]) assert.equal(zone.offset(Date.UTC(year, month - 1, 15, 12)), 0, `${name} ${year}-${month}`);
    }
    const readings: Array<[number, number, number, number, number, number?]> = [
      [2024, 5, 10, 8, 30], [2024, 2, 29, 23, 59, 59], [2023, 2, 29, 1, 0], [2023, 2, 30, 1, 0], [2024, 3, 10, 2, 30],
      [2024, 11, 3, 1, 30], [1970, 1, 1, 0, 0], [1969, 12, 31, 23, 59, 30], [99, 7, 4, 12, 0], [2024, 13, 1, 0, 0], [2024, 4, 31, 0, 0],
    ];
    for (const [year, month, day, hour, minute, second] of readings) {
      const luxon = DateTime.fromObject({ year, month, day, hour, minute, second: second ?? 0 }, { zone });
      const expected = luxon.isValid ? Math.min(...luxon.getPossibleOffsets().map((x) => x.toMillis())) : NaN;
      assert.equal(resolveInstant({ year, month, day }, { hour, minute, second }, { iana: name }), expected, `${name} ${year}-${month}-${day} ${hour}:${minute}`);
    }
  }
});

test('resolveInstant: fixed offsets read every reading as luxon does, valid or not', () => {
  const years = [1, 99, 100, 1900, 1970, 2000, 2023, 2024, 2100, 275760, 300000];
  const days: Array<[number, number]> = [[1, 1], [1, 31], [2, 28], [2, 29], [2, 30], [4, 30], [4, 31], [12, 31], [13, 1], [0, 1], [6, 0], [6, 1.5]];
  const times: Array<[number, number, number?]> = [[0, 0], [23, 59, 59], [24, 0], [12, 60], [12, 0, 60], [7, 30, 0.5], [-1, 0], [9, 5, 7]];
  let count = 0;
  for (const offsetMinutes of [0, 180, -300, 330, 45.5]) {
    const zone = FixedOffsetZone.instance(offsetMinutes);
    for (const year of years) {
      for (const [month, day] of days) {
        for (const [hour, minute, second] of times) {
          const luxon = DateTime.fromObject({ year, month, day, hour, minute, second: second ?? 0 }, { zone });
          const expected = luxon.isValid ? luxon.toMillis() : NaN;
          // Every key is new: the cache does not answer.
          assert.equal(resolveInstant({ year, month, day }, { hour, minute, second }, { offsetMinutes }), expected, `${year}-${month}-${day} ${hour}:${minute}:${second} ${offsetMinutes}`);
          count++;
        }
      }
    }
  }
  assert.equal(count, 5 * 11 * 12 * 8);
});

test('formatElapsed and formatElapsedClock', () => {
  const minute = 60_000;
  const cases: Array<[number, string, string]> = [
    [0, 'T+0m', 'T+00:00'],
    [-500, 'T+0m', 'T+00:00'],
    [45 * minute, 'T+45m', 'T+00:45'],
    [75 * minute, 'T+1h 15m', 'T+01:15'],
    [60 * minute, 'T+1h', 'T+01:00'],
    [127_000, 'T+2m 7s', 'T+00:02:07'],
    [45_000, 'T+45s', 'T+00:00:45'],
    [26 * 60 * minute + 5 * minute, 'T+1d 2h 5m', 'T+26:05'],
    [-5 * minute, 'T-5m', 'T-00:05'],
    [75 * minute + 999, 'T+1h 15m', 'T+01:15'],
  ];
  for (const [ms, elapsed, clock] of cases) {
    assert.equal(formatElapsed(ms), elapsed, `formatElapsed(${ms})`);
    assert.equal(formatElapsedClock(ms), clock, `formatElapsedClock(${ms})`);
  }
});

test('toIsoUtc and formatInZone', () => {
  const ms = Date.UTC(2024, 4, 10, 5, 30);
  assert.equal(toIsoUtc(ms), '2024-05-10T05:30:00Z');
  assert.equal(toIsoUtc(ms + 123), '2024-05-10T05:30:00.123Z');
  assert.equal(formatInZone(ms, { offsetMinutes: 180 }), '2024-05-10 08:30 UTC+03:00');
  assert.equal(formatInZone(ms, {}), '2024-05-10 05:30 UTC');
  assert.equal(formatInZone(ms, { iana: 'Asia/Kolkata' }), '2024-05-10 11:00 UTC+05:30');
  assert.equal(formatInZone(ms, { iana: 'America/Los_Angeles' }), '2024-05-09 22:30 UTC-07:00');
  assert.equal(formatInZone(ms + 7000, { offsetMinutes: 0 }), '2024-05-10 05:30:07 UTC');
  assert.equal(formatInZone(NaN, { offsetMinutes: 0 }), 'Invalid time');
});
