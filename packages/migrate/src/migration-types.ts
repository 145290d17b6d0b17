import type { NearDuplicateOptions } from '@custcode/audit';
import type { Customer, CustomerStatus } from '@custcode/core';
import type { CompiledRule, RuleDate, RuleInput } from '@custcode/rules';
import type { SequenceStore } from '@custcode/rules';
import type { CustomerSource } from '@custcode/core';

/** How a crosswalk row got its new code. */
export const MIGRATION_DECISIONS = ['kept', 'generated', 'merged-into', 'conflict'] as const;
export type MigrationDecision = (typeof MIGRATION_DECISIONS)[number];

/** The fields a translation table may translate (the LSMW "translation" of a value list). */
export const TRANSLATED_FIELDS = ['category', 'region', 'org'] as const;
export type TranslatedField = (typeof TRANSLATED_FIELDS)[number];

/** Source value → target value per field; the key `*` maps every value without its own entry, and an absent one. */
export type TranslationTable = Partial<Record<TranslatedField, Readonly<Record<string, string>>>>;

/** What the user decided for one source customer (the decisions file). */
export const DECISION_ACTIONS = ['merge', 'separate', 'new', 'keep'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export interface MigrationDecisionInput {
  /** The source customer's code. */
  oldCode: string;
  /**
   * `merge`: the customer is the same as `into` (another source customer's old code, or a code held in the
   * target) and gets that number; `separate`: a reviewed near-duplicate that stays its own customer;
   * `new`: always generate a number (also resolves a kept-code conflict); `keep`: keep the old code even
   * when the rule does not accept it (still only when the target does not hold it).
   */
  decision: DecisionAction;
  into?: string;
}

/** One row of the crosswalk: a source customer, its number in the target and how that was decided. */
export interface CrosswalkRow {
  oldCode: string;
  /** '' for a conflict. */
  newCode: string;
  decision: MigrationDecision;
  reason: string;
  /** merged-into: the old code (or target code) of the customer this one was merged into. */
  mergedInto: string;
  /** conflict: the target record that holds the code (`CODE name (org ORG)`). */
  heldBy: string;
  /** Near-duplicates waiting for a decision: `near-duplicate of A, B (same-tax-id)`; '' when none or decided. */
  review: string;
  name: string;
  org: string;
  /** Row id from the source's raw columns, the key of a customer without a code. */
  rowId: string;
  /** The customer's status in the source, or `missing` when it is no longer there (its number stays reserved). */
  sourceStatus: CustomerStatus | 'missing';
}

/** A crosswalk row with the source customer after value translations (absent when it left the source). */
export interface MigratedRecord {
  row: CrosswalkRow;
  customer?: Customer;
}

export interface UnmappedValue {
  field: TranslatedField;
  value: string;
  count: number;
  /** The first few old codes carrying the value. */
  examples: string[];
}

export interface MigrationSummary {
  source: string;
  target: string | null;
  rule: string;
  dryRun: boolean;
  /** Crosswalk rows, including rows of customers no longer in the source. */
  rows: number;
  decisions: Record<MigrationDecision, number>;
  /** Rows carried over unchanged from the stored crosswalk. */
  carriedOver: number;
  /** Rows decided in this run. */
  decidedNow: number;
  missingFromSource: number;
  /** Generated numbers passed over because the target or the crosswalk already holds them. */
  skippedNumbers: number;
  conflicts: Array<{ oldCode: string; code: string; heldBy: string; reason: string }>;
  nearDuplicates: { groups: number; undecided: number; examples: Array<{ codes: string[]; names: string[]; reason: string }> };
  unmapped: UnmappedValue[];
  /** Decisions naming a code that is in neither the source nor the crosswalk. */
  unknownDecisions: string[];
  examples: CrosswalkRow[];
  /** True when conflicts, unmapped values or undecided near-duplicates wait for the user. */
  needsDecision: boolean;
}

export interface MigrationResult {
  rows: CrosswalkRow[];
  records: MigratedRecord[];
  summary: MigrationSummary;
}

export interface MigrateOptions {
  /** The target's numbering rule: pattern, preset, JSON segments or a compiled rule. */
  rule: RuleInput | CompiledRule;
  /** Where the rule's counters live (the rule engine's store). A dry run only peeks at it. */
  store: SequenceStore;
  /** The target ERP, read only: codes it holds are never handed out. */
  target?: Pick<CustomerSource, 'getMany' | 'name'>;
  /** Organisation scope of the target lookups. */
  targetOrg?: string;
  /** External number assignment: keep an old code that the rule accepts and the target does not hold. */
  keep?: boolean;
  translate?: TranslationTable;
  decisions?: readonly MigrationDecisionInput[];
  /** The stored crosswalk of earlier runs: its numbers are kept. */
  crosswalk?: Iterable<CrosswalkRow>;
  /** Generation order: by old code (default) or by creation date, then old code. */
  order?: 'code' | 'created';
  /** Date for the rule's date parts; default each record's creation date, else today. */
  date?: RuleDate;
  /** Near-duplicate detection of the audit (`false` skips it). */
  nearDuplicates?: boolean | NearDuplicateOptions;
  /** Compute everything without consuming a number. */
  dryRun?: boolean;
  /** Source name for the summary (default: the source's name or the first record's `source`). */
  sourceName?: string;
}
