/**
 * The built server over stdio, read as raw bytes: every message is ASCII JSON (lsp/asciiJson.ts) and still says what
 * the report says, typographic quotes and emoji included; and stdout carries nothing but protocol messages, even
 * when something in the server writes to the console.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { ensureServerBuilt } from '../helpers/lspClient';

const ROOT = join(__dirname, '../..');
const SERVER = join(ROOT, 'dist/server.js');
const REPORT = '# Postmortem: “Checkout” outage 😀\n\n## Action Items\n\n- Fix the “cache” — soon\n';

function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

/** The messages in a stdout stream of Content-Length frames, as raw bodies; throws on anything between frames. */
function bodies(output: Buffer): Buffer[] {
  const found: Buffer[] = [];
  let at = 0;
  while (at < output.length) {
    const headerEnd = output.indexOf('\r\n\r\n', at);
    const header = output.subarray(at, headerEnd < 0 ? output.length : headerEnd).toString('latin1');
    const length = /^Content-Length: (\d+)$/.exec(header);
    if (!length) throw new Error(`not a protocol header on stdout: ${JSON.stringify(header.slice(0, 80))}`);
    found.push(output.subarray(headerEnd + 4, headerEnd + 4 + Number(length[1])));
    at = headerEnd + 4 + Number(length[1]);
  }
  return found;
}

/** Runs the server with `setup` evaluated before it starts, sends `messages`, and collects stdout until `done` holds. */
function run(setup: string, messages: object[], done: (stdout: Buffer) => boolean): Promise<{ stdout: Buffer; stderr: string }> {
  const server = spawn(process.execPath, ['-e', `${setup};require(${JSON.stringify(SERVER)})`, 'server', '--stdio'], { cwd: ROOT });
  const chunks: Buffer[] = [];
  let stderr = '';
  server.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      server.kill();
      reject(new Error(`no answer in time; stderr: ${stderr}`));
    }, 20_000);
    server.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const stdout = Buffer.concat(chunks);
      if (!done(stdout)) return;
      clearTimeout(timer);
      server.kill();
      resolve({ stdout, stderr });
    });
    server.stdin.write(messages.map(frame).join(''));
  });
}

const INITIALIZE = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } } };
const INITIALIZED = { jsonrpc: '2.0', method: 'initialized', params: {} };
const OPEN = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/postmortem.md', languageId: 'markdown', version: 1, text: REPORT } } };

describe('the server over stdio, byte by byte', () => {
  before(() => ensureServerBuilt());

  test('messages are ASCII JSON, and diagnostics quote the report as written', async () => {
    const published = (stdout: Buffer) => /"method":"textDocument\/publishDiagnostics"/.test(stdout.toString('latin1'));
    const { stdout } = await run('', [INITIALIZE, INITIALIZED, OPEN], published);
    assert.ok(stdout.every((byte) => byte < 0x80), 'a byte outside ASCII on stdout');
    const messages = bodies(stdout).map((body) => JSON.parse(body.toString('utf8')));
    const diagnostics = messages.find((message) => message.method === 'textDocument/publishDiagnostics').params.diagnostics as Array<{ message: string }>;
    assert.ok(
      diagnostics.some((diagnostic) => diagnostic.message === 'No owner for "Fix the “cache” — soon". Name the one person or team who will see it done: add "(owner: @handle)".'),
      diagnostics.map((diagnostic) => diagnostic.message).join('\n'),
    );
  });

  test('console output goes to stderr: stdout holds only protocol messages', async () => {
    const answered = (stdout: Buffer) => /"id":1,/.test(stdout.toString('latin1'));
    const { stdout, stderr } = await run("setImmediate(() => { console.log('stray log'); console.info('stray info'); })", [INITIALIZE], answered);
    assert.equal(bodies(stdout).length >= 1, true);
    assert.match(stderr, /stray log[\s\S]*stray info/);
  });
});
