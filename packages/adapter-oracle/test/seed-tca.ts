import { canonicalCustomers } from '@custcode/core/testing';
import type { Customer } from '@custcode/core';
import type { SeedCustomer } from '@custcode/core/fixtures';
import type { SeedTarget } from '@custcode/sql';
import { seedEbsDatabase, type SeedEbsOptions } from '../src/index.js';

/**
 * The canonical data set in the TCA tables, each customer in its own operating unit only. EBS scopes by
 * "has an active site in ORG_ID X" (one record per account), while the suite's model is one record per
 * (code, org); `alsoIn` sites are covered by org-scope.test.ts instead.
 */
export function seedEbs(target: SeedTarget, options?: SeedEbsOptions): Promise<Customer[]> {
  const customers = canonicalCustomers().map(({ alsoIn: _alsoIn, ...customer }): SeedCustomer => customer);
  return seedEbsDatabase(target, customers, options);
}
