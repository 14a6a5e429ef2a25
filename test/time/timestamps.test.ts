import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimestamp, findTimestamps, inferDateOrder, type ParsedTimestamp } from '../../server/src/analysis/time/timestamps';

interface Expect {
  /** The timestamp's text as it must be reported (span). */
  text: string;
  date?: [year: number | undefined, month: number, day: number];
  time?: [hour: number, minute: number];
  second?: number;
  twelveHour?: boolean;
  meridiem?: 'am' | 'pm';
  zeroPadded?: boolean;
  zone?: string;
  offset?: number;
  ambiguous?: boolean;
}

function check(input: string, got: ParsedTimestamp | undefined, want: Expect): void {
  const label = JSON.stringify(input);
  assert.ok(got, `no timestamp in ${label}`);
  assert.equal(got.text, want.text, label);
  assert.equal(input.slice(got.start, got.end), want.text, `${label}: span`);
  if (want.date) {
    assert.ok(got.date, `${label}: date`);
    assert.deepEqual([got.date.year, got.date.month, got.date.day], want.date, `${label}: date`);
    assert.equal(got.date.dayMonthAmbiguous ?? false, want.ambiguous ?? false, `${label}: dayMonthAmbiguous`);
  } else {
    assert.equal(got.date, undefined, `${label}: no date`);
  }
  if (want.time) {
    assert.ok(got.time, `${label}: time`);
    assert.deepEqual([got.time.hour, got.time.minute], want.time, `${label}: time`);
    if (want.second !== undefined) assert.equal(got.time.second, want.second, `${label}: second`);
    if (want.twelveHour !== undefined) assert.equal(got.time.twelveHour, want.twelveHour, `${label}: twelveHour`);
    assert.equal(got.time.meridiem, want.meridiem, `${label}: meridiem`);
    if (want.zeroPadded !== undefined) assert.equal(got.time.zeroPadded, want.zeroPadded, `${label}: zeroPadded`);
  } else {
    assert.equal(got.time, undefined, `${label}: no time`);
  }
  if (want.zone) {
    assert.equal(got.zone?.text, want.zone, `${label}: zone`);
    if (want.offset !== undefined) assert.equal(got.zone?.offsetMinutes, want.offset, `${label}: offset`);
    assert.equal(input.slice(got.zone!.start, got.zone!.end), want.zone, `${label}: zone span`);
  } else {
    assert.equal(got.zone, undefined, `${label}: no zone`);
  }
}

