import { CustcodeError, type CustcodeErrorOptions } from './custcode-error.js';

export type ConnectionFailure = 'unreachable' | 'authentication' | 'timeout' | 'closed' | 'unknown-database';

/** The backend could not be reached, refused the credentials, timed out or dropped the connection. */
export class ConnectionError extends CustcodeError {
  override readonly name = 'ConnectionError';
  readonly code = 'CONNECTION_FAILED';
  readonly category = 'connection' as const;
  readonly reason: ConnectionFailure;

  constructor(options: CustcodeErrorOptions & { reason: ConnectionFailure }) {
    super({ ...options, retryable: options.retryable ?? options.reason !== 'authentication' });
    this.reason = options.reason;
  }
}
