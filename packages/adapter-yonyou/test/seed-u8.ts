import { canonicalCustomers } from '@custcode/core/testing';
import type { Customer } from '@custcode/core';
import type { SeedTarget } from '@custcode/sql';
import { seedU8Database, type SeedU8Options } from '../src/index.js';

/** The canonical data set in U8's layout; resolves to the records a U8 source must report. */
export function seedU8(target: SeedTarget, options?: SeedU8Options): Promise<Customer[]> {
  return seedU8Database(target, canonicalCustomers(), options);
}
