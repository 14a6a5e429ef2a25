import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inferType } from '../../server/src/analysis/model/actionType';

test('an item\'s type is its earliest cue, a phrase of several words included; words that start no cue are passed over', () => {
  assert.equal(inferType('Add an alert on pool usage'), 'detect');
  assert.equal(inferType('Write a runbook and add an alert'), 'process');
  assert.equal(inferType('Add a kill switch for the importer'), 'mitigate');
  assert.equal(inferType('Teach staff to page on-call sooner'), 'detect');
  assert.equal(inferType('Run a load test at twice the peak'), 'prevent');
  assert.equal(inferType('Roll back faster'), 'repair');
  assert.equal(inferType('Buy a new kettle for the office'), undefined);
  assert.equal(inferType(''), undefined);
});
