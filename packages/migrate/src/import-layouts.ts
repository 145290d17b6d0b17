import type { CsvCellOptions } from '@custcode/export';
import type { Customer } from '@custcode/core';
import type { ErpKind } from '@custcode/core';
import { ConfigError } from '@custcode/core';
import { csvChunks } from './csv-chunks.js';
import type { CrosswalkRow, MigratedRecord } from './migration-types.js';

/** Target ERP layouts for the import files. */
export const IMPORT_LAYOUTS = ['k3cloud', 'sap', 'ebs', 'u8'] as const;
export type ImportLayout = (typeof IMPORT_LAYOUTS)[number];

export interface ImportTable {
  layout: ImportLayout;
  /** File name without extension, e.g. `k3cloud-BD_Customer`. */
  fileBase: string;
  sheetName: string;
  columns: string[];
  rows: string[][];
}

export interface ImportTableOptions {
  /** `YYYY-MM-DD` for WHO / stop-date columns (default today). */
  runDate?: string;
}

interface Cell {
  row: CrosswalkRow;
  customer: Customer;
  runDate: string;
}
type Column = readonly [header: string, value: (cell: Cell) => string];

const text = (value: string | undefined) => value ?? '';
/** Characters, not UTF-16 units: a Chinese name is cut between characters, never inside one. */
const slice = (value: string | undefined, from: number, to: number) => [...(value ?? '')].slice(from, to).join('');
const blocked = (cell: Cell) => cell.customer.status === 'blocked';

