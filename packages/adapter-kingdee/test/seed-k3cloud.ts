import { canonicalCustomers } from '@custcode/core/testing';
import type { Customer } from '@custcode/core';
import type { SeedTarget } from '@custcode/sql';
import { seedK3CloudDatabase } from '../src/index.js';
import { buildK3CloudSeedData, type K3CloudSeedData, type K3CloudSeedOptions } from '../src/seed/k3cloud-tables.js';

/** The canonical data set in K/3 Cloud's tables; returns the records a correct source reads back. */
export function seedK3Cloud(target: SeedTarget, options: K3CloudSeedOptions = {}): Promise<Customer[]> {
  return seedK3CloudDatabase(target, canonicalCustomers(), options);
}

/** The same rows in memory, for the WebAPI emulator. */
export function k3CloudCanonicalTables(options: K3CloudSeedOptions = {}): K3CloudSeedData {
  return buildK3CloudSeedData(canonicalCustomers(), options);
}
