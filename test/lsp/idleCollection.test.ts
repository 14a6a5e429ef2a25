/** The server collects garbage after a burst of work, only while no document changes (see idleCollection.ts). */
import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { getHeapSpaceStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { IdleCollection } from '../../server/src/lsp/idleCollection';
import { collector } from '../../server/src/node/collector';

test('four collections two seconds apart once work stops, started again by new work', () => {
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
    assert.equal(collections, 6, 'four more after the new work, then none');
  } finally {
    mock.timers.reset();
  }
});

test('the collector is found without a command-line flag', () => {
  assert.equal(typeof collector(), 'function');
});

function oldSpaceUnused(): number {
  const space = getHeapSpaceStatistics().find((candidate) => candidate.space_name === 'old_space')!;
  return space.space_size - space.space_used_size;
}

test('a collection also compacts: pages left half empty are emptied and handed back', () => {
  const collect = collector()!;
  const plainCollection = runInNewContext('gc') as () => void;
  // Objects old enough to be in the old space, every other one outliving the others: half of each page is free,
  // too little for V8 to move the rest on its own.
  const all = Array.from({ length: 400_000 }, (_, index) => ({ index, text: `entry ${index}` }));
  plainCollection();
  plainCollection();
  const kept = all.filter((_, index) => index % 2 === 0);
  all.length = 0;
  for (let collection = 0; collection < 3; collection++) plainCollection();
  const leftByPlainCollections = oldSpaceUnused();
  collect();
  assert.ok(oldSpaceUnused() < leftByPlainCollections / 3, `${oldSpaceUnused()} bytes of old space unused after the collection, ${leftByPlainCollections} after plain ones`);
  assert.equal(kept.length, 200_000);
});