/** `orgs`: the layout has an org column, so a customer in several orgs gets a row per org; otherwise one row. */
const LAYOUTS: Record<ImportLayout, { fileBase: string; sheetName: string; orgs: boolean; columns: readonly Column[] }> = {
  // Field keys of the K/3 Cloud WebAPI save model of form BD_Customer; reference fields take the referenced number.
  k3cloud: {
    fileBase: 'k3cloud-BD_Customer',
    orgs: true,
    sheetName: 'BD_Customer',
    columns: [
      ['FNumber', (cell) => cell.row.newCode],
      ['FName', (cell) => cell.customer.name],
      ['FShortName', (cell) => text(cell.customer.shortName)],
      ['FCreateOrgId', (cell) => text(cell.customer.org)],
      ['FUseOrgId', (cell) => text(cell.customer.org)],
      ['FTAXREGISTERCODE', (cell) => text(cell.customer.taxId)],
      ['FGroup', (cell) => text(cell.customer.category)],
      ['FPROVINCIAL', (cell) => text(cell.customer.region)],
      ['FTEL', (cell) => text(cell.customer.phone)],
      ['FADDRESS', (cell) => text(cell.customer.address)],
      ['FForbidStatus', (cell) => (blocked(cell) ? 'B' : 'A')],
      ['FDescription', (cell) => (cell.row.oldCode === '' ? '' : `原编码 ${cell.row.oldCode}`)],
    ],
  },
  // SAP customer master (KNA1 general data, KNB1 company code data with the previous account number ALTKN).
  sap: {
    fileBase: 'sap-customer-master',
    orgs: true,
    sheetName: 'KNA1_KNB1',
    columns: [
      ['KUNNR', (cell) => cell.row.newCode],
      ['KTOKD', (cell) => text(cell.customer.category)],
      ['NAME1', (cell) => slice(cell.customer.name, 0, 35)],
      ['NAME2', (cell) => slice(cell.customer.name, 35, 70)],
      ['SORTL', (cell) => slice(cell.customer.shortName ?? cell.customer.name, 0, 10)],
      ['STRAS', (cell) => slice(cell.customer.address, 0, 35)],
      ['REGIO', (cell) => text(cell.customer.region)],
      ['TELF1', (cell) => slice(cell.customer.phone, 0, 16)],
      ['STCD5', (cell) => text(cell.customer.taxId)],
      ['SPERR', (cell) => (blocked(cell) ? 'X' : '')],
      ['BUKRS', (cell) => text(cell.customer.org)],
      ['ALTKN', (cell) => cell.row.oldCode],
    ],
  },
  // Oracle EBS Receivables customer interface (RA_CUSTOMERS_INTERFACE_ALL, loaded by Customer Interface).
  ebs: {
    fileBase: 'ebs-RA_CUSTOMERS_INTERFACE_ALL',
    orgs: true,
    sheetName: 'RA_CUSTOMERS_INTERFACE_ALL',
    columns: [
      ['ORIG_SYSTEM_CUSTOMER_REF', (cell) => cell.row.oldCode || `#${cell.row.rowId}`],
      ['INSERT_UPDATE_FLAG', () => 'I'],
      ['CUSTOMER_NAME', (cell) => cell.customer.name],
      ['CUSTOMER_NUMBER', (cell) => cell.row.newCode],
      ['CUSTOMER_STATUS', (cell) => (blocked(cell) ? 'I' : 'A')],
      ['CUSTOMER_TYPE', () => 'R'],
      ['CUSTOMER_CLASS_CODE', (cell) => text(cell.customer.category)],
      ['CUST_TAX_REFERENCE', (cell) => text(cell.customer.taxId)],
      ['ORG_ID', (cell) => text(cell.customer.org)],
      ['ORIG_SYSTEM_ADDRESS_REF', (cell) => (cell.customer.address ? `${cell.row.oldCode || `#${cell.row.rowId}`}-BILL` : '')],
      ['ADDRESS1', (cell) => text(cell.customer.address)],
      ['STATE', (cell) => (cell.customer.address ? text(cell.customer.region) : '')],
      ['SITE_USE_CODE', (cell) => (cell.customer.address ? 'BILL_TO' : '')],
      ['PRIMARY_SITE_USE_FLAG', (cell) => (cell.customer.address ? 'Y' : '')],
      ['CREATED_BY', () => '-1'],
      ['CREATION_DATE', (cell) => cell.runDate],
      ['LAST_UPDATED_BY', () => '-1'],
      ['LAST_UPDATE_DATE', (cell) => cell.runDate],
    ],
  },
  // Yonyou U8 客户档案 (table Customer); the old code goes to the memo.
  u8: {
    fileBase: 'u8-Customer',
    orgs: false,
    sheetName: 'Customer',
    columns: [
      ['cCusCode', (cell) => cell.row.newCode],
      ['cCusName', (cell) => cell.customer.name],
      // NOT NULL and unique in U8: the name stands in when the source has no short name.
      ['cCusAbbName', (cell) => slice(cell.customer.shortName || cell.customer.name, 0, 60)],
      ['cCCCode', (cell) => text(cell.customer.category)],
      ['cDCCode', (cell) => text(cell.customer.region)],
      ['cCusRegCode', (cell) => text(cell.customer.taxId)],
      ['cCusPhone', (cell) => text(cell.customer.phone)],
      ['cCusPerson', (cell) => text(cell.customer.contact)],
      ['cCusAddress', (cell) => text(cell.customer.address)],
      ['dEndDate', (cell) => (blocked(cell) ? cell.runDate : '')],
      ['cMemo', (cell) => (cell.row.oldCode === '' ? '' : `原编码 ${cell.row.oldCode}`)],
    ],
  },
};

/** The layout for a target ERP, or undefined when custcode has none for it. */
export function importLayoutForErp(erp: ErpKind | undefined): ImportLayout | undefined {
  const layouts: Partial<Record<ErpKind, ImportLayout>> = { 'kingdee-k3cloud': 'k3cloud', sap: 'sap', 'oracle-ebs': 'ebs', 'yonyou-u8': 'u8' };
  return erp === undefined ? undefined : layouts[erp];
}

/** Whether a crosswalk row goes into the import file: a customer with its own number that still exists. */
export function isImported(record: MigratedRecord): record is Required<MigratedRecord> {
  return record.customer !== undefined && (record.row.decision === 'kept' || record.row.decision === 'generated') && record.customer.status !== 'deleted';
}

const localDate = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** A layout's file name, sheet name and column headers. */
export function importLayoutHeader(layout: ImportLayout): Omit<ImportTable, 'rows'> {
  const definition = LAYOUTS[layout];
  if (!definition) throw new ConfigError({ message: `Unknown import layout "${String(layout)}".`, hint: `Use one of: ${IMPORT_LAYOUTS.join(', ')}.` });
  return { layout, fileBase: definition.fileBase, sheetName: definition.sheetName, columns: definition.columns.map(([header]) => header) };
}

/**
 * The import rows one by one, for records read back from disk: merged, conflicting, deleted and departed
 * customers are left out. Holds only the numbers laid out when the layout has no org column.
 */
export function* importRows(layout: ImportLayout, records: Iterable<MigratedRecord>, options: ImportTableOptions = {}): Generator<string[]> {
  importLayoutHeader(layout);
  const definition = LAYOUTS[layout];
  const runDate = options.runDate ?? localDate(new Date());
  const laidOut = new Set<string>();
  for (const record of records) {
    if (!isImported(record)) continue;
    // A target without orgs receives a customer of several orgs once: its first row (the crosswalk's order).
    if (!definition.orgs) {
      if (laidOut.has(record.row.newCode)) continue;
      laidOut.add(record.row.newCode);
    }
    const cell: Cell = { row: record.row, customer: record.customer, runDate };
    yield definition.columns.map(([, value]) => value(cell));
  }
}

/** The customers laid out for the target ERP's import: merged, conflicting, deleted and departed customers are left out. */
export function buildImportTable(layout: ImportLayout, records: readonly MigratedRecord[], options: ImportTableOptions = {}): ImportTable {
  return { ...importLayoutHeader(layout), rows: [...importRows(layout, records, options)] };
}

/** An import table as CSV: UTF-8 with a BOM, Chinese intact, formulas escaped unless turned off. */
export function importTableCsv(table: ImportTable, options: CsvCellOptions = {}): string {
  return [...csvChunks(table.columns, table.rows, options)].join('');
}
