import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CloseAction, ErrorAction } from 'vscode-languageclient/node';
import { CrashHandler, GAVE_UP_MESSAGE, RESTARTED_MESSAGE } from '../../client/src/crashHandler';

// vscode-languageclient's values: CloseAction.DoNotRestart = 1, Restart = 2; ErrorAction.Continue = 1, Shutdown = 2.
const ACTIONS = { doNotRestart: 1 as CloseAction, restart: 2 as CloseAction, continue: 1 as ErrorAction, shutdown: 2 as ErrorAction };
const MINUTE = 60_000;

function handler() {
  const notified: string[] = [];
  let clock = 0;
  const crashHandler = new CrashHandler(ACTIONS, (message) => notified.push(message), () => clock);
  return { crashHandler, notified, advance: (ms: number) => (clock += ms) };
}

test('a crash restarts the server and says so once; later restarts are only logged', () => {
  const { crashHandler, notified, advance } = handler();
  for (let crash = 0; crash < 4; crash++) {
    assert.deepEqual(crashHandler.closed(), { action: ACTIONS.restart, message: RESTARTED_MESSAGE, handled: true });
    advance(30_000);
  }
  assert.deepEqual(notified, [RESTARTED_MESSAGE]);
});

test('the fifth crash within three minutes is not restarted, and says why (an error notification)', () => {
  const { crashHandler, advance } = handler();
  for (let crash = 0; crash < 4; crash++) {
    crashHandler.closed();
    advance(MINUTE / 2);
  }
  assert.deepEqual(crashHandler.closed(), { action: ACTIONS.doNotRestart, message: GAVE_UP_MESSAGE });
});

test('crashes spread over more than three minutes keep being restarted', () => {
  const { crashHandler, notified, advance } = handler();
  for (let crash = 0; crash < 10; crash++) {
    assert.equal(crashHandler.closed().action, ACTIONS.restart);
    advance(MINUTE);
  }
  assert.equal(notified.length, 1);
});

test('connection errors: the first three are tolerated, then the connection is shut down', () => {
  const { crashHandler } = handler();
  assert.deepEqual([1, 2, 3, 4].map((count) => crashHandler.error(new Error('write failed'), undefined, count).action), [ACTIONS.continue, ACTIONS.continue, ACTIONS.continue, ACTIONS.shutdown]);
});
