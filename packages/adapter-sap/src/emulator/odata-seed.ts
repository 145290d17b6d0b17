import { alphaOutput, type Customer } from '@custcode/core';
import type { SeedCustomer } from '@custcode/core/fixtures';
import type { SapTables } from './ddic.js';
import { sapCustomerNumber, seedSapTables, type SeedSapTablesOptions } from './seed-sap-tables.js';

export interface SeededODataService {
  /** The RFC emulator's tables (the OData emulator serves its view of them). */
  tables: SapTables;
  /** KUNNR → the seed's updatedAt: the business partners' LastChangeDate/Time (`startODataEmulator`'s `lastChanged`). */
  lastChanged: Map<string, string>;
  /** What an OData source reads back: region and category as codes (the service has no texts), updatedAt from the business partner. */
  expected: Customer[];
}

/** The seed list for the OData emulator: seedSapTables' tables, the change dates KNA1 cannot hold, and the records expected over OData. */
export function seedODataService(customers: SeedCustomer[], options: Omit<SeedSapTablesOptions, 'language'> = {}): SeededODataService {
  const asCode = (value: { code: string } | undefined) => value && { code: value.code, name: value.code };
  const seeds = customers.map((customer) => ({ ...customer, region: asCode(customer.region), category: asCode(customer.category) }));
  const { tables, expected } = seedSapTables(seeds, options);
  const lastChanged = new Map<string, string>();
  const updatedByCode = new Map<string, string>();
  const seen = new Set<string>();
  for (const customer of customers) {
    // The first seed of a KUNNR is the one seedSapTables keeps.
    const kunnr = sapCustomerNumber(customer.code);
    if (kunnr === undefined || seen.has(kunnr)) continue;
    seen.add(kunnr);
    if (customer.updatedAt === undefined) continue;
    lastChanged.set(kunnr, customer.updatedAt);
    updatedByCode.set(alphaOutput(kunnr), customer.updatedAt);
  }
  return {
    tables,
    lastChanged,
    expected: expected.map((record) => (updatedByCode.has(record.code) ? { ...record, updatedAt: updatedByCode.get(record.code)! } : record)),
  };
}
