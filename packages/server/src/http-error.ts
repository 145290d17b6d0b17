import { CustcodeError, type ErrorCategory } from '@custcode/core';
import { redactStrings } from '@custcode/core/adapter';

/** A request the API cannot take as it is: a bad filter, an unknown format. HTTP 400. */
export class BadRequestError extends CustcodeError {
  override readonly name = 'BadRequestError';
  readonly code = 'BAD_REQUEST';
  readonly category = 'usage' as const;
}

/** No source, or no customer, by that name. HTTP 404. */
export class NotFoundError extends CustcodeError {
  override readonly name = 'NotFoundError';
  readonly code: string;
  readonly category = 'not-found' as const;
  constructor(code: string, message: string, hint?: string) {
    super({ message, ...(hint === undefined ? {} : { hint }) });
    this.code = code;
  }
}

/** No valid API key. HTTP 401 (a valid key without the right is 403). */
export class NotAuthenticatedError extends CustcodeError {
  override readonly name = 'NotAuthenticatedError';
  readonly code = 'NOT_AUTHENTICATED';
  readonly category = 'access' as const;
}

/** A Host header the server does not answer to (DNS rebinding). HTTP 403. */
export class HostNotAllowedError extends CustcodeError {
  override readonly name = 'HostNotAllowedError';
  readonly code = 'HOST_NOT_ALLOWED';
  readonly category = 'access' as const;
}

/** A request that needs more than the server's budget for it (records, time, memory). HTTP 400. */
export class BudgetExceededError extends CustcodeError {
  override readonly name = 'BudgetExceededError';
  readonly code = 'BUDGET_EXCEEDED';
  readonly category = 'usage' as const;
}

/** As many heavy requests as the server runs at once are running. HTTP 503, retryable. */
export class ServerBusyError extends CustcodeError {
  override readonly name = 'ServerBusyError';
  readonly code = 'SERVER_BUSY';
  readonly category = 'connection' as const;
}

const STATUS_BY_CATEGORY: Record<ErrorCategory, number> = {
  usage: 400,
  // A misconfigured source (bad column, missing driver) is the server's problem, not the caller's.
  config: 500,
  'not-found': 404,
  access: 403,
  connection: 503,
  backend: 502,
};

/** HTTP status and JSON body of an error; anything untyped is a 500 without its internals. */
export function errorBody(error: unknown, secrets: readonly string[] = []): { status: number; body: { error: Record<string, unknown> } } {
  if (!CustcodeError.isInstance(error)) {
    return { status: 500, body: { error: { name: 'Error', code: 'INTERNAL', category: 'backend', message: 'Internal server error.', retryable: false } } };
  }
  const status = error.code === 'NOT_AUTHENTICATED' ? 401 : error.code === 'CODE_MALFORMED' ? 400 : STATUS_BY_CATEGORY[error.category];
  // Every URL in the message is redacted too, not only the secrets the server knows of.
  const body = redactStrings(error.toJSON() as Record<string, unknown>, secrets);
  return { status, body: { error: body } };
}
