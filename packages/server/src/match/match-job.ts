import type { MaskableField } from '@custcode/access';
import type { MatchOptions } from '@custcode/match';

/** What the match worker is asked to compute (plain data: it crosses threads by structured clone). */
export interface MatchJob {
  /** The sources in the order their pages arrive, each with the fields masked for the caller. */
  sources: Array<{ name: string; masked: MaskableField[] }>;
  options: Pick<MatchOptions, 'threshold' | 'reviewFrom' | 'evidence' | 'sourcePriority' | 'decisions' | 'previous'>;
  format: 'json' | 'html';
  /** Review pairs in the JSON answer (the highest probabilities); `summary.review` counts them all. */
  reviewLimit: number;
}
