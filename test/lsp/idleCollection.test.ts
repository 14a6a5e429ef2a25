/** The server collects garbage after a burst of work, only while no document changes (see idleCollection.ts). */
import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { IdleCollection } from '../../server/src/lsp/idleCollection';
import { collector } from '../../server/src/node/collector';

test('three collections two seconds apart once work stops, started again by new work', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let collections = 0;
    const idle = new IdleCollection(() => collections++);
    idle.workDone();
    mock.timers.tick(1_999);
    assert.equal(collections, 0, 'not while work may continue');
    idle.workDone();
    mock.timers.tick(1_999);
    assert.equal(collections, 0, 'new work postpones the collection');
    mock.timers.tick(1);
    assert.equal(collections, 1);
    mock.timers.tick(2_000);
    idle.workDone();
    assert.equal(collections, 2);
    for (let second = 0; second < 10; second++) mock.timers.tick(1_000);
    assert.equal(collections, 5, 'three more after the new work, then none');
  } finally {
    mock.timers.reset();
  }
});

test('the collector is found without a command-line flag', () => {
  assert.equal(typeof collector(), 'function');
});