test('findTimestamp: times on their own', () => {
  const cases: Array<[string, Expect]> = [
    ['14:30 UTC', { text: '14:30 UTC', time: [14, 30], twelveHour: false, zone: 'UTC', offset: 0 }],
    ['9:00 PM', { text: '9:00 PM', time: [21, 0], twelveHour: true, meridiem: 'pm' }],
    ['09:15 AM', { text: '09:15 AM', time: [9, 15], twelveHour: true, meridiem: 'am', zeroPadded: true }],
    ['12:50:07 UTC', { text: '12:50:07 UTC', time: [12, 50], second: 7, zone: 'UTC' }],
    ['2100hrs WAT: Issue was detected.', { text: '2100hrs WAT', time: [21, 0], twelveHour: false, zone: 'WAT', offset: 60 }],
    ['0930 hrs: standup', { text: '0930 hrs', time: [9, 30], twelveHour: false, zeroPadded: true }],
    ['start : 02/02/2022, 3:AM', { text: '02/02/2022, 3:AM', date: [2022, 2, 2], time: [3, 0], meridiem: 'am' }],
    ['3:AM', { text: '3:AM', time: [3, 0], twelveHour: true, meridiem: 'am' }],
    ['* 10.46 pm - In the end', { text: '10.46 pm', time: [22, 46], meridiem: 'pm' }],
    ['8.35 AM GMT - The intern', { text: '8.35 AM GMT', time: [8, 35], meridiem: 'am', zone: 'GMT' }],
    ['* 15.25 PST 29 april 2022 - x', { text: '15.25 PST 29 april 2022', date: [2022, 4, 29], time: [15, 25], zone: 'PST' }],
    ['**14:05 UTC** - Engineers began', { text: '14:05 UTC', time: [14, 5], zone: 'UTC' }],
    ['- **14:00 UTC:** Issue detected', { text: '14:00 UTC', time: [14, 0], zone: 'UTC' }],
    ['[10:15] deploy', { text: '10:15', time: [10, 15], twelveHour: true }],
    ['- By 09:15 AM, the on-call team', { text: '09:15 AM', time: [9, 15], meridiem: 'am' }],
    ['- At 12:00 PM, the query', { text: '12:00 PM', time: [12, 0], meridiem: 'pm' }],
    ['At 12:05 AM: The engineer', { text: '12:05 AM', time: [0, 5], meridiem: 'am', twelveHour: true }],
    ['9:00 AM (EAT)', { text: '9:00 AM (EAT)', time: [9, 0], meridiem: 'am', zone: 'EAT', offset: 180 }],
    ['12:00 p.m. EAT, service', { text: '12:00 p.m. EAT', time: [12, 0], meridiem: 'pm', zone: 'EAT' }],
    ['12:06pm EAT: While using curl', { text: '12:06pm EAT', time: [12, 6], meridiem: 'pm', zone: 'EAT' }],
    ['- 5:30pm – Configuration push begins', { text: '5:30pm', time: [17, 30], meridiem: 'pm' }],
    ['From 4pm to 6 GMT', { text: '4pm', time: [16, 0], meridiem: 'pm' }],
    ['At 17:00 GMT +1, a configuration', { text: '17:00 GMT +1', time: [17, 0], zone: 'GMT +1', offset: 60 }],
    ['16:50 GMT+1: Misleadingly', { text: '16:50 GMT+1', time: [16, 50], zone: 'GMT+1', offset: 60 }],
    ['\t12:05-pm-GMT - After ensuring', { text: '12:05-pm-GMT', time: [12, 5], meridiem: 'pm', zone: 'GMT' }],
    ['12: 30 pm Gmt.', { text: '12: 30 pm', time: [12, 30], meridiem: 'pm' }],
    ['- 14:15pm: We check the error logs', { text: '14:15pm', time: [14, 15], meridiem: 'pm', twelveHour: false }],
    ['14:17 PM PST Saturday Oct 30th: First wave', { text: '14:17 PM PST Saturday Oct 30th', date: [undefined, 10, 30], time: [14, 17], meridiem: 'pm', twelveHour: false, zone: 'PST' }],
    ['<li><strong>10:30 PM:</strong>Incident', { text: '10:30 PM', time: [22, 30], meridiem: 'pm' }],
    ['| 14:05 | Alert fired |', { text: '14:05', time: [14, 5], twelveHour: false }],
    ['12:48 (6:48 PDT): The last block', { text: '12:48', time: [12, 48] }],
    ['7:30 pm (CST), the web server', { text: '7:30 pm (CST)', time: [19, 30], meridiem: 'pm', zone: 'CST' }],
    ['approximately 00:07 Pacific Standard Time (PST), an', { text: '00:07 Pacific Standard Time', time: [0, 7], twelveHour: false, zeroPadded: true, zone: 'Pacific Standard Time', offset: -480 }],
    ['- 02:58 Customer Reported', { text: '02:58', time: [2, 58], twelveHour: false, zeroPadded: true }],
    ['09:00 hours (WAT): paged', { text: '09:00 hours (WAT)', time: [9, 0], twelveHour: false, zeroPadded: true, zone: 'WAT', offset: 60 }],
    ['at 00:00 hours the database', { text: '00:00 hours', time: [0, 0], twelveHour: false, zeroPadded: true }],
    ['14h05 UTC: alert', { text: '14h05 UTC', time: [14, 5], twelveHour: false, zone: 'UTC' }],
    ['[ 2: 15 pm ] paged', { text: '2: 15 pm', time: [14, 15], meridiem: 'pm' }],
  ];
  for (const [input, want] of cases) check(input, findTimestamp(input), want);
});

