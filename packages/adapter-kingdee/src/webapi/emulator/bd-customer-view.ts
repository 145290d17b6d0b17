import type { K3CloudSeedData, TableRows } from '../../seed/k3cloud-tables.js';
import type { Value } from './filter-string-parser.js';

/** A BD_Customer row as the form engine sees it: field keys (case-insensitive) → values in one locale. */
export type FieldLookup = (key: string) => Value;

const value = (raw: unknown): Value => (raw === undefined || raw === null ? null : typeof raw === 'number' ? raw : String(raw));

function index(rows: TableRows, key: string): Map<unknown, Record<string, unknown>> {
  return new Map(rows.map((row) => [row[key], row]));
}

/**
 * Resolves BD_Customer field keys over the seeded K/3 Cloud tables, the way the form metadata maps
 * them to columns: `FName` → T_BD_CUSTOMER_L.FNAME in the session's locale, `FGroup.FNumber` →
 * T_BD_CUSTOMERGROUP.FNUMBER via FPRIMARYGROUP, `FPROVINCIAL.FDataValue` → the assistant data's name.
 * Returns undefined for a field key the form does not have.
 */
export function bdCustomerRows(tables: K3CloudSeedData['tables'], lcid: number): Array<(key: string) => Value | undefined> {
  const names = new Map<unknown, Record<string, unknown>>();
  for (const row of tables.T_BD_CUSTOMER_L) if (row.FLOCALEID === lcid) names.set(row.FCUSTID, row);
  const groups = index(tables.T_BD_CUSTOMERGROUP, 'FID');
  const groupNames = new Map<unknown, Record<string, unknown>>();
  for (const row of tables.T_BD_CUSTOMERGROUP_L) if (row.FLOCALEID === lcid) groupNames.set(row.FID, row);
  const regions = index(tables.T_BAS_ASSISTANTDATAENTRY, 'FENTRYID');
  const regionNames = new Map<unknown, Record<string, unknown>>();
  for (const row of tables.T_BAS_ASSISTANTDATAENTRY_L) if (row.FLOCALEID === lcid) regionNames.set(row.FENTRYID, row);

  return tables.T_BD_CUSTOMER.map((customer) => {
    const localized = names.get(customer.FCUSTID);
    const group = groups.get(customer.FPRIMARYGROUP);
    const region = regions.get(customer.FPROVINCIAL);
    const fields: Record<string, () => unknown> = {
      fcustid: () => customer.FCUSTID,
      fnumber: () => customer.FNUMBER,
      fmasterid: () => customer.FMASTERID,
      fname: () => localized?.FNAME,
      fshortname: () => localized?.FSHORTNAME,
      ftaxregistercode: () => customer.FTAXREGISTERCODE,
      ftel: () => customer.FTEL,
      faddress: () => customer.FADDRESS,
      fgroup: () => customer.FPRIMARYGROUP,
      'fgroup.fnumber': () => group?.FNUMBER,
      'fgroup.fname': () => groupNames.get(customer.FPRIMARYGROUP)?.FNAME,
      fprovincial: () => customer.FPROVINCIAL,
      'fprovincial.fnumber': () => region?.FNUMBER,
      'fprovincial.fdatavalue': () => regionNames.get(customer.FPROVINCIAL)?.FDATAVALUE,
      fdocumentstatus: () => customer.FDOCUMENTSTATUS,
      fforbidstatus: () => customer.FFORBIDSTATUS,
      fcreatedate: () => customer.FCREATEDATE,
      fmodifydate: () => customer.FMODIFYDATE,
      fcreateorgid: () => customer.FCREATEORGID,
      fuseorgid: () => customer.FUSEORGID,
    };
    return (key: string) => {
      const resolve = fields[key.toLowerCase()];
      return resolve ? value(resolve()) : undefined;
    };
  });
}
