import { filterStart } from '@custcode/core/adapter';
import { allOf, anyOf, compare, inList, type AbapCondition } from '../rfc/abap-condition.js';
import type { ReadTableRequest, TableRow } from '../rfc/read-table.js';
import type { OrgLevelMapping } from './org-level-mapping.js';

/** The change-document object of the customer master (KNA1, KNB1, KNVV and their dependants). */
export const CUSTOMER_OBJECT_CLASS = 'DEBI';

/** CDHDR fields read to find changed customers; CHANGENR makes each header row unique. */
export const CDHDR_KEY_FIELDS = ['OBJECTID', 'CHANGENR'];
export const CDHDR_FIELDS = ['OBJECTID', 'CHANGENR', 'UDATE', 'UTIME'];
/** CDPOS key (without client and object class) and the old value: 231 + 254 characters, one call. */
const CDPOS_KEY_FIELDS = ['OBJECTID', 'CHANGENR', 'TABNAME', 'TABKEY', 'FNAME', 'CHNGIND'];
export const CDPOS_FIELDS = [...CDPOS_KEY_FIELDS, 'VALUE_OLD'];

/**
 * Change documents of customers written at or after `since`. UDATE/UTIME are the SAP system's local date
 * and time, compared as given, as ERDAT is: `since` is read in the system's time zone.
 */
export function changedSinceCondition(since: string): AbapCondition {
  const start = filterStart(since);
  const day = start.slice(0, 10).replaceAll('-', '');
  const time = start.slice(11, 19).replaceAll(':', '');
  const changed = time === '000000' || time === '' ? compare('UDATE', '>=', day) : anyOf(compare('UDATE', '>', day), allOf(compare('UDATE', '=', day), compare('UTIME', '>=', time)));
  return allOf(compare('OBJECTCLAS', '=', CUSTOMER_OBJECT_CLASS), changed)!;
}

/** The headers of `kunnrs` (internal form) since `since`: change number and when. */
export function changeHeaderRead(kunnrs: string[], since: string): ReadTableRequest {
  return { table: 'CDHDR', fields: CDHDR_FIELDS, keyFields: CDHDR_KEY_FIELDS, where: allOf(changedSinceCondition(since), inList('OBJECTID', kunnrs)) };
}

/** The items (one per changed field) of those change numbers, on the tables the source reads. */
export function changeItemRead(kunnrs: string[], changeNumbers: string[], tables: string[]): ReadTableRequest {
  return {
    table: 'CDPOS',
    fields: CDPOS_FIELDS,
    keyFields: CDPOS_KEY_FIELDS,
    where: allOf(compare('OBJECTCLAS', '=', CUSTOMER_OBJECT_CLASS), inList('OBJECTID', kunnrs), inList('CHANGENR', changeNumbers), inList('TABNAME', tables)),
  };
}

/** One field's value before the first change since the date: table, the row's key (after the client), field, value. */
export interface OldValue {
  table: string;
  rowKey: string;
  field: string;
  value: string;
}

/**
 * Per customer (KUNNR), the value each changed field had at the date: VALUE_OLD of its first update
 * since then (headers ordered by UDATE, UTIME, CHANGENR). Inserts and deletions of whole rows (a new company
 * code) carry no field values and are left out.
 */
export function oldValuesByCustomer(headers: TableRow[], items: TableRow[]): Map<string, OldValue[]> {
  const order = new Map(headers.map((row) => [row.CHANGENR ?? '', `${row.UDATE ?? ''}${row.UTIME ?? ''}${row.CHANGENR ?? ''}`]));
  const sorted = items.filter((item) => item.CHNGIND === 'U' && order.has(item.CHANGENR ?? '')).sort((a, b) => (order.get(a.CHANGENR ?? '')! < order.get(b.CHANGENR ?? '')! ? -1 : 1));
  const result = new Map<string, OldValue[]>();
  const seen = new Set<string>();
  for (const item of sorted) {
    const kunnr = item.OBJECTID ?? '';
    // TABKEY starts with the client (3 characters): the rest is the row's key.
    const value: OldValue = { table: item.TABNAME ?? '', rowKey: (item.TABKEY ?? '').slice(3).trimEnd(), field: item.FNAME ?? '', value: item.VALUE_OLD ?? '' };
    const id = `${kunnr}\u0000${value.table}\u0000${value.rowKey}\u0000${value.field}`;
    if (seen.has(id)) continue;
    seen.add(id);
    result.set(kunnr, [...(result.get(kunnr) ?? []), value]);
  }
  return result;
}

/** The key part of an org-level row's TABKEY (after the client): KUNNR, then BUKRS or VKORG/VTWEG/SPART at their lengths. */
export function orgRowKey(orgLevel: OrgLevelMapping, row: TableRow): string {
  const lengths: Record<string, number> = { KUNNR: 10, BUKRS: 4, VKORG: 4, VTWEG: 2, SPART: 2 };
  return orgLevel.keyFields.map((field) => (row[field] ?? '').padEnd(lengths[field] ?? 0)).join('').trimEnd();
}

/**
 * The KNA1 row and org-level row as they were, given their current values and the old values of their
 * fields (only fields the source reads: a value for another field is not part of the record).
 */
export function rowsBefore(kna1: TableRow, orgRow: TableRow | undefined, orgLevel: OrgLevelMapping | undefined, oldValues: OldValue[]): { kna1: TableRow; orgRow: TableRow | undefined } {
  const kna1Before = { ...kna1 };
  const orgBefore = orgRow && { ...orgRow };
  const kunnr = kna1.KUNNR ?? '';
  const orgKey = orgLevel && orgRow ? orgRowKey(orgLevel, orgRow) : undefined;
  for (const old of oldValues) {
    if (old.table === 'KNA1' && old.rowKey === kunnr && Object.hasOwn(kna1Before, old.field)) kna1Before[old.field] = old.value;
    else if (orgLevel && orgBefore && old.table === orgLevel.table && old.rowKey === orgKey && Object.hasOwn(orgBefore, old.field)) orgBefore[old.field] = old.value;
  }
  return { kna1: kna1Before, orgRow: orgBefore };
}
