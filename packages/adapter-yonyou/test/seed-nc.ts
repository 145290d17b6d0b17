import { canonicalCustomers } from '@custcode/core/testing';
import type { Customer } from '@custcode/core';
import type { SeedTarget } from '@custcode/sql';
import { seedNcDatabase, type SeedNcOptions } from '../src/index.js';

/** The canonical data set in NC's `bd_customer`; resolves to the records an NC source configured like `options` must report. */
export function seedNc(target: SeedTarget, options?: SeedNcOptions): Promise<Customer[]> {
  return seedNcDatabase(target, canonicalCustomers(), options);
}
