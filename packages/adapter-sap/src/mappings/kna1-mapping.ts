import { alphaOutput, type Customer, type CustomerStatus } from '@custcode/core';
import { toIsoDateTime } from '@custcode/core/adapter';
import type { TableRow } from '../rfc/read-table.js';
import type { SapTexts } from './text-tables.js';

/** KNA1 fields every read asks for (the category field is added per configuration). */
export const KNA1_FIELDS = ['KUNNR', 'NAME1', 'NAME2', 'SORTL', 'STCD1', 'STCEG', 'TELF1', 'STRAS', 'ORT01', 'PSTLZ', 'REGIO', 'LAND1', 'ERDAT', 'LOEVM', 'SPERR', 'AUFSD'] as const;

export type CategoryField = 'KTOKD' | 'KUKLA';

const present = (value: string | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
};
const flagged = (value: string | undefined) => present(value) !== undefined;

/**
 * NAME1 and NAME2 (both CHAR35) together are the full name. A NAME1 that fills all 35 characters is
 * continued by NAME2 as is; otherwise NAME2 is a second name line, joined with a space.
 */
export function kna1Name(row: TableRow): string {
  const name1 = (row.NAME1 ?? '').trimEnd();
  const name2 = (row.NAME2 ?? '').trimEnd();
  if (name2.trim() === '') return name1.trim();
  if (name1.length >= 35) return `${name1}${name2}`.trim();
  return [name1.trim(), name2.trim()].filter((part) => part !== '').join(' ');
}

/** Street, then postal code and city: `STRAS, PSTLZ ORT01`, whatever parts are filled. */
export function kna1Address(row: TableRow): string | undefined {
  const city = [present(row.PSTLZ), present(row.ORT01)].filter((part) => part !== undefined).join(' ');
  return present([present(row.STRAS), city].filter((part) => part !== undefined && part !== '').join(', '));
}

/** Central flags: LOEVM marks deletion; SPERR (posting block) or AUFSD (order block reason) block. */
export function kna1Status(row: TableRow): CustomerStatus {
  if (flagged(row.LOEVM)) return 'deleted';
  return flagged(row.SPERR) || flagged(row.AUFSD) ? 'blocked' : 'active';
}

/** The customer as KNA1 describes it; org-level data is merged by the caller. */
export function kna1ToCustomer(row: TableRow, options: { source: string; categoryField: CategoryField; texts: SapTexts }): Customer {
  const region = present(row.REGIO);
  const category = present(row[options.categoryField]);
  const customer: Customer = {
    source: options.source,
    erp: 'sap',
    code: alphaOutput((row.KUNNR ?? '').trim()),
    name: kna1Name(row),
    shortName: present(row.SORTL),
    taxId: present(row.STCD1) ?? present(row.STCEG),
    phone: present(row.TELF1),
    address: kna1Address(row),
    // Names from the text tables (T077X/TKUKT, T005U); a code without text stands for itself.
    category: category && (options.texts.category(category) ?? category),
    region: region && (options.texts.region((row.LAND1 ?? '').trim(), region) ?? region),
    status: kna1Status(row),
    createdAt: toIsoDateTime(row.ERDAT),
    raw: { ...row },
  };
  for (const key of Object.keys(customer) as Array<keyof Customer>) if (customer[key] === undefined) delete customer[key];
  return customer;
}

/** The stricter of two statuses: deleted over blocked over active. */
export function combineStatus(central: CustomerStatus, orgLevel: CustomerStatus): CustomerStatus {
  const rank: Record<CustomerStatus, number> = { active: 0, blocked: 1, deleted: 2 };
  return rank[orgLevel] > rank[central] ? orgLevel : central;
}
