/**
 * Caches the analysis keeps between keystrokes hold their own copies of the text they were given: a slice of a
 * document keeps that whole version of the document alive, and a day of typing made hundreds of such versions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimestamps } from '../../server/src/analysis/time/timestamps';
import { readDue } from '../../server/src/analysis/model/actionFields';
import { largeDocument, lastLine, retainedBytes } from '../helpers/retained';

const VERSIONS = 20;
const CHARACTERS = 500_000;

/** Reads the last line of each of many large versions of a document, then drops the versions. */
function readLastLines(read: (line: string, version: number) => unknown, line: (version: number) => string): number {
  return retainedBytes(() => {
    for (let version = 0; version < VERSIONS; version++) read(lastLine(largeDocument(CHARACTERS, line(version))), version);
  });
}

test('timestamps read from a line keep no version of the document alive', () => {
  const retained = readLastLines((line) => assert.equal(findTimestamps(line).length, 1), (version) => `- 14:${String(version).padStart(2, '0')} UTC the deploy was rolled back`);
  assert.ok(retained < (VERSIONS * CHARACTERS) / 4, `${retained} bytes retained after reading ${VERSIONS} versions of ${CHARACTERS} characters`);
});

test('due dates read from a line keep no version of the document alive', () => {
  const retained = readLastLines((line) => assert.ok(readDue(line)), (version) => `Due by June ${version + 1}, 2027 for the owner`);
  assert.ok(retained < (VERSIONS * CHARACTERS) / 4, `${retained} bytes retained after reading ${VERSIONS} versions of ${CHARACTERS} characters`);
});
