import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  abbreviationMeanings,
  findZone,
  findZoneDeclaration,
  formatOffset,
  parseZone,
  zoneAfter,
} from '../../server/src/analysis/time/zones';

test('findZone: abbreviations, offsets, long names, IANA names', () => {
  const cases: Array<[string, string, Partial<{ kind: string; offsetMinutes: number; iana: string }>]> = [
    ['14:30 UTC', 'UTC', { kind: 'abbreviation', offsetMinutes: 0 }],
    ['at 10:00 GMT', 'GMT', { kind: 'abbreviation', offsetMinutes: 0 }],
    ['9:00 PM PST', 'PST', { offsetMinutes: -480, iana: 'America/Los_Angeles' }],
    ['9:00 PM PDT', 'PDT', { offsetMinutes: -420, iana: 'America/Los_Angeles' }],
    ['9:00 EST', 'EST', { offsetMinutes: -300, iana: 'America/New_York' }],
    ['9:00 EDT', 'EDT', { offsetMinutes: -240, iana: 'America/New_York' }],
    ['9:00 MST', 'MST', { offsetMinutes: -420 }],
    ['9:00 CET', 'CET', { offsetMinutes: 60, iana: 'Europe/Berlin' }],
    ['9:00 CEST', 'CEST', { offsetMinutes: 120 }],
    ['9:00 EET', 'EET', { offsetMinutes: 120 }],
    ['9:00 EEST', 'EEST', { offsetMinutes: 180 }],
    ['2100hrs WAT', 'WAT', { offsetMinutes: 60, iana: 'Africa/Lagos' }],
    ['12:00pm EAT', 'EAT', { offsetMinutes: 180, iana: 'Africa/Nairobi' }],
    ['9:00 PM CAT on', 'CAT', { offsetMinutes: 120 }],
    ['9:00 JST', 'JST', { offsetMinutes: 540 }],
    ['9:00 KST', 'KST', { offsetMinutes: 540 }],
    ['9:00 AEST', 'AEST', { offsetMinutes: 600, iana: 'Australia/Sydney' }],
    ['9:00 AEDT', 'AEDT', { offsetMinutes: 660 }],
    ['9:00 SGT', 'SGT', { offsetMinutes: 480 }],
    ['9:00 HKT', 'HKT', { offsetMinutes: 480 }],
    ['9:00 WIB', 'WIB', { offsetMinutes: 420 }],
    ['9:00 NZST', 'NZST', { offsetMinutes: 720 }],
    ['7:31 PM to 9:21 PM PT.', 'PT', { iana: 'America/Los_Angeles' }],
    ['UTC-5', 'UTC-5', { kind: 'offset', offsetMinutes: -300 }],
    ['(UTC+05:30)', 'UTC+05:30', { kind: 'offset', offsetMinutes: 330 }],
    ['GMT+1', 'GMT+1', { kind: 'offset', offsetMinutes: 60 }],
    ['At 17:00 GMT +1, a change', 'GMT +1', { kind: 'offset', offsetMinutes: 60 }],
    ['16:50 GMT+1: Misleadingly', 'GMT+1', { kind: 'offset', offsetMinutes: 60 }],
    ['UTC+0530', 'UTC+0530', { kind: 'offset', offsetMinutes: 330 }],
    ['times (+03:00)', '+03:00', { kind: 'offset', offsetMinutes: 180 }],
    ['(East Africa Time, Ethiopia)', 'East Africa Time', { kind: 'long-name', offsetMinutes: 180, iana: 'Africa/Nairobi' }],
    ['06:05 Central African Time (CAT)', 'Central African Time', { kind: 'long-name', offsetMinutes: 120 }],
    ['all times in Pacific Time', 'Pacific Time', { kind: 'long-name', iana: 'America/Los_Angeles' }],
    ['Eastern Time', 'Eastern Time', { kind: 'long-name', iana: 'America/New_York' }],
    ['Central European Time', 'Central European Time', { offsetMinutes: 60 }],
    ['Central European Summer Time', 'Central European Summer Time', { offsetMinutes: 120 }],
    ['00:07 Pacific Standard Time (PST)', 'Pacific Standard Time', { offsetMinutes: -480 }],
    ['West Central Africa Standard Timezone', 'West Central Africa Standard Timezone', { offsetMinutes: 60 }],
    ['in Europe/Berlin', 'Europe/Berlin', { kind: 'iana', iana: 'Europe/Berlin' }],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires', { kind: 'iana' }],
  ];
  for (const [text, zoneText, expected] of cases) {
    const zone = findZone(text);
    assert.ok(zone, `no zone in ${JSON.stringify(text)}`);
    assert.equal(zone.text, zoneText, text);
    assert.equal(text.slice(zone.start, zone.end), zoneText, text);
    for (const [key, value] of Object.entries(expected)) assert.equal(zone[key as keyof typeof zone], value, `${text}: ${key}`);
  }
});

