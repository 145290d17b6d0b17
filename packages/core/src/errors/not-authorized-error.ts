import { CustcodeError } from './custcode-error.js';

/** The backend or the configured role refused access to this data. */
export class NotAuthorizedError extends CustcodeError {
  override readonly name = 'NotAuthorizedError';
  readonly code = 'NOT_AUTHORIZED';
  readonly category = 'access' as const;
}
