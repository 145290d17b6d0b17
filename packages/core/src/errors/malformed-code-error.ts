import { CustcodeError } from './custcode-error.js';

/** A customer code that cannot be a code at all (empty, too long, control characters). */
export class MalformedCodeError extends CustcodeError {
  override readonly name = 'MalformedCodeError';
  readonly code = 'CODE_MALFORMED';
  readonly category = 'usage' as const;
}
