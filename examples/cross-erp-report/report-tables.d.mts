// Types of report-tables.mjs, for the TypeScript tests beside it.
import type { Customer } from '@custcode/core';

export interface HeldCustomer {
  code: string;
  name: string;
}
/** taxId → source name → customers holding it in that source. */
export type TaxIdIndex = Map<string, Map<string, HeldCustomer[]>>;

export interface Tally {
  taxIds: TaxIdIndex;
  add(customer: Customer): void;
  read(name: string): number;
  regions(name: string): Record<string, number>;
}

export interface TaxIdMatch {
  taxId: string;
  sources: string[];
  namesAgree: boolean;
  bySource: Record<string, HeldCustomer[]>;
}

export function createTally(sourceNames: readonly string[]): Tally;
export function taxIdMatches(taxIds: TaxIdIndex, sourceNames: readonly string[]): TaxIdMatch[];
export function formatTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>, options?: { left?: number[] }): string;
export function printSummary(summary: Record<string, unknown>): void;
export function printMatches(matches: readonly TaxIdMatch[], shown?: number): void;
