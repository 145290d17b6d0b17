import { projectSeedCustomer, type SeedCustomer } from '@custcode/core/fixtures';
import { type Customer, type CustomerField } from '@custcode/core';
import { K3CLOUD_DEFAULT_LOCALE } from '../mappings/k3cloud-customer-mapping.js';

/** The second locale every seeded `_L` table carries, so that the locale join is really exercised. */
export const K3CLOUD_ENGLISH_LOCALE = 1033;

/** The abstract seed orgs as K/3 Cloud organisation ids (FORGID). */
export const K3CLOUD_SEED_ORGS: Readonly<Record<string, number>> = { ORG1: 100001, ORG2: 100002, ORG3: 100003 };

export interface K3CloudSeedOptions {
  /** `Customer.source` of the expected records. */
  source?: string;
  /** Locale the expected records are read in (2052 or 1033). */
  locale?: number;
}

export type TableRows = Array<Record<string, unknown>>;

/** Every table of the K/3 Cloud layout, rows in insertion order, plus the records a correct source returns. */
export interface K3CloudSeedData {
  tables: {
    T_BD_CUSTOMER: TableRows;
    T_BD_CUSTOMER_L: TableRows;
    T_BD_CUSTOMERGROUP: TableRows;
    T_BD_CUSTOMERGROUP_L: TableRows;
    T_BAS_ASSISTANTDATAENTRY: TableRows;
    T_BAS_ASSISTANTDATAENTRY_L: TableRows;
  };
  expected: Customer[];
}

/** The English (1033) text the seeder writes beside a Chinese (2052) one. */
export const englishText = (text: string) => `${text} (EN)`;

/** Assistant-data type (FID) of 地区 in T_BAS_ASSISTANTDATA; the entries are its values. */
const REGION_TYPE_ID = '5f4b1a2c9d3e4f5a6b7c8d9e0f1a2b3c';

function orgId(org: string | undefined): number {
  if (org === undefined) return K3CLOUD_SEED_ORGS.ORG1!;
  const id = K3CLOUD_SEED_ORGS[org];
  if (id === undefined) throw new Error(`Unknown seed org "${org}"; expected one of ${Object.keys(K3CLOUD_SEED_ORGS).join(', ')}.`);
  return id;
}

/**
 * Builds the K/3 Cloud rows for `customers`. Deleted customers are not written: K/3 Cloud deletes base
 * data physically. A customer with `alsoIn` gets one T_BD_CUSTOMER row per use-org (same FNUMBER and
 * FCREATEORGID, own FCUSTID, FMASTERID = the creator row's FCUSTID).
 */
