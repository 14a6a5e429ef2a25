/**
 * What VS Code writes when a snippet is inserted and left at once (Escape): each placeholder's default text, a choice's
 * first option, tab stops empty (a mirror `$1` repeats its placeholder's text), variables resolved. Returned as a
 * RegExp because some variables (the time of day, UUID, RANDOM) cannot be known exactly.
 * Follows the snippet grammar of https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar.
 */
import { escapeRegExp } from './workbench';

export interface SnippetDefinition {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

type Piece = { literal: string } | { pattern: string };

const pad = (value: number) => String(value).padStart(2, '0');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The value of a snippet variable, or a pattern when it depends on the exact instant or on chance. */
function variable(name: string, now: Date, fileName: string): Piece | undefined {
  const offset = -now.getTimezoneOffset();
  const known: Record<string, string> = {
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_YEAR_SHORT: String(now.getFullYear()).slice(-2),
    CURRENT_MONTH: pad(now.getMonth() + 1),
    CURRENT_MONTH_NAME: MONTHS[now.getMonth()],
    CURRENT_MONTH_NAME_SHORT: MONTHS[now.getMonth()].slice(0, 3),
    CURRENT_DATE: pad(now.getDate()),
    CURRENT_DAY_NAME: DAYS[now.getDay()],
    CURRENT_DAY_NAME_SHORT: DAYS[now.getDay()].slice(0, 3),
    CURRENT_TIMEZONE_OFFSET: `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`,
    TM_FILENAME: fileName,
    TM_FILENAME_BASE: fileName.replace(/\.[^.]*$/, ''),
    TM_SELECTED_TEXT: '',
    TM_CURRENT_WORD: '',
    CLIPBOARD: '',
  };
  if (name in known) return { literal: known[name] };
  const patterns: Record<string, string> = {
    CURRENT_HOUR: '\\d{2}',
    CURRENT_MINUTE: '\\d{2}',
    CURRENT_SECOND: '\\d{2}',
    CURRENT_SECONDS_UNIX: '\\d+',
    UUID: '[0-9a-f-]{36}',
    RANDOM: '\\d{6}',
    RANDOM_HEX: '[0-9a-f]{6}',
  };
  return name in patterns ? { pattern: patterns[name] } : undefined;
}

interface Parser {
  text: string;
  at: number;
}

/** Parses body text up to an unescaped `stop` character (or the end), resolving every construct. */
function parseUntil(parser: Parser, stop: string | undefined, resolve: (node: Construct) => Piece[]): Piece[] {
  const pieces: Piece[] = [];
  const { text } = parser;
  while (parser.at < text.length) {
    const char = text[parser.at];
    if (stop && char === stop) return pieces;
    if (char === '\\' && parser.at + 1 < text.length && '$}\\'.includes(text[parser.at + 1])) {
      pieces.push({ literal: text[parser.at + 1] });
      parser.at += 2;
    } else if (char === '$') {
      const construct = parseDollar(parser, resolve);
      pieces.push(...(construct ? resolve(construct) : [{ literal: '$' }]));
    } else {
      pieces.push({ literal: char });
      parser.at++;
    }
  }
  return pieces;
}

type Construct =
  | { kind: 'tabstop'; index: number; placeholder?: Piece[]; choice?: string }
  | { kind: 'variable'; name: string; fallback?: Piece[] };

/** `$1`, `${1}`, `${1:text}`, `${1|a,b|}`, `$NAME`, `${NAME}`, `${NAME:default}`; parser.at is on the `$`. */
function parseDollar(parser: Parser, resolve: (node: Construct) => Piece[]): Construct | undefined {
  const { text } = parser;
  const rest = text.slice(parser.at + 1);
  const simple = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
  if (simple) {
    parser.at += 1 + simple[0].length;
    return /^\d/.test(simple[0]) ? { kind: 'tabstop', index: Number(simple[0]) } : { kind: 'variable', name: simple[0] };
  }
  const braced = /^\{(\d+|[A-Za-z_][A-Za-z0-9_]*)([}:|/])/.exec(rest);
  if (!braced) return undefined;
  const [whole, name, separator] = braced;
  parser.at += 1 + whole.length;
  const isTabstop = /^\d/.test(name);
  if (separator === '}') return isTabstop ? { kind: 'tabstop', index: Number(name) } : { kind: 'variable', name };
  if (separator === ':') {
    const inner = parseUntil(parser, '}', resolve);
    parser.at++; // the closing brace
    return isTabstop ? { kind: 'tabstop', index: Number(name), placeholder: inner } : { kind: 'variable', name, fallback: inner };
  }
  if (separator === '|') {
    const end = text.indexOf('|}', parser.at);
    if (end < 0) throw new Error(`unclosed choice in snippet at ${parser.at}`);
    const options = text.slice(parser.at, end).split(/(?<!\\),/).map((option) => option.replace(/\\([,|\\$}])/g, '$1'));
    parser.at = end + 2;
    return { kind: 'tabstop', index: Number(name), choice: options[0] };
  }
  throw new Error(`snippet transforms (\${${name}/...}) are not supported by this test helper`);
}

/** A RegExp matching exactly the text VS Code inserts for this body. */
export function expectedSnippetText(body: string | string[], now: Date, fileName: string): RegExp {
  const text = Array.isArray(body) ? body.join('\n') : body;
  // First pass: the text of each tab stop that has a placeholder or choice, for its mirrors.
  const tabstopText = new Map<number, Piece[]>();
  const collect = (construct: Construct): Piece[] => {
    if (construct.kind === 'tabstop') {
      const pieces = construct.choice !== undefined ? [{ literal: construct.choice }] : construct.placeholder;
      if (pieces && !tabstopText.has(construct.index)) tabstopText.set(construct.index, pieces);
      return pieces ?? [];
    }
    return resolveVariable(construct, now, fileName);
  };
  parseUntil({ text, at: 0 }, undefined, collect);
  // Second pass: a bare tab stop mirrors its placeholder, wherever that one is written.
  const mirror = (construct: Construct): Piece[] =>
    construct.kind === 'tabstop' && !construct.placeholder && construct.choice === undefined ? tabstopText.get(construct.index) ?? [] : collect(construct);
  const pieces = parseUntil({ text, at: 0 }, undefined, mirror);
  const source = pieces.map((piece) => ('literal' in piece ? escapeRegExp(piece.literal) : piece.pattern)).join('');
  return new RegExp(`^${source}$`);
}

/** A known variable's value; an unknown one with a default gives the default; VS Code writes other unknown names as is. */
function resolveVariable(construct: Extract<Construct, { kind: 'variable' }>, now: Date, fileName: string): Piece[] {
  const value = variable(construct.name, now, fileName);
  if (value && !('literal' in value && value.literal === '' && construct.fallback)) return [value];
  return construct.fallback ?? [{ literal: construct.name }];
}
