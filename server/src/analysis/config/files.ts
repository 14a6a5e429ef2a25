import { findNodeAtLocation, parse as parseJsonc, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ConfigLayer } from './config';
import { validateLayer } from './validation';
import { SourceText } from '../parsing/sourceText';
import type { Range } from '../types';

export const RC_FILE = '.postmortemrc.json';

export interface RcError {
  file: string;
  message: string;
  range: Range;
}

export interface RcLayers {
  /** From the outermost folder to the document's own. */
  layers: ConfigLayer[];
  files: string[];
  errors: RcError[];
}

/**
 * Parses one `.postmortemrc.json` (JSON with comments). A syntax error falls back to no configuration from that
 * file; a part with the wrong type (`"rules": 3`) is dropped with an error at that part, and the rest applies.
 */
export function parseRc(file: string, text: string): { layer?: ConfigLayer; errors: RcError[] } {
  const problems: ParseError[] = [];
  let value: unknown;
  try {
    value = parseJsonc(text, problems, { allowTrailingComma: true, disallowComments: false });
  } catch (error) {
    // Nesting deep enough to exhaust the parser's stack: not a configuration anyone wrote by hand.
    return { errors: [{ file, message: `${RC_FILE} could not be read (${(error as Error).message}); using the defaults instead of this file.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] };
  }
  const source = new SourceText(text);
  const syntaxErrors = problems.map((problem) => ({
    file,
    message: `${RC_FILE}: ${printParseErrorCode(problem.error)}; using the defaults instead of this file.`,
    range: source.rangeOf(problem.offset, problem.offset + problem.length),
  }));
  if (syntaxErrors.length) return { errors: syntaxErrors };
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { errors: [{ file, message: `${RC_FILE} must hold a JSON object; using the defaults instead of this file.`, range: source.rangeOf(0, 0) }] };
  }
  const { layer, problems: typeProblems } = validateLayer(value);
  const tree = typeProblems.length ? parseTree(text, [], { allowTrailingComma: true, disallowComments: false }) : undefined;
  const errors: RcError[] = typeProblems.map((problem) => {
    const node = tree && findNodeAtLocation(tree, problem.path);
    return { file, message: `${RC_FILE}: ${problem.message}`, range: node ? source.rangeOf(node.offset, node.offset + node.length) : source.rangeOf(0, 0) };
  });
  errors.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { layer, errors };
}

/** An rc file as found: its text, or why it could not be read. */
export type RcFileContent = { file: string; text: string } | { file: string; unreadable: string };

/** The layers of the rc files that apply to one document, given outermost first (however they were read). */
export function rcLayersOf(files: readonly RcFileContent[]): RcLayers {
  const result: RcLayers = { layers: [], files: [], errors: [] };
  for (const found of files) {
    if ('unreadable' in found) {
      result.errors.push({ file: found.file, message: `Cannot read ${found.file}: ${found.unreadable}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
      continue;
    }
    const { layer, errors } = parseRc(found.file, found.text);
    result.files.push(found.file);
    result.errors.push(...errors);
    if (layer) result.layers.push(layer);
  }
  return result;
}
