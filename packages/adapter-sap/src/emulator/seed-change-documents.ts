import type { SapRow, SapTables } from './ddic.js';
import { sapCustomerNumber } from './seed-sap-tables.js';

/** One change of a customer as a user makes it in XD02/VD02: new values for fields of one row. */
export interface SeedChange {
  /** The customer's code as seeded (stored as seedSapTables stores it). */
  code: string;
  /** When, in the system's time zone: `YYYY-MM-DDTHH:mm:ss`. Must not be before the customer's ERDAT. */
  at: string;
  /** KNA1 (default), or the customer's KNB1 row of company code `org` ('1000') or KNVV row of sales area `org` ('1000/10/00'). */
  table?: 'KNA1' | 'KNB1' | 'KNVV';
  org?: string;
  /** Field → new value (internal form: LOEVM 'X', ERDAT '20250601'). */
  set: Record<string, string>;
  user?: string;
  tcode?: string;
}

const TABKEY_LENGTHS: Record<string, number> = { KUNNR: 10, BUKRS: 4, VKORG: 4, VTWEG: 2, SPART: 2 };
const ORG_KEYS: Record<'KNB1' | 'KNVV', string[]> = { KNB1: ['BUKRS'], KNVV: ['VKORG', 'VTWEG', 'SPART'] };

/**
 * Applies changes to the rows of `tables` and writes the change documents SAP writes for them (object class
 * DEBI: one CDHDR per change, one CDPOS per field with the old and new value), in time order and with
 * ascending change numbers after those already present. Returns new tables; the input is not changed.
 */
export function addChangeDocuments(tables: SapTables, changes: SeedChange[], options: { client?: string } = {}): SapTables {
  const client = options.client ?? '100';
  const copy = (rows: SapRow[] | undefined) => (rows ?? []).map((row) => ({ ...row }));
  const result: Required<Pick<SapTables, 'KNA1' | 'KNB1' | 'KNVV' | 'CDHDR' | 'CDPOS'>> & SapTables = {
    ...tables,
    KNA1: copy(tables.KNA1),
    KNB1: copy(tables.KNB1),
    KNVV: copy(tables.KNVV),
    CDHDR: copy(tables.CDHDR),
    CDPOS: copy(tables.CDPOS),
  };
  let changeNumber = Math.max(0, ...result.CDHDR.map((row) => Number(row.CHANGENR ?? 0)));
  for (const change of [...changes].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    const kunnr = sapCustomerNumber(change.code);
    const table = change.table ?? 'KNA1';
    const customer = result.KNA1.find((row) => row.KUNNR === kunnr);
    if (!kunnr || !customer) throw new RangeError(`Change of ${change.code}: no such customer in KNA1.`);
    const [day, time] = [change.at.slice(0, 10).replaceAll('-', ''), change.at.slice(11, 19).replaceAll(':', '')];
    if (!/^\d{8}$/.test(day) || !/^\d{6}$/.test(time)) throw new RangeError(`Change of ${change.code}: "${change.at}" is not YYYY-MM-DDTHH:mm:ss.`);
    if (day < (customer.ERDAT ?? '')) throw new RangeError(`Change of ${change.code} at ${change.at} is before its creation (ERDAT ${customer.ERDAT}).`);
    const orgValues = table === 'KNA1' ? [] : (change.org ?? '').split('/');
    const row = table === 'KNA1' ? customer : result[table].find((candidate) => candidate.KUNNR === kunnr && ORG_KEYS[table].every((field, index) => candidate[field] === orgValues[index]));
    if (!row) throw new RangeError(`Change of ${change.code}: no ${table} row for org "${change.org ?? ''}".`);
    const keyFields = ['KUNNR', ...(table === 'KNA1' ? [] : ORG_KEYS[table])];
    const tabkey = client + keyFields.map((field) => (row[field] ?? '').padEnd(TABKEY_LENGTHS[field]!)).join('');
    const CHANGENR = String(++changeNumber).padStart(10, '0');
    result.CDHDR.push({ OBJECTCLAS: 'DEBI', OBJECTID: kunnr, CHANGENR, USERNAME: change.user ?? 'SEEDER', UDATE: day, UTIME: time, TCODE: change.tcode ?? 'XD02', CHANGE_IND: 'U' });
    // SAP logs a field only when its value changes.
    for (const [field, value] of Object.entries(change.set).filter(([field, value]) => (row[field] ?? '') !== value)) {
      result.CDPOS.push({ OBJECTCLAS: 'DEBI', OBJECTID: kunnr, CHANGENR, TABNAME: table, TABKEY: tabkey, FNAME: field, CHNGIND: 'U', VALUE_NEW: value, VALUE_OLD: row[field] ?? '' });
      row[field] = value;
    }
  }
  return result;
}
