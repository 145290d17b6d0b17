import type { Customer } from '@custcode/core';

/**
 * What `audit` reads: a `Customer`, or anything shaped like one. `code` may be empty or null here
 * (files and sample data carry records without a code; finding them is the point).
 */
export interface AuditRecord {
  code?: string | null;
  name?: string | null;
  shortName?: string | null;
  taxId?: string | null;
  phone?: string | null;
  contact?: string | null;
  address?: string | null;
  org?: string | null;
  raw?: Record<string, unknown>;
}

/** Customers from a source's `search()` stream, an array, or any (async) iterable. */
export type AuditInput = AsyncIterable<AuditRecord> | Iterable<AuditRecord> | AsyncIterable<Customer> | Iterable<Customer>;

/** Codes that are equal after normalisation (case, width, spaces, SAP leading zeros). */
export interface DuplicateFinding {
  /** The normalised code they share. */
  code: string;
  /** The codes as stored, one per record, in stream order. */
  records: string[];
  /** The record names, parallel to `records`. */
  names: string[];
  /** Row ids from `raw` (null when the source has none), parallel to `records`. */
  rowIds: Array<string | null>;
  /** The organisation the records share (duplicates are found per org), or null. */
  org: string | null;
}

export interface MissingFinding {
  /** 0-based position of the record in the audited stream. */
  index: number;
  name: string;
  /** A row identifier from `raw` (FCUSTID, CUST_ACCOUNT_ID, pk_customer, id, row…), or null. */
  rowId: string | null;
  /** The value that was stored: '' (or only spaces) or null. */
  stored: string | null;
  org: string | null;
}

export interface GapFinding {
  /** Counter key: the rule's counter (e.g. `KH2024`), or the inferred prefix. */
  prefix: string;
  /** First missing serial (inclusive). */
  from: number;
  /** Last missing serial (inclusive). */
  to: number;
  /** True when the rule allows gaps (fast mode): reported, but not an error. */
  legitimate: boolean;
}

export interface FormatViolationFinding {
  code: string;
  reasons: string[];
}

export type GarbleKind = 'utf8-as-gbk' | 'utf8-as-latin1' | 'replacement-character' | 'question-marks' | 'control-characters';

export interface GarbledFinding {
  code: string;
  field: string;
  value: string;
  kind: GarbleKind;
  /** The reversed text when the damage is reversible and the result is clean; otherwise null. */
  repair: string | null;
}

export interface InvalidTaxIdFinding {
  code: string;
  taxId: string;
  reasons: string[];
}

export type NearDuplicateReason = 'same-tax-id' | 'same-name' | 'similar-name';

export interface NearDuplicateFinding {
  /** Different codes that are probably the same customer, sorted. */
  codes: string[];
  /** Names parallel to `codes`. */
  names: string[];
  /** The strongest evidence linking the group. */
  reason: NearDuplicateReason;
  /** 0..1; 1 for identical tax ids or normalised names, the lowest link similarity otherwise. */
  score: number;
}

/** Serial coverage of one counter key, for charts. */
export interface SerialCoverage {
  prefix: string;
  first: number;
  last: number;
  present: number;
  missing: number;
  legitimate: boolean;
}

export interface AuditSummary {
  records: number;
  duplicates: number;
  duplicateRecords: number;
  missing: number;
  gaps: number;
  missingSerials: number;
  legitimateGaps: number;
  formatViolations: number;
  garbled: number;
  invalidTaxIds: number;
  nearDuplicates: number;
  /** The rule used, or null when the pattern was inferred. */
  rule: string | null;
  /** The dominant code template inferred when no rule was given (`KH999999`, described `KH + 6 digits`). */
  inferredPattern: { template: string; description: string } | null;
  /** Record count per code length (key: length as a string). */
  codeLengths: Record<string, number>;
  /** The most frequent code prefixes (letters before the first digit), most frequent first. */
  prefixes: Array<{ prefix: string; count: number }>;
  serialCoverage: SerialCoverage[];
}

/** The audit result; its JSON has exactly these top-level keys. */
export interface AuditReport {
  source: string;
  total: number;
  summary: AuditSummary;
  duplicates: DuplicateFinding[];
  missing: MissingFinding[];
  gaps: GapFinding[];
  formatViolations: FormatViolationFinding[];
  garbled: GarbledFinding[];
  invalidTaxIds: InvalidTaxIdFinding[];
  nearDuplicates: NearDuplicateFinding[];
}

export const FINDING_KINDS = [
  'duplicates',
  'missing',
  'gaps',
  'formatViolations',
  'garbled',
  'invalidTaxIds',
  'nearDuplicates',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
