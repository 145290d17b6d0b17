import type { CustomerStatus } from '@custcode/core';
import type { AbapCondition } from '../rfc/abap-condition.js';
import type { TableRow } from '../rfc/read-table.js';

/** How an org-level table (KNB1 company codes, KNVV sales areas) scopes customers. */
export interface OrgLevelMapping {
  table: 'KNB1' | 'KNVV';
  scope: 'company-code' | 'sales-area';
  /** KUNNR plus the org key fields. */
  keyFields: string[];
  fields: string[];
  /** The flags `status` reads (a projection without status or raw reads only the key fields). */
  statusFields: string[];
  /** The `Customer.org` string of a row. */
  orgOf(row: TableRow): string;
  /** The WHERE condition selecting one org; undefined when `org` is not of this table's form (no rows match). */
  orgCondition(org: string): AbapCondition | undefined;
  /** Status from the org-level flags alone. */
  status(row: TableRow): CustomerStatus;
  /** What `get(code)` without an org returns. */
  withoutOrg: string;
}

export const isFlagged = (value: string | undefined) => (value ?? '').trim() !== '';
