import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clockNow } from '../../client/src/commands/timelineClock';

const SUMMER = new Date(Date.UTC(2024, 6, 1, 14, 5));
const WINTER = new Date(Date.UTC(2024, 0, 15, 0, 5));

test('no declared zone: UTC', () => {
  assert.equal(clockNow(SUMMER, undefined), '14:05 UTC');
  assert.equal(clockNow(WINTER, undefined), '00:05 UTC');
});

test('an IANA zone follows daylight saving and is named by its offset', () => {
  assert.equal(clockNow(SUMMER, { name: 'Europe/Berlin', iana: 'Europe/Berlin' }), '16:05 UTC+02:00');
  assert.equal(clockNow(WINTER, { name: 'Europe/Berlin', iana: 'Europe/Berlin' }), '01:05 UTC+01:00');
  assert.equal(clockNow(SUMMER, { name: 'Etc/UTC', iana: 'Etc/UTC' }), '14:05 UTC');
});

test('an abbreviation keeps its name and uses the zone the server says it stands for', () => {
  assert.equal(clockNow(WINTER, { name: 'PST', iana: 'America/Los_Angeles' }), '16:05 PST');
});

test('a fixed offset is applied', () => {
  assert.equal(clockNow(SUMMER, { name: 'UTC+05:30', offsetMinutes: 330 }), '19:35 UTC+05:30');
  assert.equal(clockNow(WINTER, { name: 'UTC-5', offsetMinutes: -300 }), '19:05 UTC-5');
});

test('a zone the server could not resolve (ambiguous) gives UTC rather than a guess', () => {
  assert.equal(clockNow(SUMMER, { name: 'IST' }), '14:05 UTC');
});
