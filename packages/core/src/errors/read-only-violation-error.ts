import { CustcodeError } from './custcode-error.js';

/** Something other than a read reached the SQL or RFC layer; it was refused before it ran. */
export class ReadOnlyViolationError extends CustcodeError {
  override readonly name = 'ReadOnlyViolationError';
  readonly code = 'READ_ONLY_VIOLATION';
  readonly category = 'usage' as const;
}
