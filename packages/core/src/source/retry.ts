import { CustcodeError } from '../errors/custcode-error.js';

export interface RetryOptions {
  /** How often a page, lookup or count is retried after the connection was lost (default 3). */
  retries?: number;
  /** First wait before a retry; doubles each time (default 100 ms). */
  retryDelayMs?: number;
}

/**
 * Runs `operation` again when the backend connection was lost or could not be re-established. Reads are
 * idempotent and streams resume from their cursor, so a retry repeats nothing the caller has seen.
 * Timeouts are not retried here: a query that is too slow would only be slow again.
 */
export async function retryOnLostConnection<T>(operation: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      await waitBeforeRetry(error, attempt, options);
    }
  }
}

/** Rethrows `error` unless it is a lost connection with retries left; otherwise waits the back-off of `attempt` (0-based). */
export async function waitBeforeRetry(error: unknown, attempt: number, options: RetryOptions): Promise<void> {
  const reason = (error as { reason?: string }).reason;
  const lost = CustcodeError.isInstance(error) && error.code === 'CONNECTION_FAILED' && (reason === 'closed' || reason === 'unreachable');
  if (!lost || attempt >= (options.retries ?? 3)) throw error;
  await new Promise((resolve) => setTimeout(resolve, (options.retryDelayMs ?? 100) * 2 ** attempt));
}
