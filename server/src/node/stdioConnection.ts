/**
 * The server's connection over stdin and stdout (`--stdio`: how VS Code, Neovim, Emacs and Helix start it), writing
 * messages as ASCII JSON (see lsp/asciiJson.ts). The library's own `--stdio` set-up is kept otherwise: it is given
 * the stdin stream, so it still ends the server when the editor closes it.
 */
import { Console } from 'node:console';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection, type MessageWriter } from 'vscode-languageserver/node';
import { asciiJsonPieces } from '../lsp/asciiJson';

/** A message's JSON as UTF-8: its ASCII pieces, one byte per character, copied into one buffer. */
export function encodeMessage(message: unknown): Buffer {
  const pieces = asciiJsonPieces(message);
  let length = 0;
  for (const piece of pieces) length += piece.length;
  const bytes = Buffer.allocUnsafe(length);
  let offset = 0;
  for (const piece of pieces) offset += bytes.write(piece, offset, 'latin1');
  return bytes;
}

/** A writer of protocol messages to a stream, as ASCII JSON. */
export function asciiMessageWriter(output: NodeJS.WritableStream): MessageWriter {
  return new StreamMessageWriter(output, { contentTypeEncoder: { name: 'application/json', encode: (message) => Promise.resolve(encodeMessage(message)) } });
}

/** The console methods that write to stdout. */
const STDOUT_METHODS = ['log', 'info', 'debug', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'count', 'timeLog', 'timeEnd'] as const;

export function createStdioConnection(): Connection {
  // stdout carries the protocol: a stray console.log would break it. The library moves the console off stdout only
  // when it opens stdio itself; here it goes to stderr, which editors keep as the server's log.
  const toStderr = new Console({ stdout: process.stderr, stderr: process.stderr });
  for (const method of STDOUT_METHODS) (console as unknown as Record<string, unknown>)[method] = toStderr[method].bind(toStderr);
  // The library wraps streams and takes a MessageWriter as it is, but its types pair a stream with a stream.
  return createConnection(ProposedFeatures.all, process.stdin, asciiMessageWriter(process.stdout) as unknown as NodeJS.WritableStream);
}