export function buildK3CloudSeedData(customers: SeedCustomer[], options: K3CloudSeedOptions = {}): K3CloudSeedData {
  const locale = options.locale ?? K3CLOUD_DEFAULT_LOCALE;
  const localized = (text: string) => (locale === K3CLOUD_ENGLISH_LOCALE ? englishText(text) : text);
  const tables: K3CloudSeedData['tables'] = {
    T_BD_CUSTOMER: [],
    T_BD_CUSTOMER_L: [],
    T_BD_CUSTOMERGROUP: [],
    T_BD_CUSTOMERGROUP_L: [],
    T_BAS_ASSISTANTDATAENTRY: [],
    T_BAS_ASSISTANTDATAENTRY_L: [],
  };
  const expected: Customer[] = [];
  const groups = new Map<string, number>();
  const regions = new Map<string, string>();
  let nextCustomerId = 100_100;
  let nextLocaleRowId = 1;

  const groupId = (category: { code: string; name: string }) => {
    let id = groups.get(category.code);
    if (id === undefined) {
      id = 200_001 + groups.size;
      groups.set(category.code, id);
      tables.T_BD_CUSTOMERGROUP.push({ FID: id, FNUMBER: category.code, FPARENTID: 0 });
      tables.T_BD_CUSTOMERGROUP_L.push({ FPKID: id, FID: id, FLOCALEID: K3CLOUD_DEFAULT_LOCALE, FNAME: category.name });
      tables.T_BD_CUSTOMERGROUP_L.push({ FPKID: id + 50_000, FID: id, FLOCALEID: K3CLOUD_ENGLISH_LOCALE, FNAME: englishText(category.name) });
    }
    return id;
  };
  const regionEntryId = (region: { code: string; name: string }) => {
    let id = regions.get(region.code);
    if (id === undefined) {
      id = `a0b1c2d3-0000-4000-8000-${String(regions.size + 1).padStart(12, '0')}`;
      regions.set(region.code, id);
      tables.T_BAS_ASSISTANTDATAENTRY.push({ FENTRYID: id, FID: REGION_TYPE_ID, FNUMBER: region.code, FDOCUMENTSTATUS: 'C', FFORBIDSTATUS: 'A' });
      for (const [offset, lcid, name] of [[0, K3CLOUD_DEFAULT_LOCALE, region.name], [1, K3CLOUD_ENGLISH_LOCALE, englishText(region.name)]] as const) {
        tables.T_BAS_ASSISTANTDATAENTRY_L.push({ FPKID: `${id}-${offset}`, FENTRYID: id, FLOCALEID: lcid, FDATAVALUE: name });
      }
    }
    return id;
  };

  for (const seed of customers) {
    if (seed.status === 'deleted') continue;
    const createOrg = orgId(seed.org);
    const useOrgs = [createOrg, ...(seed.alsoIn ?? []).map(orgId).filter((id) => id !== createOrg)];
    const masterId = nextCustomerId;
    for (const useOrg of useOrgs) {
      const customerId = nextCustomerId++;
      const row = {
        FCUSTID: customerId,
        FNUMBER: seed.code,
        FMASTERID: masterId,
        FCREATEORGID: createOrg,
        FUSEORGID: useOrg,
        FDOCUMENTSTATUS: 'C',
        FFORBIDSTATUS: seed.status === 'blocked' ? 'B' : 'A',
        FTAXREGISTERCODE: seed.taxId ?? null,
        FTEL: seed.phone ?? null,
        FADDRESS: seed.address ?? null,
        FPRIMARYGROUP: seed.category ? groupId(seed.category) : 0,
        FPROVINCIAL: seed.region ? regionEntryId(seed.region) : ' ',
        FCREATEDATE: seed.createdAt ?? null,
        FMODIFYDATE: seed.updatedAt ?? null,
      };
      tables.T_BD_CUSTOMER.push(row);
      for (const lcid of [K3CLOUD_DEFAULT_LOCALE, K3CLOUD_ENGLISH_LOCALE]) {
        const english = lcid === K3CLOUD_ENGLISH_LOCALE;
        tables.T_BD_CUSTOMER_L.push({
          FPKID: nextLocaleRowId++,
          FCUSTID: customerId,
          FLOCALEID: lcid,
          FNAME: english ? englishText(seed.name) : seed.name,
          FSHORTNAME: seed.shortName === undefined ? null : english ? englishText(seed.shortName) : seed.shortName,
        });
      }
      expected.push(expectedCustomer(seed, useOrg, options.source ?? 'k3cloud', localized));
    }
  }
  return { tables, expected };
}

/** Fields a K/3 Cloud source fills: no contact (contacts live in their own tables). */
const K3CLOUD_FIELDS: CustomerField[] = ['source', 'erp', 'code', 'name', 'shortName', 'taxId', 'phone', 'address', 'category', 'region', 'status', 'createdAt', 'updatedAt', 'org'];

/** What a correct source returns for one row: core's projection, with the text of the chosen locale. */
function expectedCustomer(seed: SeedCustomer, useOrg: number, source: string, localized: (text: string) => string): Customer {
  const customer = projectSeedCustomer(seed, { source, erp: 'kingdee-k3cloud', org: String(useOrg), fields: K3CLOUD_FIELDS });
  customer.name = localized(customer.name);
  for (const field of ['shortName', 'category', 'region'] as const) {
    const value = customer[field];
    if (value !== undefined) customer[field] = localized(value);
  }
  return customer;
}
