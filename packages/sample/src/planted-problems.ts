import type { SampleGarbleKind } from './garble.js';

export type DuplicateVariant = 'case' | 'full-width' | 'spaces' | 'leading-zeros';
export type NearDuplicateReason = 'same-tax-id' | 'same-name' | 'similar-name';

/**
 * The ground truth of `generateSampleCustomers({ problems: true })`: every anomaly that was planted,
 * and nothing else (the clean records are built so that no two of them look alike by accident).
 */
export interface PlantedProblems {
  /**
   * Codes equal after normalisation (NFKC, trim, upper case, SAP leading zeros), within one org.
   * `key` is the shared normalised code; `codes` are the stored codes, original first. `case`,
   * `full-width` and `spaces` copies differ from a valid code only in form and are not format
   * violations (codes are checked after normalisation); `leading-zeros` pairs are legacy all-digit
   * codes (`100037` / `0000100037`), both also listed in `formatViolations`.
   */
  duplicates: Array<{ key: string; codes: string[]; org: string; variant: DuplicateVariant }>;
  /** Records whose code is empty: their position in `customers` and their (unique) name. */
  missing: Array<{ index: number; name: string }>;
  /** Serials skipped in a year's numbering: counter `KH2021`, serials `from`…`to` inclusive. */
  gaps: Array<{ prefix: string; from: number; to: number }>;
  /** Codes that break the rule even after normalisation: length, prefix, a letter O for a zero, separators, all digits. */
  formatViolations: Array<{ code: string; problem: 'too-short' | 'too-long' | 'prefix' | 'charset' | 'separator' | 'all-digits' }>;
  /** Names damaged by an encoding mistake; `original` is the name before the damage. */
  garbled: Array<{ code: string; field: 'name'; kind: SampleGarbleKind; value: string; original: string }>;
  /** Tax ids that fail GB 32100: wrong check character, 17 characters, or a letter outside the alphabet. */
  invalidTaxIds: Array<{ code: string; taxId: string; problem: 'check' | 'length' | 'charset' }>;
  /** Pairs of different codes for one company: same tax id, same name modulo place/brackets/legal form, or a one-character typo. */
  nearDuplicates: Array<{ codes: string[]; reason: NearDuplicateReason }>;
}

export const emptyPlantedProblems = (): PlantedProblems => ({
  duplicates: [],
  missing: [],
  gaps: [],
  formatViolations: [],
  garbled: [],
  invalidTaxIds: [],
  nearDuplicates: [],
});
