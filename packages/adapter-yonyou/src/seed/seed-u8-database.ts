import { pinyinInitials } from '@custcode/core/adapter';
import { type Customer } from '@custcode/core';
import { type SeedCustomer } from '@custcode/core/fixtures';
import { blankToUndefined, definedFields, type SeedTarget } from '@custcode/sql/testing';
import { createU8Indexes, createU8Tables } from './u8-layout.js';

export interface SeedU8Options {
  /** `Customer.source` of the expected records (the name the test gives its source). Default `u8`. */
  source?: string;
}

const ABBREVIATION_LENGTH = 60;

/** At most `max` UTF-16 units (nvarchar's unit), never splitting a surrogate pair such as 𠮷. */
function truncate(text: string, max: number): string {
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** U8 needs a unique, non-null 客户简称: the short name or the name, suffixed with the code on a clash. */
function abbreviations(customers: SeedCustomer[], taken = new Set<string>()): Map<SeedCustomer, string> {
  const result = new Map<SeedCustomer, string>();
  for (const customer of customers) {
    let abbreviation = truncate(blankToUndefined(customer.shortName) ?? customer.name, ABBREVIATION_LENGTH);
    // SQL Server's Chinese_PRC_CI_AS unique index ignores case, so clashes are checked the same way.
    if (taken.has(abbreviation.toLowerCase())) {
      const suffix = `-${customer.code}`;
      abbreviation = `${truncate(abbreviation, ABBREVIATION_LENGTH - suffix.length)}${suffix}`;
    }
    taken.add(abbreviation.toLowerCase());
    result.set(customer, abbreviation);
  }
  return result;
}

/** First name seen for each class code: the class tables hold one row per code. */
function classNames(customers: SeedCustomer[], pick: (customer: SeedCustomer) => SeedCustomer['category'], names = new Map<string, string>()): Map<string, string> {
  for (const customer of customers) {
    const entry = pick(customer);
    if (entry && !names.has(entry.code)) names.set(entry.code, entry.name);
  }
  return names;
}

/** The `Customer` table row of a seed customer. */
function customerRow(customer: SeedCustomer, abbreviation: string) {
  const endDate = customer.status === 'blocked' ? (customer.updatedAt ?? customer.createdAt ?? '2024-12-31T00:00:00') : undefined;
  return {
    cCusCode: customer.code,
    cCusName: customer.name,
    cCusAbbName: abbreviation,
    cCCCode: customer.category?.code ?? null,
    cDCCode: customer.region?.code ?? null,
    cCusAddress: blankToUndefined(customer.address) ?? null,
    cCusRegCode: blankToUndefined(customer.taxId) ?? null,
    cCusPerson: blankToUndefined(customer.contact) ?? null,
    cCusPhone: blankToUndefined(customer.phone) ?? null,
    cCusMnemCode: pinyinInitials(customer.name) || null,
    dEndDate: endDate ?? null,
    dCusCreateDatetime: customer.createdAt ?? null,
    dModifyDate: customer.updatedAt ?? null,
    bCusState: 0,
    bCusDomestic: 1,
    bCusOverseas: 0,
  };
}

const classRow = (prefix: 'CC' | 'DC') => ([code, name]: [string, string]) => ({
  [`c${prefix}Code`]: code,
  [`c${prefix}Name`]: name,
  [`i${prefix}Grade`]: 1,
  [`b${prefix}End`]: 1,
});

async function insertClasses(target: SeedTarget, categories: Map<string, string>, regions: Map<string, string>): Promise<void> {
  await target.insert('CustomerClass', [...categories].map(classRow('CC')));
  await target.insert('DistrictClass', [...regions].map(classRow('DC')));
}

/**
 * Writes `customers` into U8's real layout (`Customer`, `CustomerClass`, `DistrictClass`) and returns
 * the records a U8 source must report. U8 deletes customers physically, so 'deleted' ones are not written.
 */
export async function seedU8Database(target: SeedTarget, customers: SeedCustomer[], options: SeedU8Options = {}): Promise<Customer[]> {
  const source = options.source ?? 'u8';
  const live = customers.filter((customer) => customer.status !== 'deleted');
  const categories = classNames(live, (customer) => customer.category);
  const regions = classNames(live, (customer) => customer.region);
  const abbreviation = abbreviations(live);
  await createU8Tables(target);
  await insertClasses(target, categories, regions);

  const expected: Customer[] = [];
  const rows = live.map((customer) => {
    const row = customerRow(customer, abbreviation.get(customer)!);
    expected.push({
      source,
      erp: 'yonyou-u8',
      code: customer.code,
      name: customer.name,
      ...definedFields({
        shortName: row.cCusAbbName,
        taxId: row.cCusRegCode,
        phone: row.cCusPhone,
        contact: row.cCusPerson,
        address: row.cCusAddress,
        category: customer.category && categories.get(customer.category.code),
        region: customer.region && regions.get(customer.region.code),
        createdAt: customer.createdAt,
        updatedAt: customer.updatedAt,
      }),
      status: customer.status,
      // The suite never compares raw; the source fills it with the columns as read.
      raw: {},
    });
    return row;
  });
  await target.insert('Customer', rows);
  return expected;
}

/**
 * The rows seedU8Database writes, for a stream of customers too large for one array (the bench's millions):
 * chunk by chunk, with the `Customer` indexes built after the load. Returns the number of rows written.
 */
export async function seedU8DatabaseInChunks(target: SeedTarget, chunks: Iterable<SeedCustomer[]> | AsyncIterable<SeedCustomer[]>): Promise<number> {
  const categories = new Map<string, string>();
  const regions = new Map<string, string>();
  const taken = new Set<string>();
  let written = 0;
  await createU8Tables(target, { indexes: false });
  for await (const chunk of chunks) {
    const live = chunk.filter((customer) => customer.status !== 'deleted');
    classNames(live, (customer) => customer.category, categories);
    classNames(live, (customer) => customer.region, regions);
    const abbreviation = abbreviations(live, taken);
    await target.insert('Customer', live.map((customer) => customerRow(customer, abbreviation.get(customer)!)));
    written += live.length;
  }
  await insertClasses(target, categories, regions);
  await createU8Indexes(target);
  return written;
}
