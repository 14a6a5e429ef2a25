import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as chrono from 'chrono-node';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AGO, casualParser, gateOf, LATER, NEXT, UNITS, WITHIN } from '../../server/src/analysis/time/casualParser';
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
  'Add retries within the next 2 weeks; for 3 days, +2 hours, the last few months',
  'Page the on-call in 5 minutes; these alerts fire for the next day',
  'Deploy 1h30m after the freeze, then wait 2 days',
  'Finish it next week - 3 days - in about ~ 4 hours',
];
const NUMBERS = '(?:eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten)|[0-9]+|[0-9]+\\.[0-9]+|half(?:\\s{0,2}an?)?|an?\\b(?:\\s{0,2}few)?|few|several|the|a?\\s{0,2}couple\\s{0,2}(?:of)?)';

test('each relative parser left out needs a number, a unit and its words, in the forms the gate looks for', () => {
  for (const gate of [AGO, LATER]) {
    const gated = chrono.casual.parsers.filter((parser) => gateOf(parser) === gate);
    assert.equal(gated.length, 1);
    const pattern = patternOf(gated[0]);
    // The units and number words the gate knows are chrono's; the words close the pattern, outside any optional group.
    assert.ok(pattern.includes(UNITS), pattern);
    assert.ok(pattern.includes(NUMBERS), pattern);
    assert.ok(pattern.endsWith(`\\s{0,5}${gate.marker}(?=(?:\\W|$))`) || pattern.endsWith(`\\s{0,5}${gate.marker}(?=\\W|$)`), pattern);
  }
});

test('each relative parser left out for its leading words ends with its units, which the gate looks for', () => {
  for (const gate of [WITHIN, NEXT]) {
    const gated = chrono.casual.parsers.filter((parser) => gateOf(parser) === gate);
    assert.equal(gated.length, 1);
    // Read as chrono reads for deadlines too: forwardDate makes "within" optional, which the gate allows for.
    for (const forwardDate of [false, true]) {
      const pattern = gated[0].pattern({ option: { forwardDate } } as never).source;
      assert.ok(pattern.includes(gate.marker), pattern);
      // The units, then up to ten more number-and-unit pairs, then a word boundary: the last unit ends the match.
      assert.ok(pattern.endsWith(`(?:${NUMBERS})\\s{0,3}(?:${UNITS})){0,10})(?=\\W|$)`), pattern);
    }
  }
});

test('the gated reading equals chrono\'s full casual reading, with and without the past', () => {
  const withoutPast = new chrono.Chrono({ parsers: chrono.casual.parsers.filter((parser) => gateOf(parser) !== AGO), refiners: chrono.casual.refiners });
  for (const text of TEXTS) {
    assert.deepEqual(read(casualParser(text), text), read(chrono.casual, text), text);
    assert.deepEqual(read(casualParser(text, { past: false }), text, true), read(withoutPast, text, true), text);
  }
  // Texts without the words leave the parsers out; "May", "was", "these" are no units, "half an hour" is.
  const leftOut = (text: string, past = true) => chrono.casual.parsers.filter((parser) => !casualParser(text, { past }).parsers.includes(parser)).map(gateOf);
  assert.deepEqual(leftOut(TEXTS[0]), [WITHIN, AGO, LATER, NEXT]);
  assert.deepEqual(leftOut(TEXTS[3]), [NEXT]);
  assert.deepEqual(leftOut(TEXTS[3], false), [AGO, NEXT]);
  assert.deepEqual(leftOut('Introduce load testing before rolling out changes'), [WITHIN, AGO, LATER, NEXT]);
  assert.deepEqual(leftOut('Page the on-call; these alerts fire often'), [WITHIN, AGO, LATER, NEXT]);
  assert.deepEqual(leftOut('It was a team effort, half an hour later'), [AGO, NEXT]);
  assert.deepEqual(leftOut(TEXTS[11]), [AGO, LATER]);
  // The words open their parser for units anywhere after them, however far, and not for units before them.
  assert.deepEqual(leftOut(`next${' of the x -'.repeat(2000)} 5 days`), [AGO, LATER]);
  assert.deepEqual(leftOut('5 days of work, next'), [AGO, LATER, NEXT]);
});

const shared = path.resolve(process.cwd(), '../shared');
const reports = ['seeds', 'corpus'].map((folder) => path.join(shared, folder));

test('on every line of the seeds and the corpus that shuts a gate, the gated reading is the full one', { skip: !reports.every(existsSync) && 'shared/ not found beside the repo' }, () => {
  const withoutPast = new chrono.Chrono({ parsers: chrono.casual.parsers.filter((parser) => gateOf(parser) !== AGO), refiners: chrono.casual.refiners });
  let shut = 0;
  for (const folder of reports) {
    for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'))) {
      for (const line of readFileSync(path.join(folder, name), 'utf8').split(/\r?\n/)) {
        if (!/\d|\b(?:this|last|next|past)\b/i.test(line)) continue;
        const gated = casualParser(line);
        if (gated.parsers.length === chrono.casual.parsers.length) continue;
        shut++;
        assert.deepEqual(read(gated, line), read(chrono.casual, line), line);
        assert.deepEqual(read(casualParser(line, { past: false }), line, true), read(withoutPast, line, true), line);
      }
    }
  }
  assert.ok(shut > 1000, `only ${shut} lines shut a gate`);
});
