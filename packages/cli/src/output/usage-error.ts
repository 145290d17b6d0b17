import { CustcodeError } from '@custcode/core';

/** The command line itself is wrong: an unknown source or view, a bad flag value. Exit code 2. */
export class UsageError extends CustcodeError {
  override readonly name = 'UsageError';
  readonly code = 'USAGE';
  readonly category = 'usage' as const;
}
