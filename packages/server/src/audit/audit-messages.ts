import type { Lang } from '@custcode/core/messages';
import type { RuleInput } from '@custcode/rules';

export type { FromWorker, ToWorker } from '../worker/worker-messages.js';

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
