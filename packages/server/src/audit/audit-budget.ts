import { ConfigError } from '@custcode/core';

/** What one audit request may use; past a limit it fails with BudgetExceededError (or ServerBusyError). */
export interface AuditBudget {
  /** Reading the source and computing the report, in milliseconds. */
  timeoutMs: number;
  /** Records read from the source. */
  maxRecords: number;
  /** Heap of the worker thread that computes the report, in MB: running out ends the audit, not the server. */
  memoryMb: number;
  /** Audits computed at once; one more is refused with 503 (retryable). */
  concurrency: number;
}

export const DEFAULT_AUDIT_BUDGET: Readonly<AuditBudget> = { timeoutMs: 120_000, maxRecords: 1_000_000, memoryMb: 1024, concurrency: 2 };

/**
 * What one match request may use: it holds every record of every source it reads and compares pairs of
 * them, so fewer records than an audit, one at a time.
 */
export const DEFAULT_MATCH_BUDGET: Readonly<AuditBudget> = { timeoutMs: 120_000, maxRecords: 200_000, memoryMb: 1024, concurrency: 1 };

/** The defaults overridden by what the options give; a limit that is not a positive whole number is a ConfigError. */
export function auditBudgetOf(given: Partial<AuditBudget> = {}, defaults: Readonly<AuditBudget> = DEFAULT_AUDIT_BUDGET, option = 'auditBudget'): AuditBudget {
  const budget = { ...defaults, ...given };
  for (const [name, value] of Object.entries(budget)) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new ConfigError({ message: `${option}.${name} must be a whole number of at least 1, not ${String(value)}.`, hint: `The defaults are ${JSON.stringify(defaults)}.` });
    }
  }
  return budget;
}