test('findTimestamp: dates with times', () => {
  const cases: Array<[string, Expect]> = [
    ['**May 10, 2024, 08:30 UTC:** - Issue detected', { text: 'May 10, 2024, 08:30 UTC', date: [2024, 5, 10], time: [8, 30], zone: 'UTC' }],
    ['* February 25, 2023, 9:00 PM: The monitoring', { text: 'February 25, 2023, 9:00 PM', date: [2023, 2, 25], time: [21, 0], meridiem: 'pm' }],
    ['**June 14th, 2022, 10:00 AM:** As part of', { text: 'June 14th, 2022, 10:00 AM', date: [2022, 6, 14], time: [10, 0], meridiem: 'am' }],
    ['- **Issue Detection Time**: 2023-09-10 14:30 (UTC)', { text: '2023-09-10 14:30 (UTC)', date: [2023, 9, 10], time: [14, 30], zone: 'UTC' }],
    ['| 2019-11-30 08:24 | Scaling down |', { text: '2019-11-30 08:24', date: [2019, 11, 30], time: [8, 24], zeroPadded: true }],
    ['| 2021-12-10   19:00 | People in CE |', { text: '2021-12-10   19:00', date: [2021, 12, 10], time: [19, 0] }],
    ['07-27-2023 2:14 pm - Attacker’s PR', { text: '07-27-2023 2:14 pm', date: [2023, 7, 27], time: [14, 14], meridiem: 'pm' }],
    ['2024-05-10T08:30:00+03:00', { text: '2024-05-10T08:30:00+03:00', date: [2024, 5, 10], time: [8, 30], twelveHour: false, zone: '+03:00', offset: 180 }],
    ['{"timestamp":"2023-04-05T12:34:56.123456Z"}', { text: '2023-04-05T12:34:56.123456Z', date: [2023, 4, 5], time: [12, 34], twelveHour: false, zone: 'Z', offset: 0 }],
    ['2024-05-10T08:30:00Z', { text: '2024-05-10T08:30:00Z', date: [2024, 5, 10], time: [8, 30], zone: 'Z', offset: 0 }],
    ['On 13/10/2023 at 2100hrs WAT, 100% of the webserver', { text: '13/10/2023 at 2100hrs WAT', date: [2023, 10, 13], time: [21, 0], zone: 'WAT' }],
    ['identified on March 15, 2024, at 09:00 AM (East Africa Time, Ethiopia) when', {
      text: 'March 15, 2024, at 09:00 AM (East Africa Time, Ethiopia)', date: [2024, 3, 15], time: [9, 0], meridiem: 'am', zone: 'East Africa Time', offset: 180,
    }],
    ['The outage began at **14:30 UTC, March 6, 2025** and', { text: '14:30 UTC, March 6, 2025', date: [2025, 3, 6], time: [14, 30], zone: 'UTC' }],
    ['ending at 10:15 AM UTC on August 19, 2024.', { text: '10:15 AM UTC on August 19, 2024', date: [2024, 8, 19], time: [10, 15], meridiem: 'am', zone: 'UTC' }],
    ['Start time: Oct 22rd 2022 9:00 AM (EAT), End', { text: 'Oct 22rd 2022 9:00 AM (EAT)', date: [2022, 10, 22], time: [9, 0], meridiem: 'am', zone: 'EAT' }],
    ['+ 05-02-2022 9:55 AM GMT+1 - A customer', { text: '05-02-2022 9:55 AM GMT+1', date: [2022, 5, 2], time: [9, 55], meridiem: 'am', zone: 'GMT+1', offset: 60, ambiguous: true }],
    ['Date: Tue, 1 Nov 2022 07:32:16 GMT', { text: 'Tue, 1 Nov 2022 07:32:16 GMT', date: [2022, 11, 1], time: [7, 32], second: 16, zone: 'GMT' }],
    ['2019/03/07 21:07:55 [emerg] 654#0', { text: '2019/03/07 21:07:55', date: [2019, 3, 7], time: [21, 7], second: 55 }],
    ['On May 9th 2021 at 6:48AM PDT, the blockchain', { text: 'May 9th 2021 at 6:48AM PDT', date: [2021, 5, 9], time: [6, 48], meridiem: 'am', zone: 'PDT', offset: -420 }],
    ['## Feb 22, 07:13', { text: 'Feb 22, 07:13', date: [undefined, 2, 22], time: [7, 13] }],
    ['- **22:30 UTC (Oct 29)** - Incident reported', { text: '22:30 UTC', time: [22, 30], zone: 'UTC' }],
  ];
  for (const [input, want] of cases) check(input, findTimestamp(input), want);
});

