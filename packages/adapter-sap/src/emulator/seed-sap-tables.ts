import { alphaInput, type Customer } from '@custcode/core';
import { projectSeedCustomer, seedOrgs, type SeedCustomer } from '@custcode/core/fixtures';
import { sapCustomerFields } from '../mappings/sap-fields.js';
import type { SapRow, SapTables } from './ddic.js';

export type SapOrgScope = 'none' | 'company-code' | 'sales-area';

export interface SeedSapTablesOptions {
  /** Which records `expected` lists: one per customer (none), per company code, or per sales area. Default 'none'. */
  orgScope?: SapOrgScope;
  /** `Customer.source` of the expected records. Default 'sap'. */
  sourceName?: string;
  /** Where the category code goes: account group KTOKD (CHAR4, default) or classification KUKLA (CHAR2). */
  categoryField?: 'KTOKD' | 'KUKLA';
  /** Language key of the text tables (default '1', Chinese). */
  language?: string;
}

export interface SeededSapTables {
  tables: SapTables;
  /** What a correctly configured SAP source returns for these tables (any order). */
  expected: Customer[];
  /** Seed customers that cannot exist in KNA1 (empty code, no 10-character form, duplicate key). */
  skipped: Array<{ code: string; reason: string }>;
}

/** Abstract org keys of the canonical data set → company codes and sales areas. */
export const SAP_COMPANY_CODES: Record<string, string> = { ORG1: '1000', ORG2: '2000', ORG3: '3000' };
export const SAP_SALES_AREAS: Record<string, string> = { ORG1: '1000/10/00', ORG2: '2000/10/00', ORG3: '3000/10/00' };

/**
 * KUNNR is CHAR10. Codes that fit are stored in ALPHA input form; `KH` + YYYYMM + serial (12 characters)
 * is stored as `KH` + YYMM + serial, the way such a number range is set up in SAP. Others cannot exist.
 */
export function sapCustomerNumber(code: string): string | undefined {
  const trimmed = code.trim();
  if (trimmed === '') return undefined;
  if (trimmed.length <= 10) return alphaInput(trimmed);
  const century = /^([A-Z]+)20(\d{2})(\d+)$/.exec(trimmed);
  const shortened = century ? `${century[1]}${century[2]}${century[3]}` : '';
  return shortened.length > 0 && shortened.length <= 10 ? shortened : undefined;
}

/** NAME1 holds 35 characters; the rest continues in NAME2 (also 35). */
const splitName = (name: string): [string, string] => [name.slice(0, 35), name.slice(35, 70)];
/** Tax ids of up to 16 characters fit STCD1; an 18-character USCC goes to STCEG (CHAR20). */
const taxColumns = (taxId = '') => (taxId.length <= 16 ? { STCD1: taxId, STCEG: '' } : { STCD1: '', STCEG: taxId.slice(0, 20) });
const fits = (value: string | undefined, length: number, field: string, code: string) => {
  if (value !== undefined && value.length > length) throw new RangeError(`Seed customer ${code}: ${field} "${value}" is longer than its ${length} characters.`);
  return value ?? '';
};

/**
 * Writes the ERP-neutral seed list into KNA1/KNB1/KNVV (+ text tables T005U/T077X/TKUKT) as SAP holds them,
 * and returns what a faithful source reads back (via core's projectSeedCustomer). Status goes into the
 * central flags: deleted → LOEVM 'X'; blocked → SPERR 'X' or, for every other blocked customer, AUFSD '01'.
 */
