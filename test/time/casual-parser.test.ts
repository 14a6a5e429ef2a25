import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as chrono from 'chrono-node';
import { AGO, casualParser, gateOf, LATER, UNITS } from '../../server/src/analysis/time/casualParser';
import { patternOf } from '../../server/src/analysis/time/timestamps';

const REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 };
const read = (parser: chrono.Chrono, text: string, forwardDate = false) =>
  parser.parse(text, REFERENCE, { forwardDate }).map((result) => ({ index: result.index, text: result.text, date: result.start.date().toISOString(), tags: [...result.tags()] }));

const TEXTS = [
  'Duration: May 4, 2023 14:30 to 15:45 UTC',
  'Two days before May 4, 2023',
  'Three days after May 4, 2023',
  'The fix shipped 5 days ago, 2 weeks later a timeout came back',
  'Add an alert within two weeks (due: June 30)',
  'Roll out the patch by next Friday',
  '10:05 pool exhausted, about 3 minutes in',
  'Restarted a couple  of hours later; the day before it had held; half an hour after, 2 days, 3 hours ago',
  'As before, roll out changes after the review; timeout after 5s out',
  'Introduce load testing before rolling out changes',
  'We ran out of connections in 2024',
];

test('each relative parser left out needs a number, a unit and its words, in the forms the gate looks for', () => {
  for (const gate of [AGO, LATER]) {
    const gated = chrono.casual.parsers.filter((parser) => gateOf(parser) === gate);
    assert.equal(gated.length, 1);
    const pattern = patternOf(gated[0]);
    // The units and number words the gate knows are chrono's; the words close the pattern, outside any optional group.
    assert.ok(pattern.includes(UNITS), pattern);
    assert.ok(pattern.includes('(?:eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten)|[0-9]+|[0-9]+\\.[0-9]+|half(?:\\s{0,2}an?)?|an?\\b(?:\\s{0,2}few)?|few|several|the|a?\\s{0,2}couple\\s{0,2}(?:of)?)'), pattern);
    assert.ok(pattern.endsWith(`\\s{0,5}${gate.marker}(?=(?:\\W|$))`) || pattern.endsWith(`\\s{0,5}${gate.marker}(?=\\W|$)`), pattern);
  }
});

test('the gated reading equals chrono\'s full casual reading, with and without the past', () => {
  const withoutPast = new chrono.Chrono({ parsers: chrono.casual.parsers.filter((parser) => gateOf(parser) !== AGO), refiners: chrono.casual.refiners });
  for (const text of TEXTS) {
    assert.deepEqual(read(casualParser(text), text), read(chrono.casual, text), text);
    assert.deepEqual(read(casualParser(text, { past: false }), text, true), read(withoutPast, text, true), text);
  }
  // Texts without the words leave the parsers out.
  assert.equal(casualParser(TEXTS[0]).parsers.length, chrono.casual.parsers.length - 2);
  assert.equal(casualParser(TEXTS[3]).parsers.length, chrono.casual.parsers.length);
  assert.equal(casualParser(TEXTS[3], { past: false }).parsers.length, chrono.casual.parsers.length - 1);
  assert.equal(casualParser('Introduce load testing before rolling out changes').parsers.length, chrono.casual.parsers.length - 2);
});
