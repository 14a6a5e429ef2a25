import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';

/** The timeline as the Timeline view lists it: each entry's text, written time and effective zone. */
function entries(body: string, heading = '## Timeline'): Array<[string, string | undefined, string | undefined]> {
  const { document } = analyze({ text: `# Outage\n\n${heading}\n\n${body}`, layers: [{ detection: 'always' }] });
  return document!.timeline.map((entry) => [entry.text, entry.timestamp?.text, entry.zone?.ref.text]);
}

test('bullet glyphs typed as text open entries', () => {
  assert.deepEqual(entries('● 10:00 AM EAT - alert\n● 10:30 AM - fixed\n'), [
    ['● 10:00 AM EAT - alert', '10:00 AM EAT', 'EAT'],
    ['● 10:30 AM - fixed', '10:30 AM', 'EAT'],
  ]);
  assert.deepEqual(entries('•14:05 UTC alert\n'), [['•14:05 UTC alert', '14:05 UTC', 'UTC']]);
});

test('list markers without their space open entries', () => {
  assert.deepEqual(entries('-10:00 AM UTC alert\n-10:30 AM UTC fixed\n').map(([, time]) => time), ['10:00 AM UTC', '10:30 AM UTC']);
});

test('bracketed and military times open entries', () => {
  assert.deepEqual(entries('[14:05] alert\n[ 2: 15 pm ] paged\n1415hrs: rollback\n09:00 hours: closed\n').map(([, time]) => time), ['14:05', '2: 15 pm', '1415hrs', '09:00 hours']);
});

test('lines indented four spaces (a code block when rendered) are read as the timeline', () => {
  assert.deepEqual(entries('    10:00 UTC alert fired\n    10:30 UTC rolled back\n'), [
    ['10:00 UTC alert fired', '10:00 UTC', 'UTC'],
    ['10:30 UTC rolled back', '10:30 UTC', 'UTC'],
  ]);
  // Lines to the second in indented text are pasted logs; fenced code stays code.
  assert.deepEqual(entries('- 10:00 UTC alert\n\nThe log:\n\n    14:03:22 ERROR boom\n'), [['10:00 UTC alert', '10:00 UTC', 'UTC']]);
  assert.deepEqual(entries('- 10:00 UTC alert\n\n```\n09:00:01 ERROR boom\n```\n'), [['10:00 UTC alert', '10:00 UTC', 'UTC']]);
});

test('a timeline in prose: each timed sentence is an entry', () => {
  assert.deepEqual(entries('At 9:35 UTC the alert fired. We rolled back at 9:50 UTC, and it held.\n'), [
    ['At 9:35 UTC the alert fired.', '9:35 UTC', 'UTC'],
    ['We rolled back at 9:50 UTC, and it held.', '9:50 UTC', 'UTC'],
  ]);
  // With nothing else timed, a time anywhere in a sentence counts.
  assert.deepEqual(entries('when was the issue detected\n\n    The issue was detected the 02/02/2022 at 5:PM\n').map(([, time]) => time), ['02/02/2022 at 5:PM']);
});

test('a zone written once after a range is the start time\'s too', () => {
  assert.deepEqual(entries('- 10:00-11:00 UTC maintenance\n'), [['10:00-11:00 UTC maintenance', '10:00', 'UTC']]);
});

test('zones declared by long names: a city, a region without "Time", a name in the timeline heading', () => {
  assert.deepEqual(entries('All times are Nairobi time.\n\n- 10:00 alert\n').map(([, , zone]) => zone), ['Nairobi time']);
  assert.deepEqual(entries('- 10:00 alert\n', '## Timeline (all times Eastern)').map(([, , zone]) => zone), ['Eastern']);
  assert.deepEqual(entries('- 10:00 alert\n', '## Timeline - Central Africa Time (GMT+2)').map(([, , zone]) => zone), ['Central Africa Time']);
});

test('a zone on a time to the second in the summary is pasted output, not the timeline\'s zone', () => {
  const text = '# Outage\n\n## Summary\n\nThe site failed at 6:00 AM.\nDate: Tue, 1 Nov 2022 07:32:16 GMT\n\n## Timeline\n\n- 6:00 AM alert\n';
  const { document } = analyze({ text, layers: [{ detection: 'always' }] });
  assert.equal(document!.timeline[0].zone, undefined);
});

test('a zone declared once in the opening text or the summary covers the timeline', () => {
  const text = '# Outage\n\nAll times are in Nairobi time.\n\n## Summary\n\nThe site was down.\n\n## Timeline\n\n- 10:00 alert\n';
  const { document } = analyze({ text, layers: [{ detection: 'always' }] });
  assert.equal(document!.timeline[0].zone?.ref.iana, 'Africa/Nairobi');
});

test('an entry line that mentions another time stays one entry', () => {
  assert.deepEqual(entries('**14:05 UTC** - Alert fired. The deploy of 13:50 UTC was rolled back at 14:10 UTC.\n').map(([, time]) => time), ['14:05 UTC']);
});
