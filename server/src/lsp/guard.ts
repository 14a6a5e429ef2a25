import { ErrorCodes, ResponseError } from 'vscode-languageserver';

/** Where the server writes what went wrong (the connection's console). */
export interface Log {
  error(message: string): void;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.stack ?? error.message : String(error);
}

/** A request whose params are malformed: answered with `InvalidParams`. */
export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/**
 * Wraps a request handler so that any exception or rejection becomes an error response (logged),
 * never a crash: one bad request must not take the server down for the rest of the session.
 */
export function guardRequest<P, R, T extends unknown[]>(log: Log, name: string, handler: (params: P, ...rest: T) => R | Promise<R>) {
  return async (params: P, ...rest: T): Promise<R | ResponseError<void>> => {
    try {
      return await handler(params, ...rest);
    } catch (error) {
      if (error instanceof ResponseError) return error;
      log.error(`${name} failed: ${describeError(error)}`);
      return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/** Wraps a notification handler: an exception is logged and the notification dropped. */
export function guardNotification<P>(log: Log, name: string, handler: (params: P) => void | Promise<void>) {
  return (params: P): void => {
    try {
      Promise.resolve(handler(params)).catch((error: unknown) => log.error(`${name} failed: ${describeError(error)}`));
    } catch (error) {
      log.error(`${name} failed: ${describeError(error)}`);
    }
  };
}

/** The `uri` of `{ uri }` or `{ textDocument: { uri } }` params, or an `InvalidParams` error. */
export function uriParam(params: unknown): string {
  const value = params as { uri?: unknown; textDocument?: { uri?: unknown } } | undefined;
  const uri = value?.textDocument?.uri ?? value?.uri;
  if (typeof uri !== 'string' || !uri) throw invalidParams('Expected a document uri in the params.');
  return uri;
}

function isPosition(value: unknown): boolean {
  const position = value as { line?: unknown; character?: unknown } | undefined;
  return Number.isInteger(position?.line) && Number.isInteger(position?.character);
}

export function isRange(value: unknown): boolean {
  const range = value as { start?: unknown; end?: unknown } | undefined;
  return isPosition(range?.start) && isPosition(range?.end);
}
