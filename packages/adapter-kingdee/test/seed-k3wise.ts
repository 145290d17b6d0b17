import { canonicalCustomers } from '@custcode/core/testing';
import type { Customer } from '@custcode/core';
import type { SeedTarget } from '@custcode/sql';
import { seedK3WiseDatabase } from '../src/index.js';
import type { K3WiseSeedOptions } from '../src/seed/k3wise-tables.js';

/** The canonical data set in K/3 WISE's tables; returns the records a correct source reads back. */
export function seedK3Wise(target: SeedTarget, options: K3WiseSeedOptions = {}): Promise<Customer[]> {
  return seedK3WiseDatabase(target, canonicalCustomers(), options);
}