test('findTimestamp: dates alone', () => {
  const cases: Array<[string, Expect]> = [
    ['#### August 15, 2024', { text: 'August 15, 2024', date: [2024, 8, 15] }],
    ['## March 15, 2024', { text: 'March 15, 2024', date: [2024, 3, 15] }],
    ['### 2024-03-15', { text: '2024-03-15', date: [2024, 3, 15] }],
    ['## Day 1 - Monday, March 4', { text: 'Monday, March 4', date: [undefined, 3, 4] }],
    ['On 20th December 2023, users', { text: '20th December 2023', date: [2023, 12, 20] }],
    ['15 february, 2024', { text: '15 february, 2024', date: [2024, 2, 15] }],
    ['On 13/10/2023 the site', { text: '13/10/2023', date: [2023, 10, 13] }],
    ['on 10/13/2023 the site', { text: '10/13/2023', date: [2023, 10, 13] }],
    ['On 02/03/2022 the site', { text: '02/03/2022', date: [2022, 2, 3], ambiguous: true }],
    ['| 2024-03-13 14:?? | Scaled the rough dev container', { text: '2024-03-13', date: [2024, 3, 13] }],
    ['caused October 21, 28, and 29-30 incidents', { text: 'October 21', date: [undefined, 10, 21] }],
    ['released 1.5.10 on 05-02-2022', { text: '05-02-2022', date: [2022, 5, 2], ambiguous: true }],
  ];
  for (const [input, want] of cases) check(input, findTimestamp(input), want);
  assert.equal(findTimestamp('## Day 1 - Monday, March 4')?.date?.weekday, 1);
});

test('findTimestamp: day-first option for ambiguous numeric dates', () => {
  const dmy = findTimestamp('On 02/03/2022 the site', { dateOrder: 'dmy' });
  assert.deepEqual([dmy?.date?.month, dmy?.date?.day, dmy?.date?.dayMonthAmbiguous], [3, 2, true]);
  // Unambiguous dates ignore the option.
  const fixed = findTimestamp('On 13/10/2023 the site', { dateOrder: 'mdy' });
  assert.deepEqual([fixed?.date?.month, fixed?.date?.day, fixed?.date?.dayMonthAmbiguous], [10, 13, undefined]);
  const same = findTimestamp('start : 02/02/2022, 3:AM');
  assert.equal(same?.date?.dayMonthAmbiguous, undefined);
});

