const marker = Symbol.for('custcode.error');

/** What kind of failure this is; the CLI maps it to an exit code, the server to an HTTP status. */
export type ErrorCategory = 'usage' | 'config' | 'not-found' | 'connection' | 'backend' | 'access';

export interface CustcodeErrorOptions {
  message: string;
  /** How to fix it, in one sentence. */
  hint?: string;
  cause?: unknown;
  retryable?: boolean;
}

/**
 * Base of every custcode error. Identity is checked with `isInstance` (a marker symbol), not
 * `instanceof`, because adapters are separate packages and two copies of core may be installed.
 */
export abstract class CustcodeError extends Error {
  private readonly [marker] = true;
  /** Stable, machine-readable code, e.g. `CONFIG_INVALID`. */
  abstract readonly code: string;
  abstract readonly category: ErrorCategory;
  readonly hint: string | undefined;
  readonly retryable: boolean;

  constructor(options: CustcodeErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
    this.retryable = options.retryable ?? false;
  }

  static isInstance(error: unknown): error is CustcodeError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }

  /** A plain object for JSON output (no stack, no cause chain with driver internals). */
  toJSON(): { name: string; code: string; category: ErrorCategory; message: string; hint?: string; retryable: boolean } {
    return {
      name: this.name,
      code: this.code,
      category: this.category,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      retryable: this.retryable,
    };
  }
}

/** Checks identity across package copies: `isErrorOf(error, 'CONFIG_INVALID')`. */
export function isCustcodeError(error: unknown, code?: string): error is CustcodeError {
  return CustcodeError.isInstance(error) && (code === undefined || error.code === code);
}
