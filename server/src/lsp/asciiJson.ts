/**
 * JSON for the wire, written in ASCII (every other character as a `\u` escape) and in pieces. Any JSON reader gets
 * the same value. Measured on the 1,938 diagnostics of a 500 KB report (958 KB of JSON), the usual way costs both
 * ends: one typographic quote makes `JSON.stringify` give a two-byte string, which Node 20 turns into UTF-8 slowly
 * (8 ms after 4 ms to stringify), and the client decodes and parses two-byte text (20 ms against 5 ms for ASCII).
 * In pieces, no megabyte-long string is built only to be copied again; long lists are written item by item, so
 * only the items with such characters are escaped.
 */

const NON_ASCII = /[\u0080-\uffff]/;
const EACH_NON_ASCII = /[\u0080-\uffff]/g;
/** Lists shorter than this are written in one piece. */
const LONG_LIST = 16;
/** How deep lists are looked for: a message, its params or result, and their properties. */
const LIST_DEPTH = 3;

/** A UTF-16 code unit as a JSON escape (a character outside the BMP becomes its surrogate pair, as JSON spells it). */
const escape = (unit: string) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `JSON.stringify(value)` in ASCII; undefined where JSON.stringify gives undefined (a function, a symbol, undefined). */
function stringified(value: unknown): string | undefined {
  const text = JSON.stringify(value);
  return text !== undefined && NON_ASCII.test(text) ? text.replace(EACH_NON_ASCII, escape) : text;
}

/**
 * The JSON of frozen objects, written once: a frozen object sent again (a diagnostic of a long report that a
 * keystroke did not change) is not stringified again. What it holds must not change either.
 */
const frozenJson = new WeakMap<object, string | undefined>();

function stringifiedOnce(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return stringified(value);
  if (frozenJson.has(value)) return frozenJson.get(value);
  const text = stringified(value);
  frozenJson.set(value, text);
  return text;
}

/** Whether the value is written here member by member: a plain object or a long list of objects, near the top. */
function isOpened(value: unknown, depth: number): value is Record<string, unknown> | unknown[] {
  // What JSON.stringify would not write as it is (toJSON, a Map, a boxed string) is left to it whole.
  if (depth >= LIST_DEPTH || typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  // Lists of numbers (semantic tokens) are ASCII already, and fastest in one piece.
  if (Array.isArray(value)) return value.length >= LONG_LIST && typeof value[0] === 'object';
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Appends the value's JSON to `pieces`; false when JSON leaves it out (as an object member) or writes null for it (in a list). */
function append(value: unknown, depth: number, pieces: string[]): boolean {
  if (!isOpened(value, depth)) {
    const text = stringifiedOnce(value);
    if (text !== undefined) pieces.push(text);
    return text !== undefined;
  }
  if (Array.isArray(value)) {
    pieces.push('[');
    value.forEach((item, index) => {
      if (index) pieces.push(',');
      if (!append(item, depth + 1, pieces)) pieces.push('null');
    });
    pieces.push(']');
    return true;
  }
  pieces.push('{');
  let first = true;
  for (const key of Object.keys(value)) {
    const mark = pieces.length;
    pieces.push(first ? '' : ',', stringified(key)!, ':');
    if (append(value[key], depth + 1, pieces)) first = false;
    else pieces.length = mark;
  }
  pieces.push('}');
  return true;
}

/** The JSON text of a protocol message as ASCII pieces, in order. */
export function asciiJsonPieces(message: unknown): string[] {
  const pieces: string[] = [];
  if (!append(message, 0, pieces)) throw new TypeError('A protocol message must be a JSON value.');
  return pieces;
}
