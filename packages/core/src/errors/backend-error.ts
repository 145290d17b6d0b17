import { CustcodeError, type CustcodeErrorOptions } from './custcode-error.js';

/** The backend answered with an error that is not about the connection (a failed statement, an RFC exception). */
export class BackendError extends CustcodeError {
  override readonly name = 'BackendError';
  readonly code = 'BACKEND_ERROR';
  readonly category = 'backend' as const;
  /** The backend's own error code (SQLSTATE, ORA-, RFC exception name) when known. */
  readonly backendCode: string | undefined;

  constructor(options: CustcodeErrorOptions & { backendCode?: string }) {
    super(options);
    this.backendCode = options.backendCode;
  }
}
