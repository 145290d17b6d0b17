import { CustcodeError, type CustcodeErrorOptions } from './custcode-error.js';

/** An optional driver package (mysql2, pg, mssql, oracledb, better-sqlite3, node-rfc) is not installed or cannot load. */
export class MissingDriverError extends CustcodeError {
  override readonly name = 'MissingDriverError';
  readonly code = 'DRIVER_MISSING';
  readonly category = 'config' as const;
  readonly packageName: string;

  constructor(options: CustcodeErrorOptions & { packageName: string }) {
    super(options);
    this.packageName = options.packageName;
  }
}
