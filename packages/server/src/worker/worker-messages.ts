import type { Customer, ErrorCategory } from '@custcode/core';

/** Pages of records (with the index of their source) and the end of them, to a worker. */
export type ToWorker = { type: 'page'; source: number; customers: Customer[] } | { type: 'end' };

/** From a worker: "send the next page", the answer as bytes, or its error as plain data. */
export type FromWorker =
  | { type: 'next' }
  | { type: 'done'; body: Uint8Array }
  | { type: 'failed'; error: { name?: string; code?: string; category?: ErrorCategory; message: string; hint?: string; retryable?: boolean } };
