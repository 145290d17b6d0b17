import { CustcodeError, type CustcodeErrorOptions } from './custcode-error.js';

/** A mapped table or column does not exist in the database; the message lists what does exist. */
export class SchemaMismatchError extends CustcodeError {
  override readonly name = 'SchemaMismatchError';
  readonly code = 'SCHEMA_MISMATCH';
  readonly category = 'config' as const;
  readonly missing: string[];
  readonly available: string[];

  constructor(options: CustcodeErrorOptions & { missing: string[]; available: string[] }) {
    super(options);
    this.missing = options.missing;
    this.available = options.available;
  }
}