test('findZone: ambiguous abbreviations list every meaning and pick none', () => {
  const cases: Array<[string, number[]]> = [
    ['9:00 IST', [330, 60, 120]],
    ['7:30 pm (CST)', [-360, 480, -300]],
    ['9:00 CDT', [-300, -240]],
    ['9:00 BST', [60, 360]],
    ['9:00 AST', [-240, 180]],
    ['9:00 ADT', [-180, 240]],
    ['9:00 GST', [240, -120]],
    ['9:00 SST', [-660, 480]],
    ['9:00 ECT', [-300, -240]],
  ];
  for (const [text, offsets] of cases) {
    const zone = findZone(text);
    assert.ok(zone?.meanings, text);
    assert.deepEqual(zone.meanings.map((x) => x.offsetMinutes), offsets, text);
    assert.equal(zone.offsetMinutes, undefined, text);
    assert.equal(zone.iana, undefined, text);
  }
  assert.deepEqual(abbreviationMeanings('IST')?.map((x) => x.label), ['India Standard Time', 'Irish Standard Time', 'Israel Standard Time']);
  assert.equal(abbreviationMeanings('PST')?.length, 1);
  assert.equal(abbreviationMeanings('XYZ'), undefined);
});

test('findZone: no false hits on words and acronyms', () => {
  for (const text of [
    'the last cat sat on the mat',
    'LIST of ASTONISHING things',
    'We EAT lunch', // weak abbreviation without time context
    'a BST is a binary search tree',
    'AWS MSK disk pressure during catch-up',
    'The final plans for CAT1 were put into action',
    'GST is a tax',
    'the central time-series database',
    'utc in lowercase is not matched',
    'Foo/Bar is not a zone',
    'ranges +10 or -15',
    'HTTP 500 errors',
  ]) {
    assert.equal(findZone(text), undefined, text);
  }
});

test('findZone: from, and "14:00 UTC - 15:00" is not an offset', () => {
  const text = '14:00 UTC - 15:00 UTC';
  const first = findZone(text);
  assert.equal(first?.text, 'UTC');
  assert.equal(first?.start, 6);
  const second = findZone(text, first!.end);
  assert.equal(second?.start, 18);
  assert.equal(second?.offsetMinutes, 0);
});

test('zoneAfter: zones written right after a time', () => {
  const cases: Array<[string, number, string, number, number | undefined]> = [
    // text, index after time, zone text, end, offset
    ['9:00 AM (EAT) x', 7, 'EAT', 13, 180],
    ['10:00 AM (East Africa Time, Ethiopia) when', 8, 'East Africa Time', 37, 180],
    ['08:30:00.123456Z"', 8, 'Z', 16, 0],
    ['08:30:00+03:00', 8, '+03:00', 14, 180],
    ['12pm GMT +1)', 4, 'GMT +1', 11, 60],
    ['**14:05 UTC** -', 7, 'UTC', 11, 0],
    ['14:05** UTC', 5, 'UTC', 11, 0],
    ['9:00 AM [UTC]', 7, 'UTC', 13, 0],
    ['9:21 PM PT.', 7, 'PT', 10, undefined],
  ];
  for (const [text, index, zoneText, end, offset] of cases) {
    const found = zoneAfter(text, index);
    assert.ok(found, text);
    assert.equal(found.zone.text, zoneText, text);
    assert.equal(found.end, end, text);
    assert.equal(found.zone.offsetMinutes, offset, text);
  }
  assert.equal(zoneAfter('9:00 AM the cat', 7), undefined);
  assert.equal(zoneAfter('9:00 AM, then UTC', 7), undefined);
});

