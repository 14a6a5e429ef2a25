/**
 * The server's wire JSON (lsp/asciiJson.ts): ASCII only, and the same value as `JSON.stringify` for what protocol
 * messages hold, including long lists written item by item and everything JSON leaves out or writes as null.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { asciiJsonPieces } from '../../server/src/lsp/asciiJson';
import { encodeMessage } from '../../server/src/node/stdioConnection';

const NOT_ASCII = /[\u0080-\uffff]/;

function diagnostic(index: number, message: string) {
  return { range: { start: { line: index, character: 0 }, end: { line: index, character: 4 } }, severity: 2, code: 'action-item-owner', source: 'postmortem', message, data: { index, unset: undefined } };
}

const MESSAGES: Array<[string, unknown]> = [
  ['a short request', { jsonrpc: '2.0', id: 1, result: { capabilities: { hoverProvider: true } } }],
  [
    'diagnostics quoting typographic text, emoji and a lone surrogate',
    {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: {
        uri: 'file:///tmp/r%C3%A9sum%C3%A9.md',
        version: 7,
        diagnostics: Array.from({ length: 40 }, (_, index) =>
          diagnostic(index, index % 3 ? `“Fix the cache — soon” has no owner ✓ 😀 é ${index}` : index % 5 ? `plain ${index}` : `lone \ud800 surrogate ${index}`),
        ),
      },
    },
  ],
  ['what JSON leaves out or writes as null', { jsonrpc: '2.0', id: 2, result: { gone: undefined, fn: () => 1, list: Array.from({ length: 20 }, (_, index) => (index === 3 ? undefined : { index, skip: undefined })), when: new Date(Date.UTC(2024, 4, 10)), nothing: null } }],
  ['a long list of numbers (semantic tokens)', { jsonrpc: '2.0', id: 3, result: { data: Array.from({ length: 500 }, (_, index) => index % 7) } }],
  ['objects without a prototype, empty objects and lists, toJSON', { jsonrpc: '2.0', id: 4, result: Object.assign(Object.create(null), { empty: {}, none: [], custom: { toJSON: () => 'résumé' }, map: new Map([[1, 2]]) }) }],
];

describe('ASCII wire JSON', () => {
  for (const [name, message] of MESSAGES) {
    test(`${name}: ASCII only, and the value JSON.stringify writes`, () => {
      const text = asciiJsonPieces(message).join('');
      assert.doesNotMatch(text, NOT_ASCII);
      assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(message)));
      const bytes = encodeMessage(message);
      assert.equal(bytes.toString('utf8'), text);
      assert.equal(bytes.length, text.length);
    });
  }

  test('a long list of diagnostics is written item by item: only the items with other characters are escaped', () => {
    const message = MESSAGES[1][1] as { params: { diagnostics: unknown[] } };
    const pieces = asciiJsonPieces(message);
    const items = message.params.diagnostics.map((item) => JSON.stringify(item));
    // ASCII items are JSON.stringify's own text, pieces of the output as they are.
    for (const item of items.filter((text) => !NOT_ASCII.test(text))) assert.ok(pieces.includes(item), item);
    assert.ok(pieces.some((piece) => piece.includes('\\u201cFix the cache \\u2014 soon\\u201d') && piece.includes('\\ud83d\\ude00')));
  });

  test('a message that is not a JSON value is refused, as JSON.stringify would give nothing', () => {
    assert.throws(() => asciiJsonPieces(undefined), /must be a JSON value/);
  });
});

test('a frozen object in a long list is stringified once, however often it is sent: its JSON is kept', () => {
  let reads = 0;
  const unchanged = Object.freeze({
    ...diagnostic(0, '“Quoted” and unchanged'),
    get severity() {
      reads++;
      return 2;
    },
  });
  const message = (version: number) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.md', version, diagnostics: [unchanged, ...Array.from({ length: 20 }, (_, index) => diagnostic(index + 1, `new ${version}`))] } });
  const first = encodeMessage(message(1)).toString('latin1');
  const second = encodeMessage(message(2)).toString('latin1');
  assert.equal(reads, 1, 'the frozen diagnostic was read for the first message only');
  assert.deepEqual(JSON.parse(second), JSON.parse(JSON.stringify(message(2))));
  assert.ok(first.includes('\\u201cQuoted\\u201d and unchanged') && second.includes('\\u201cQuoted\\u201d and unchanged'));
  const thawed = { ...diagnostic(0, 'not frozen') };
  encodeMessage({ list: Array.from({ length: 20 }, () => thawed) });
  thawed.message = 'changed';
  assert.ok(encodeMessage({ list: Array.from({ length: 20 }, () => thawed) }).toString('latin1').includes('changed'), 'an object that is not frozen is written as it is now');
});
