import type { AuditRecord } from '@custcode/audit';
import type { Customer, CustomerStatus } from '@custcode/core';

/** Raw columns that hold an ERP's class code (U8, K/3 WISE parent group, K/3 Cloud group, SAP as configured, EBS, NC). */
export const CLASS_CODE_COLUMNS = ['cCCCode', 'FParentID', 'FPRIMARYGROUP', 'KUKLA', 'KTOKD', 'CUSTOMER_CLASS_CODE', 'pk_custclass', 'class_code'] as const;
/** Raw columns that hold the date a customer was stopped (U8 dEndDate): exact, unlike updatedAt. */
const STATUS_DATE_COLUMNS = ['dEndDate'] as const;

export interface ClassStats {
  code: string | undefined;
  name: string | undefined;
  total: number;
  byStatus: Record<CustomerStatus, number>;
}

/** Everything the templates need from one pass over a source, in memory bounded by distinct values (plus detail rows). */
export interface SourceStats {
  name: string;
  erp: string;
  total: number;
  byStatus: Map<string, number>;
  byCategory: Map<string, number>;
  byRegion: Map<string, number>;
  byOrg: Map<string, number>;
  /** Distinct codes as stored: fewer than `total` when a code is in several orgs. */
  distinctCodes: number;
  classes: Map<string, ClassStats>;
  createdByMonth: Map<string, number>;
  blockedByMonth: Map<string, number>;
  deletedByMonth: Map<string, number>;
  /** Blocked/deleted records dated by their exact stop date rather than updatedAt. */
  exactStatusDates: number;
  /** Blocked/deleted records dated by updatedAt (an approximation). */
  approximatedStatusDates: number;
  /** Blocked/deleted records with no date at all. */
  undatedStatusChanges: number;
  withoutCreatedAt: number;
  rows: Customer[];
  rowsLeftOut: number;
  auditRecords: AuditRecord[];
}

export interface CollectOptions {
  keepRows: number;
  keepAuditRecords: boolean;
  /** How a missing category, region or org is counted, in the report's language (default `(无 none)`). */
  noValueLabel?: string;
}

const increment = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
const month = (date: string | undefined) => (date && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : undefined);
const NONE = '(无 none)';

function rawText(raw: Record<string, unknown>, columns: readonly string[]): string | undefined {
  for (const column of columns) {
    const value = raw[column];
    if (value !== null && value !== undefined && String(value).trim() !== '') return String(value).trim();
  }
  return undefined;
}

function stopMonth(customer: Customer, stats: SourceStats): string | undefined {
  const exact = rawText(customer.raw, STATUS_DATE_COLUMNS);
  if (exact && month(exact.replace(/^(\d{4})(\d{2})/, '$1-$2'))) {
    stats.exactStatusDates += 1;
    return month(exact.replace(/^(\d{4})(\d{2})/, '$1-$2'));
  }
  const approximate = month(customer.updatedAt);
  if (approximate) stats.approximatedStatusDates += 1;
  else stats.undatedStatusChanges += 1;
  return approximate;
}

/** Reads a source's stream once and counts what the report templates show. */
export async function collectStats(name: string, erp: string, customers: AsyncIterable<Customer>, options: CollectOptions): Promise<SourceStats> {
  const none = options.noValueLabel ?? NONE;
  const stats: SourceStats = {
    name, erp, total: 0, byStatus: new Map(), byCategory: new Map(), byRegion: new Map(), byOrg: new Map(), distinctCodes: 0, classes: new Map(),
    createdByMonth: new Map(), blockedByMonth: new Map(), deletedByMonth: new Map(),
    exactStatusDates: 0, approximatedStatusDates: 0, undatedStatusChanges: 0, withoutCreatedAt: 0,
    rows: [], rowsLeftOut: 0, auditRecords: [],
  };
  const codes = new Set<string>();
  for await (const customer of customers) {
    stats.total += 1;
    codes.add(customer.code);
    increment(stats.byStatus, customer.status);
    increment(stats.byCategory, customer.category ?? none);
    increment(stats.byRegion, customer.region ?? none);
    increment(stats.byOrg, customer.org ?? none);
    const classCode = rawText(customer.raw, CLASS_CODE_COLUMNS);
    const classKey = `${classCode ?? ''}\u0000${customer.category ?? ''}`;
    const classStats = stats.classes.get(classKey) ?? { code: classCode, name: customer.category, total: 0, byStatus: { active: 0, blocked: 0, deleted: 0 } };
    classStats.total += 1;
    classStats.byStatus[customer.status] += 1;
    stats.classes.set(classKey, classStats);
    const created = month(customer.createdAt);
    if (created) increment(stats.createdByMonth, created);
    else stats.withoutCreatedAt += 1;
    if (customer.status !== 'active') {
      const stopped = stopMonth(customer, stats);
      if (stopped) increment(customer.status === 'blocked' ? stats.blockedByMonth : stats.deletedByMonth, stopped);
    }
    if (stats.rows.length < options.keepRows) stats.rows.push(customer);
    else stats.rowsLeftOut += 1;
    if (options.keepAuditRecords) {
      stats.auditRecords.push({ code: customer.code, name: customer.name, taxId: customer.taxId ?? null, org: customer.org ?? null, raw: customer.raw });
    }
  }
  stats.distinctCodes = codes.size;
  return stats;
}

export { NONE as NO_VALUE_LABEL };
