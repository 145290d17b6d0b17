import type { QueryField } from '@custcode/core/adapter';
import { KNA1_FIELDS } from './mappings/kna1-mapping.js';
import { knb1Mapping } from './mappings/knb1-mapping.js';
import { knvvMapping } from './mappings/knvv-mapping.js';
import type { OrgLevelMapping } from './mappings/org-level-mapping.js';
import type { ResolvedSapSourceOptions } from './sap-options.js';

/** The KNA1 fields a source reads: the mapped ones, the configured category field and `extraFields`. */
export function kna1FieldsOf(options: Pick<ResolvedSapSourceOptions, 'categoryField' | 'extraFields'>): string[] {
  return [...new Set<string>([...KNA1_FIELDS, options.categoryField, ...options.extraFields])];
}

/** The org-level table of an org scope: KNB1 for company codes, KNVV for sales areas, none otherwise. */
export function orgLevelOf(orgScope: ResolvedSapSourceOptions['orgScope']): OrgLevelMapping | undefined {
  return orgScope === 'company-code' ? knb1Mapping : orgScope === 'sales-area' ? knvvMapping : undefined;
}

/** The KNA1 columns kna1ToCustomer builds each field from (category: the configured field; RFC has no change date). */
const KNA1_COLUMNS: Partial<Record<QueryField, readonly string[]>> = {
  code: ['KUNNR'],
  name: ['NAME1', 'NAME2'],
  shortName: ['SORTL'],
  taxId: ['STCD1', 'STCEG'],
  phone: ['TELF1'],
  address: ['STRAS', 'ORT01', 'PSTLZ'],
  region: ['REGIO', 'LAND1'],
  status: ['LOEVM', 'SPERR', 'AUFSD'],
  createdAt: ['ERDAT'],
  updatedAt: ['ERDAT'],
};

/** What one read of customers asks RFC_READ_TABLE for. */
export interface SapReadPlan {
  /** KNA1 fields, KUNNR first, in the order of the full list (so the field groups are planned alike). */
  kna1: string[];
  /** Fields of the org-level table (its key fields at least: org is an identity field and each org row is a record). */
  orgLevel: string[];
  /** Whether category or region names are wanted (else the text tables T077X/TKUKT and T005U are not read). */
  texts: boolean;
}

/**
 * The columns a read needs for `needed` (the fields the records must carry, the filter's included;
 * `undefined`: every field). `raw` reads everything, as an unprojected read does.
 */
export function sapReadPlan(options: Pick<ResolvedSapSourceOptions, 'categoryField' | 'extraFields'>, orgLevel: OrgLevelMapping | undefined, needed: ReadonlySet<QueryField> | undefined): SapReadPlan {
  const all = kna1FieldsOf(options);
  if (needed === undefined || needed.has('raw')) return { kna1: all, orgLevel: orgLevel?.fields ?? [], texts: true };
  const columns = new Set<string>(['KUNNR']);
  for (const field of needed) for (const column of KNA1_COLUMNS[field] ?? []) columns.add(column);
  if (needed.has('category')) columns.add(options.categoryField);
  const orgFields = orgLevel ? [...orgLevel.keyFields, ...(needed.has('status') ? orgLevel.statusFields : [])] : [];
  return { kna1: all.filter((column) => columns.has(column)), orgLevel: orgFields, texts: needed.has('category') || needed.has('region') };
}
