import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findFields } from '../../server/src/analysis/model/actionFields';

const fieldsOf = (text: string) => {
  const found = findFields(text, 0, text.length);
  return { owner: found.owner?.text, due: found.due?.text, tracking: found.tracking?.text, priority: found.priority?.level, type: found.type?.type };
};

test('fields are read whichever sign writes them, and links, keys and numbers each by their own marks', () => {
  assert.deepEqual(fieldsOf('Add an alert (owner = Jane Doe; priority = high)'), { owner: 'Jane Doe', due: undefined, tracking: undefined, priority: 'P1', type: undefined });
  assert.deepEqual(fieldsOf('Add an alert; Due: June 30'), { owner: undefined, due: 'June 30', tracking: undefined, priority: undefined, type: undefined });
  assert.equal(fieldsOf('Patch the pool [ticket](https://example.com/wiki/page)').tracking, '[ticket](https://example.com/wiki/page)');
  assert.equal(fieldsOf('Patch the pool <https://tracker.example.com/issues/12>').tracking, '<https://tracker.example.com/issues/12>');
  assert.equal(fieldsOf('Patch the pool https://github.com/acme/api/issues/12 soon').tracking, 'https://github.com/acme/api/issues/12');
  assert.equal(fieldsOf('Patch the pool (OPS-42)').tracking, 'OPS-42');
  assert.equal(fieldsOf('Patch the pool, see #42').tracking, '#42');
  assert.equal(fieldsOf('Patch the pool, see step #2').tracking, undefined);
  assert.deepEqual(fieldsOf('Patch the pool before the next peak'), { owner: undefined, due: undefined, tracking: undefined, priority: undefined, type: undefined });
});

test('a due date is read from the incident\'s day, which is asked for only when the text holds a date', () => {
  let asked = 0;
  const incidentDay = () => {
    asked++;
    return new Date('2022-11-02T00:00:00Z');
  };
  const dueOf = (text: string) => findFields(text, 0, text.length, incidentDay).due;
  assert.equal(dueOf('Add an alert; owner: @ana')?.date, undefined);
  assert.equal(asked, 0, 'no date, no incident day');
  assert.deepEqual([dueOf('Add an alert; Due: June 30')?.date, dueOf('Add an alert; Due: Jan 5')?.date], ['2023-06-30', '2023-01-05']);
  assert.ok(asked > 0);
});
