import { CustcodeError } from './custcode-error.js';

/** A query this source cannot answer (an unknown filter, a filter the ERP has no column for). */
export class UnsupportedQueryError extends CustcodeError {
  override readonly name = 'UnsupportedQueryError';
  readonly code = 'QUERY_UNSUPPORTED';
  readonly category = 'usage' as const;
}
