import { CustcodeError } from './custcode-error.js';

/**
 * The access log cannot be written. Nothing is served without its entry: the server answers 500, the
 * CLI exits 2. The message names the system error, not the log's path (it reaches API clients).
 */
export class AccessLogError extends CustcodeError {
  override readonly name = 'AccessLogError';
  readonly code = 'ACCESS_LOG_UNWRITABLE';
  readonly category = 'config' as const;
}