test('twelveHour: AM/PM written, or an unpadded 1-12 hour; 24-hour otherwise', () => {
  const cases: Array<[string, boolean, 'am' | 'pm' | undefined]> = [
    ['9:00 PM', true, 'pm'],
    ['09:00 PM', true, 'pm'],
    ['9:00', true, undefined], // a 12-hour clock without AM/PM, or an unpadded 24-hour morning time
    ['12:30', true, undefined],
    ['09:00', false, undefined],
    ['00:30', false, undefined],
    ['14:30', false, undefined],
    ['13:20pm', false, 'pm'], // meridiem kept, hour stays 13
    ['2024-04-05T09:00:00Z', false, undefined],
  ];
  for (const [input, twelveHour, meridiem] of cases) {
    const t = findTimestamp(input)?.time;
    assert.ok(t, input);
    assert.equal(t.twelveHour, twelveHour, input);
    assert.equal(t.meridiem, meridiem, input);
  }
});

test('not timestamps', () => {
  for (const input of [
    'leading to 500 errors across all platform routes',
    'users saw HTTP 503 and HTTP 500',
    'upgrade to version 2.3 of the driver',
    'affecting 85% of our user base',
    'we target 99.9 availability and 99.95%',
    'an isolated Ubuntu 20.04 container',
    'Python 3.10 and node 20.11',
    'release 1.5.0 and 1.2.11',
    'X-Powered-By: PHP/5.5.9-1ubuntu4.21',
    'Get http://10.12.5.36:10254/healthz: dial tcp 10.12.5.36:10254',
    '>>> requests.get(\'http://10.12.6.136:8888/\')',
    '24/7 support for 1/2 of users, a 3-4 split',
    'at 5 we met; at 503 requests',
    'the pool was sized to 100 connections, then 200',
    'we 2 may be wrong',
    'Task 1: Implement load testing within the next two weeks',
    'ratio 16:9 and score 3:2',
    'over 2h30m and 5 minutes ago',
    'it lasted 3h30 in all',
    'now, today, tomorrow, noon',
    'Step 3: 10 servers were drained',
    'Oct 2023 release and March 2024 plans',
    'Monday we shipped',
  ]) {
    assert.deepEqual(findTimestamps(input), [], input);
  }
});

test('findTimestamps: every timestamp of a line, ranges split', () => {
  const texts = (s: string) => findTimestamps(s).map((t) => t.text);
  assert.deepEqual(texts('- **Duration**: 2023-09-10 14:30 - 2023-09-10 15:45 (UTC)'), ['2023-09-10 14:30', '2023-09-10 15:45 (UTC)']);
  assert.deepEqual(texts('**Duration:** June 15, 2024, 14:00 UTC to June 15, 2024, 16:30 UTC'), ['June 15, 2024, 14:00 UTC', 'June 15, 2024, 16:30 UTC']);
  assert.deepEqual(texts('Duration: February 25, 2023, from 9:00 PM to February 26, 2023, 3:00 AM (UTC-5)'), [
    'February 25, 2023, from 9:00 PM',
    'February 26, 2023, 3:00 AM (UTC-5)',
  ]);
  assert.deepEqual(texts('lasted for 48 minutes (12:00 pm - 12: 48pm) GMT +1.'), ['12:00 pm', '12: 48pm']);
  assert.deepEqual(texts('13:20pm ~ 13:30pm EAT'), ['13:20pm', '13:30pm EAT']);
  assert.deepEqual(texts('from 10:00 AM to 12:00 PM (UTC) on June 7, 2024.'), ['10:00 AM', '12:00 PM (UTC) on June 7, 2024']);
  assert.deepEqual(texts('\t11:26-am-GMT until 12:45-pm-GMT, the server'), ['11:26-am-GMT', '12:45-pm-GMT']);
  const glued = findTimestamps('10:00-11:00 maintenance window');
  assert.deepEqual(glued.map((t) => [t.text, t.zone]), [['10:00', undefined], ['11:00', undefined]]);

  // "9:00 - 10:00 pm": the start is read alone, without the end's PM leaking into it.
  const [start, end] = findTimestamps('9:00 - 10:00 pm');
  assert.deepEqual([start.time?.hour, start.time?.meridiem, end.time?.hour, end.time?.meridiem], [9, undefined, 22, 'pm']);
});