export function seedSapTables(customers: SeedCustomer[], options: SeedSapTablesOptions = {}): SeededSapTables {
  const scope = options.orgScope ?? 'none';
  const categoryField = options.categoryField ?? 'KTOKD';
  const language = options.language ?? '1';
  const tables: Required<SapTables> = { KNA1: [], KNB1: [], KNVV: [], T005U: [], T077X: [], TKUKT: [], CDHDR: [], CDPOS: [] };
  const expected: Customer[] = [];
  const skipped: SeededSapTables['skipped'] = [];
  const seen = new Set<string>();
  const regions = new Map<string, string>();
  const categories = new Map<string, string>();
  let blockedCount = 0;

  for (const customer of customers) {
    const kunnr = sapCustomerNumber(customer.code);
    if (kunnr === undefined || seen.has(kunnr)) {
      skipped.push({ code: customer.code, reason: kunnr === undefined ? 'no CHAR10 form' : 'duplicate KUNNR' });
      continue;
    }
    seen.add(kunnr);
    const [name1, name2] = splitName(customer.name);
    const blocked = customer.status === 'blocked' ? blockedCount++ : -1;
    const erdat = customer.createdAt ? customer.createdAt.slice(0, 10).replaceAll('-', '') : '';
    const category = fits(customer.category?.code, categoryField === 'KTOKD' ? 4 : 2, categoryField, customer.code);
    if (customer.category) categories.set(category, customer.category.name);
    if (customer.region) regions.set(fits(customer.region.code, 3, 'REGIO', customer.code), customer.region.name);
    const row: SapRow = {
      KUNNR: kunnr,
      LAND1: 'CN',
      NAME1: name1,
      NAME2: name2,
      SORTL: fits(customer.shortName, 10, 'SORTL', customer.code),
      ...taxColumns(customer.taxId),
      TELF1: fits(customer.phone, 16, 'TELF1', customer.code),
      STRAS: fits(customer.address, 35, 'STRAS', customer.code),
      REGIO: customer.region?.code ?? '',
      KTOKD: categoryField === 'KTOKD' ? category : 'KUNA',
      KUKLA: categoryField === 'KUKLA' ? category : '',
      ERDAT: erdat,
      ERNAM: 'SEEDER',
      LOEVM: customer.status === 'deleted' ? 'X' : '',
      SPERR: blocked >= 0 && blocked % 2 === 0 ? 'X' : '',
      AUFSD: blocked >= 0 && blocked % 2 === 1 ? '01' : '',
      SPRAS: language,
    };
    tables.KNA1.push(row);
    const orgs = seedOrgs(customer);
    for (const org of orgs) {
      const companyCode = SAP_COMPANY_CODES[org];
      const salesArea = SAP_SALES_AREAS[org];
      if (companyCode) tables.KNB1.push({ KUNNR: kunnr, BUKRS: companyCode, ERDAT: erdat, ERNAM: 'SEEDER', AKONT: '0000140000', ZTERM: '0001' });
      if (salesArea) {
        const [VKORG, VTWEG, SPART] = salesArea.split('/') as [string, string, string];
        tables.KNVV.push({ KUNNR: kunnr, VKORG, VTWEG, SPART, ERDAT: erdat, ERNAM: 'SEEDER', KDGRP: '01', WAERS: 'CNY' });
      }
    }
    const project = (org?: string) =>
      projectSeedCustomer(
        { ...customer, code: kunnr },
        { source: options.sourceName ?? 'sap', erp: 'sap', fields: sapCustomerFields(scope !== 'none'), datePrecision: 'day', ...(org === undefined ? {} : { org }) },
      );
    if (scope === 'none') expected.push(project());
    else {
      const orgMap = scope === 'company-code' ? SAP_COMPANY_CODES : SAP_SALES_AREAS;
      for (const org of orgs) if (orgMap[org]) expected.push(project(orgMap[org]));
    }
  }
  for (const [BLAND, BEZEI] of regions) tables.T005U.push({ SPRAS: language, LAND1: 'CN', BLAND, BEZEI });
  for (const [code, text] of categories) {
    if (categoryField === 'KTOKD') tables.T077X.push({ SPRAS: language, KTOKD: code, TXT30: text });
    else tables.TKUKT.push({ SPRAS: language, KUKLA: code, VTEXT: text });
  }
  return { tables, expected, skipped };
}
