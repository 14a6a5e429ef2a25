import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import type { ConfigLayer } from '../../server/src/analysis/config/config';
import type { KeyMomentName } from '../../server/src/analysis/model';
import { toIsoUtc } from '../../server/src/analysis/time/instants';
import { seed } from '../helpers/corpus';

/** Each moment as "instant source[ phrase]", the way a reviewer reads them. */
function momentsOf(text: string, layer: ConfigLayer = {}): Partial<Record<KeyMomentName, string>> {
  const { moments } = analyze({ text, layers: [layer], overrides: { detection: 'always' } }).document!.keyMoments;
  return Object.fromEntries(
    Object.entries(moments)
      .sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b))
      .map(([name, moment]) => [name, `${toIsoUtc(moment.instant)} ${moment.source}${moment.phrase ? ` "${moment.phrase}"` : ''}`]),
  );
}
const ORDER = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'];

const doc = (timeline: string, head = '') => `${head}# Outage\n\n## Timeline\n\n${timeline}\n`;

test('the issue checks on the seeds', () => {
  const m002 = analyze({ text: seed('002').text }).document!.keyMoments;
  assert.equal(toIsoUtc(m002.moments.detected!.instant), '2024-06-15T14:00:00Z');
  assert.equal(toIsoUtc(m002.moments.resolved!.instant), '2024-06-15T16:30:00Z');
  assert.equal(m002.durations.toResolve, 150);
  const m003 = analyze({ text: seed('003').text }).document!.keyMoments;
  assert.equal(toIsoUtc(m003.moments.started!.instant), '2024-05-10T08:00:00Z');
  assert.equal(m003.durations.toDetect, 30);
  const m004 = analyze({ text: seed('004').text }).document!.keyMoments;
  assert.equal(toIsoUtc(m004.moments.detected!.instant), '2023-02-26T02:00:00Z');
  assert.equal(toIsoUtc(m004.moments.resolved!.instant), '2023-02-26T08:00:00Z');
});