test('findTimestamps: offsets over several lines, CRLF included', () => {
  const text = '# Timeline\r\n\r\n- 14:00 UTC: detected\r\n- 14:05 UTC: paged\n- 15:00 UTC: fixed';
  const found = findTimestamps(text);
  assert.deepEqual(found.map((t) => text.slice(t.start, t.end)), ['14:00 UTC', '14:05 UTC', '15:00 UTC']);
  assert.deepEqual(found.map((t) => text.slice(t.zone!.start, t.zone!.end)), ['UTC', 'UTC', 'UTC']);
});

test('findTimestamp: maxStart limits where the timestamp may start', () => {
  const entry = '- The issue was first identified at 09:00 AM.';
  assert.equal(findTimestamp(entry, { maxStart: 10 }), undefined);
  assert.equal(findTimestamp(entry)?.text, '09:00 AM');
  assert.equal(findTimestamp('- **14:00 UTC:** Issue', { maxStart: 4 })?.text, '14:00 UTC');
  assert.equal(findTimestamp('line one\n14:00 UTC', { maxStart: 5 }), undefined);
  assert.deepEqual(findTimestamps('09:00 then 10:00', { maxStart: 3 }).map((t) => t.text), ['09:00']);
});

test('results are copies: mutating one does not change the next call', () => {
  const line = '- 14:00 UTC: detected';
  const first = findTimestamp(line)!;
  first.time!.hour = 99;
  first.zone!.offsetMinutes = 99;
  const again = findTimestamp(line)!;
  assert.equal(again.time?.hour, 14);
  assert.equal(again.zone?.offsetMinutes, 0);
});

test('performance: a 600-entry timeline parses fast, and faster again when unchanged', () => {
  const lines: string[] = ['## Timeline (all times UTC)', ''];
  for (let i = 0; i < 600; i++) {
    const h = String(Math.floor(i / 60) % 24).padStart(2, '0');
    const m = String(i % 60).padStart(2, '0');
    lines.push(`- **2024-05-${String(1 + (i % 28)).padStart(2, '0')} ${h}:${m} UTC** - step ${i}: restarted 3 pods, error rate 85% on v2.3 (HTTP 503)`);
    if (i % 3 === 0) lines.push('  Investigation continued with no timestamps on this line at all.');
  }
  const text = lines.join('\n');
  let t0 = performance.now();
  const cold = findTimestamps(text);
  const coldMs = performance.now() - t0;
  t0 = performance.now();
  const warm = findTimestamps(text);
  const warmMs = performance.now() - t0;
  assert.equal(cold.length, 600);
  assert.equal(warm.length, 600);
  assert.ok(coldMs < 3000, `cold ${coldMs.toFixed(1)} ms`);
  assert.ok(warmMs < 150 && warmMs < coldMs, `warm ${warmMs.toFixed(1)} ms`);
});

test('inferDateOrder: numeric dates that settle the order decide the document', () => {
  const dayFirst = findTimestamps('On 13/10/2023 at 2100hrs WAT\nthen 02/11/2023 at 10:00');
  assert.equal(dayFirst[0].date?.writtenOrder, 'dmy');
  assert.equal(dayFirst[1].date?.dayMonthAmbiguous, true);
  assert.equal(inferDateOrder(dayFirst), 'dmy');
  const reread = findTimestamps('then 02/11/2023 at 10:00', { dateOrder: inferDateOrder(dayFirst) });
  assert.deepEqual([reread[0].date?.month, reread[0].date?.day], [11, 2]);
  assert.equal(inferDateOrder(findTimestamps('07-27-2023 2:14 pm\n07-29-2023 11:51 am')), 'mdy');
  assert.equal(inferDateOrder(findTimestamps('13/10/2023 and 10/13/2023')), undefined);
  assert.equal(inferDateOrder(findTimestamps('02/03/2022 and March 4, 2022')), undefined);
});
