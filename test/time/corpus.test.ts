import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findTimestamp, findTimestamps } from '../../server/src/analysis/time/timestamps';
import { findZone, findZoneDeclaration } from '../../server/src/analysis/time/zones';

// The example reports live beside the repository: <repo>/../shared/{seeds,corpus}.
const shared = path.resolve(process.cwd(), '../shared');
const roots = [path.join(shared, 'seeds'), path.join(shared, 'corpus')];
const missing = !roots.every((root) => existsSync(root));

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...markdownFiles(full));
    else if (name.endsWith('.md')) out.push(full);
  }
  return out;
}

test('every line of every seed and corpus report parses without throwing, with consistent spans', { skip: missing && 'shared/ not found beside the repo' }, () => {
  const files = roots.flatMap(markdownFiles);
  assert.ok(files.length >= 100, `only ${files.length} files found`);
  let timestamps = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const line of text.split(/\r\n|\r|\n/)) {
      const found = findTimestamps(line);
      timestamps += found.length;
      let previousEnd = 0;
      for (const t of found) {
        assert.ok(t.start >= previousEnd && t.start < t.end && t.end <= line.length, `${file}: bad span in ${line}`);
        assert.equal(line.slice(t.start, t.end), t.text, `${file}: ${line}`);
        assert.ok(t.date || t.time, `${file}: empty timestamp in ${line}`);
        if (t.zone) assert.ok(t.zone.start >= t.start && t.zone.end <= t.end, `${file}: zone outside span in ${line}`);
        if (t.time) assert.ok(t.time.hour >= 0 && t.time.hour < 24 && t.time.minute >= 0 && t.time.minute < 60, `${file}: ${line}`);
        if (t.date) assert.ok(t.date.month >= 1 && t.date.month <= 12 && t.date.day >= 1 && t.date.day <= 31, `${file}: ${line}`);
        previousEnd = t.end;
      }
      findTimestamp(line, { maxStart: 12 });
      findZone(line);
      findZoneDeclaration(line);
    }
    // Whole documents too: offsets must come back relative to the document.
    for (const t of findTimestamps(text)) assert.equal(text.slice(t.start, t.end), t.text, file);
  }
  assert.ok(timestamps > 1000, `only ${timestamps} timestamps found`);
});

test('seed timelines: every timestamped entry is found', { skip: missing && 'shared/ not found beside the repo' }, () => {
  const seeds = path.join(shared, 'seeds');
  const entryTimes = (file: string) =>
    readFileSync(path.join(seeds, file), 'utf8')
      .split('\n')
      .filter((line) => /^\s*([-*]|\*\*)/.test(line))
      .map((line) => findTimestamp(line)?.text)
      .filter((x): x is string => x !== undefined);

  const seed002 = entryTimes('002_18b741f0ef8b2900.md');
  assert.ok(seed002.includes('14:00 UTC') && seed002.includes('16:30 UTC'), seed002.join(', '));

  const seed003 = entryTimes('003_2d7f28f2b4a6ba6e.md');
  assert.ok(seed003.includes('May 10, 2024, 08:30 UTC') && seed003.includes('May 11, 2024, 02:00 UTC'), seed003.join(', '));

  const seed004 = entryTimes('004_8719a0d7e99533eb.md');
  assert.ok(seed004.includes('February 25, 2023, 9:00 PM') && seed004.includes('February 26, 2023, 3:00 AM'), seed004.join(', '));

  const seed000 = entryTimes('000_f195cc369440fec0.md');
  assert.deepEqual(seed000, [
    'March 15, 2024, at 09:00 AM (East Africa Time, Ethiopia)',
    '09:15 AM',
    '09:30 AM',
    '11:00 AM',
    '12:00 PM',
    '01:00 PM',
  ]);

  const seed001 = readFileSync(path.join(seeds, '001_d5d39e9879f54c47.md'), 'utf8');
  assert.equal(findZoneDeclaration(seed001)?.text, 'UTC');
});
