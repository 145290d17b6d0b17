import { CustcodeError, type ErrorCategory } from '@custcode/core';

type Reported = { name?: string; code?: string; category?: ErrorCategory; message: string; hint?: string; retryable?: boolean };

/** A typed error the audit worker reported, with its code and category (a thread boundary drops the class). */
export class WorkerAuditError extends CustcodeError {
  override readonly name: string;
  readonly code: string;
  readonly category: ErrorCategory;
  constructor(reported: Required<Pick<Reported, 'code' | 'category'>> & Reported) {
    super({ message: reported.message, ...(reported.hint === undefined ? {} : { hint: reported.hint }), retryable: reported.retryable ?? false });
    this.name = reported.name ?? 'WorkerAuditError';
    this.code = reported.code;
    this.category = reported.category;
  }
}

/** The worker's error as thrown here: typed when it was typed there, else a plain Error (HTTP 500 without details). */
export function reportedError(reported: Reported): Error {
  const { code, category } = reported;
  return code !== undefined && category !== undefined ? new WorkerAuditError({ ...reported, code, category }) : new Error(reported.message);
}