test('findZoneDeclaration: timeline-wide zones', () => {
  const cases: Array<[string, string]> = [
    ['## Timeline (all times UTC)', 'UTC'],
    ['## Timeline (all times PST ) Saturday Oct 30th 2021 - Monday Nov 1st, 2021.', 'PST'],
    ['All times are in PST', 'PST'],
    ['All times in UTC.', 'UTC'],
    ['All times in CET (GMT+1)', 'CET'],
    ['> (all times in Pacific Time)', 'Pacific Time'],
    ['Timeline(all times pacific Time):', 'pacific Time'],
    ['## Timeline (all in PST)', 'PST'],
    ['All times are Nairobi time.', 'Nairobi time'],
    ['## Timeline (Lagos Time)', 'Lagos Time'],
    ['All times Eastern', 'Eastern'],
    ['Times in Pacific, as the team wrote them', 'Pacific'],
    ['All times in Central Africa Time (GMT+2)', 'Central Africa Time'],
    ['## Timeline (UTC) All Times Approximate', 'UTC'],
    ['| Time (UTC) | Event |', 'UTC'],
    ['| Date and Time in CET | Event |', 'CET'],
    ['Time in CET', 'CET'],
    ['Timezone: CAT', 'CAT'],
    ['### Timeline (in 24-hour clock, West Central Africa Standard Timezone)', 'West Central Africa Standard Timezone'],
    ['- **Duration**: 2023-09-10 14:30 - 2023-09-10 15:45 (UTC)', 'UTC'],
    ['- **Duration**: 2 hours, ending 15:45 (UTC)', 'UTC'],
    ['The outage occurred on October 5, 2023, from 9:00 AM to 10:00 AM (GMT).', 'GMT'],
    ['Duration: February 25, 2023, from 9:00 PM to February 26, 2023, 3:00 AM (UTC-5)', 'UTC-5'],
    [
      'The outage lasted from March 15, 2024, at 09:00 AM to March 15, 2024, at 01:00 PM (East Africa Time, Ethiopia).',
      'East Africa Time',
    ],
  ];
  for (const [text, zoneText] of cases) {
    const zone = findZoneDeclaration(text);
    assert.ok(zone, `no declaration in ${JSON.stringify(text)}`);
    assert.equal(zone.text, zoneText, text);
    assert.equal(text.slice(zone.start, zone.end), zoneText, text);
  }
  const multiLine = '# Report\n\nSome text.\n\n## Timeline\n\nAll times in UTC.\n\n| Time | Event |';
  assert.equal(findZoneDeclaration(multiLine)?.start, multiLine.indexOf('UTC'));
});

test('findZone: a city with a zone of its own, then "time"', () => {
  assert.equal(findZone('9:00 AM Nairobi time')?.iana, 'Africa/Nairobi');
  assert.equal(findZone('in New York time')?.iana, 'America/New_York');
  for (const text of ['during Christmas time', 'it was lunch time', 'Response Time grew', 'the Eastern region']) assert.equal(findZone(text), undefined, text);
});

test('findZoneDeclaration: not a declaration', () => {
  for (const text of [
    '## Timeline (all times approximate)',
    'All times in {{ most convenient timezone}}',
    '| Time             | Event |',
    'approximately 00:07 Pacific Standard Time (PST), an outage occurred',
    'approximately 06:05 Central African Time (CAT) here in Rwanda, an outage',
    '- 14:00 UTC: Issue detected',
    'We moved the BST to a new file (time in BST is O(log n))',
    'Start Time: January 25, 2024, 10:30 AM (UTC)',
    'service was fully recovered by 4:45 PM (UTC).',
  ]) {
    assert.equal(findZoneDeclaration(text), undefined, text);
  }
});

test('parseZone: whole strings, weak abbreviations included', () => {
  assert.equal(parseZone('PST')?.offsetMinutes, -480);
  assert.equal(parseZone(' EAT ')?.offsetMinutes, 180);
  assert.equal(parseZone('Europe/Berlin')?.iana, 'Europe/Berlin');
  assert.equal(parseZone('UTC+5:30')?.offsetMinutes, 330);
  assert.equal(parseZone('Z')?.offsetMinutes, 0);
  assert.equal(parseZone('East Africa Time')?.offsetMinutes, 180);
  assert.equal(parseZone('AST')?.meanings?.length, 2);
  assert.equal(parseZone('Mars/Olympus'), undefined);
  assert.equal(parseZone('PST and more'), undefined);
});

test('formatOffset', () => {
  assert.equal(formatOffset(0), 'UTC');
  assert.equal(formatOffset(330), 'UTC+05:30');
  assert.equal(formatOffset(-300), 'UTC-05:00');
  assert.equal(formatOffset(345), 'UTC+05:45');
  assert.equal(formatOffset(-210), 'UTC-03:30');
});