const cases: Array<{ name: string; text: string; layer?: ConfigLayer; expected: Partial<Record<KeyMomentName, string>> }> = [
  {
    name: "words: each moment from the first entry that says it, the start from the first impact",
    text: doc('- 2024-03-02 09:55 UTC deploy of v2.3\n- 10:00 UTC error rates rose on checkout\n- 10:08 UTC alert fired for checkout errors\n- 10:12 UTC on-call acknowledged the page\n- 10:48 UTC rolled back v2.3\n- 11:23 UTC checkout back to normal'),
    expected: {
      started: '2024-03-02T10:00:00Z words "error rates"',
      detected: '2024-03-02T10:08:00Z words "alert"',
      acknowledged: '2024-03-02T10:12:00Z words "acknowledged"',
      mitigated: '2024-03-02T10:48:00Z words "rolled back"',
      resolved: '2024-03-02T11:23:00Z words "back to normal"',
    },
  },
  {
    name: "the summary's window gives the start, and the end when no entry says the recovery",
    text: '# Outage\n\n## Summary\n\nDuration: 2024-03-02 09:50 UTC to 2024-03-02 12:00 UTC\n\n## Timeline\n\n- 2024-03-02 10:08 UTC customers reported failed payments\n- 10:30 UTC looked into the gateway\n',
    expected: {
      started: '2024-03-02T09:50:00Z summary',
      detected: '2024-03-02T10:08:00Z words "reported"',
      acknowledged: '2024-03-02T10:30:00Z words "looked into"',
      resolved: '2024-03-02T12:00:00Z summary',
    },
  },
  {
    name: 'a denied word is not said: "no alerts fired", "not being closed"',
    text: doc('- 2024-03-02 10:00 UTC outage began, no alerts fired\n- 10:20 UTC a customer reported it\n- 10:40 UTC the pool was not being restored\n- 11:00 UTC service restored'),
    expected: {
      started: '2024-03-02T10:00:00Z words "outage began"',
      detected: '2024-03-02T10:20:00Z words "reported"',
      resolved: '2024-03-02T11:00:00Z words "restored"',
    },
  },
  {
    name: 'a setback cancels the mitigation and resolution before it; a try is no mitigation',
    text: doc('- 2024-03-02 10:00 UTC alert fired\n- 10:10 UTC restarted the database and the issue seemed to be resolved\n- 10:15 UTC errors still present\n- 10:20 UTC attempted to roll back\n- 10:30 UTC failover to the replica\n- 11:00 UTC incident closed'),
    expected: {
      started: '2024-03-02T10:00:00Z detection',
      detected: '2024-03-02T10:00:00Z words "alert"',
      mitigated: '2024-03-02T10:30:00Z words "failover"',
      resolved: '2024-03-02T11:00:00Z words "incident closed"',
    },
  },
  {
    name: 'the present tense reads too: "users report", "the system recovers and functions normally"',
    text: doc('- 2024-03-02 21:30 UTC a manifest error triggers a configuration change\n- 22:00 UTC users report issues with checkout\n- 23:00 UTC reverted the change\n- 23:30 UTC the system recovers and checkout functions normally'),
    expected: {
      started: '2024-03-02T22:00:00Z detection',
      detected: '2024-03-02T22:00:00Z words "report"',
      mitigated: '2024-03-02T23:00:00Z words "reverted"',
      resolved: '2024-03-02T23:30:00Z words "recovers"',
    },
  },
  {
    name: 'a partial recovery is a mitigation',
    text: doc('- 2024-03-02 10:00 UTC alert fired\n- 10:30 UTC service partially restored\n- 11:00 UTC service restored'),
    expected: {
      started: '2024-03-02T10:00:00Z detection',
      detected: '2024-03-02T10:00:00Z words "alert"',
      mitigated: '2024-03-02T10:30:00Z words "restored"',
      resolved: '2024-03-02T11:00:00Z words "restored"',
    },
  },
  {
    name: 'markers are the author\'s: never second-guessed by the words',
    text: doc('- 2024-03-02 10:00 UTC alert fired\n- 10:05 UTC a customer noticed it first {detected}\n- 10:40 UTC traffic shifted away {mitigated, resolved}\n- 11:00 UTC service restored'),
    expected: {
      started: '2024-03-02T10:05:00Z detection',
      detected: '2024-03-02T10:05:00Z marker',
      mitigated: '2024-03-02T10:40:00Z marker',
      resolved: '2024-03-02T10:40:00Z marker',
    },
  },
  {
    name: 'front matter, as ISO 8601 or as a time read like the timeline\'s (its date and zone)',
    text: doc('- 10:00 alert fired\n- 10:30 service restored', '---\ndate: 2024-03-02\nstarted: 2024-03-02T09:30:00Z\ndetected: "09:45"\nresolved: 11:15 CET\n---\n').replace('## Timeline', '## Timeline (all times PST)'),
    expected: {
      started: '2024-03-02T09:30:00Z front-matter',
      detected: '2024-03-02T17:45:00Z front-matter',
      resolved: '2024-03-02T10:15:00Z front-matter',
    },
  },
  {
    name: 'zone and date carry-over: the declared zone, the date of the entry before, the next day across midnight',
    text: '# Outage\n\n## Timeline (all times UTC-5)\n\n- February 25, 2023, 10:00 PM: monitoring alerted the on-call\n- 11:30 PM: rolled back the release\n- 1:00 AM: service restored\n',
    expected: {
      started: '2023-02-26T03:00:00Z detection',
      detected: '2023-02-26T03:00:00Z words "alerted"',
      mitigated: '2023-02-26T04:30:00Z words "rolled back"',
      resolved: '2023-02-26T06:00:00Z words "restored"',
    },
  },
  {
    name: 'word lists are options of key-moment-missing',
    text: doc('- 2024-03-02 10:00 UTC synthetic probe went red\n- 10:30 UTC traffic drained to us-east\n- 11:00 UTC all green'),
    layer: { rules: { 'key-moment-missing': ['info', { detected: { words: ['probe went red'] }, mitigated: { allow: ['drained'] }, resolved: { words: ['all green'] } }] } },
    expected: {
      started: '2024-03-02T10:00:00Z detection',
      detected: '2024-03-02T10:00:00Z words "probe went red"',
      resolved: '2024-03-02T11:00:00Z words "all green"',
    },
  },
];

for (const { name, text, layer, expected } of cases) {
  test(`key moments: ${name}`, () => assert.deepEqual(momentsOf(text, layer), expected));
}

test('durations count from the start, time to acknowledge from detection', () => {
  const { durations } = analyze({ text: cases[0].text, overrides: { detection: 'always' } }).document!.keyMoments;
  assert.deepEqual(durations, { toDetect: 8, toAcknowledge: 4, toMitigate: 48, toResolve: 83 });
});

test('markers are listed with their ranges, for hover and completion', () => {
  const { markers } = analyze({ text: cases.find((item) => item.name.startsWith('markers'))!.text, overrides: { detection: 'always' } }).document!.keyMoments;
  assert.deepEqual(
    markers.map((marker) => [marker.names, `${marker.range.start.line}:${marker.range.start.character}-${marker.range.end.line}:${marker.range.end.character}`]),
    [
      [['detected'], '5:40-5:50'],
      [['mitigated', 'resolved'], '6:33-6:54'],
    ],
  );
});
