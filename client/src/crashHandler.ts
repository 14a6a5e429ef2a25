/**
 * What the client does when the language server crashes: restart it, and say so once. vscode-languageclient's
 * own handler restarts silently (its message only reaches the output channel) and speaks up only when it gives
 * up; this one tells the user the first time, logs every restart, and gives up as the default does: after five
 * crashes within three minutes. No `vscode` import, so it is tested under plain Node.
 */
import type { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult, Message } from 'vscode-languageclient';

/** vscode-languageclient's action values, passed in (its module needs VS Code at run time). */
export interface CrashActions {
  restart: CloseAction;
  doNotRestart: CloseAction;
  continue: ErrorAction;
  shutdown: ErrorAction;
}

const MAX_RESTARTS = 4;
const WINDOW_MS = 3 * 60 * 1000;
/** Write errors on the connection before it is shut down, as the default handler allows. */
const MAX_CONNECTION_ERRORS = 3;

export const RESTARTED_MESSAGE = 'The Postmortem Writer language server stopped unexpectedly and was restarted. The "Postmortem Writer" output shows what happened.';
export const GAVE_UP_MESSAGE = `The Postmortem Writer language server crashed ${MAX_RESTARTS + 1} times in three minutes, so it was not restarted. The "Postmortem Writer" output shows what happened; run "Postmortem: Restart Server" to try again.`;

export class CrashHandler implements ErrorHandler {
  private readonly crashes: number[] = [];
  private told = false;

  constructor(
    private readonly actions: CrashActions,
    /** Shows a message to the user (a warning notification). */
    private readonly notify: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    return { action: count !== undefined && count <= MAX_CONNECTION_ERRORS ? this.actions.continue : this.actions.shutdown };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes.push(now);
    while (now - this.crashes[0] > WINDOW_MS) this.crashes.shift();
    // Not handled: the client shows it as an error notification.
    if (this.crashes.length > MAX_RESTARTS) return { action: this.actions.doNotRestart, message: GAVE_UP_MESSAGE };
    if (!this.told) {
      this.told = true;
      this.notify(RESTARTED_MESSAGE);
    }
    // Handled: the client only logs it to the output channel.
    return { action: this.actions.restart, message: RESTARTED_MESSAGE, handled: true };
  }
}
