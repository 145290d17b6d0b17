import type { Customer, ErrorCategory } from '@custcode/core';
import type { Lang } from '@custcode/core/messages';
import type { RuleInput } from '@custcode/rules';

/** What the worker is asked to compute (plain data: it crosses threads by structured clone). */
export interface AuditJob {
  source: string;
  /** The rule as segments (a compiled rule's own), so config names are resolved before. */
  rule?: RuleInput;
  nearDuplicates?: boolean;
  format: 'json' | 'html';
  /** Language of the HTML report. */
  lang?: Lang;
}

export type ToWorker = { type: 'page'; customers: Customer[] } | { type: 'end' };

export type FromWorker =
  | { type: 'next' }
  | { type: 'done'; body: Uint8Array }
  | { type: 'failed'; error: { name?: string; code?: string; category?: ErrorCategory; message: string; hint?: string; retryable?: boolean } };
