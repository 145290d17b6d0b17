// The conformance suite: runs inside vitest (uses the worker's API; the entry itself loads without vitest).
export { testCustomerSource } from './test-customer-source.js';
export { CONFORMANCE_PASSWORD, type ConformanceContext, type ConformanceOptions, type ConformanceSetup } from './conformance-options.js';
export { HOSTILE_STRINGS, orderCustomers, toFullWidth } from './expectations.js';

// Seeding helpers, also exported from @custcode/core (no vitest needed there).
export { canonicalCustomers } from '../sample/canonical-customers.js';
export { projectSeedCustomer, seedOrgs, type ProjectSeedOptions } from '../sample/project-seed-customer.js';
export type { SeedCustomer } from '../sample/seed-customer.js';

// Data and oracles of the access matrices (row filters and masks on every path), for each package's matrix tests.
export { accessMatrixSeed, leakedNeedles, maskNeedles, ROW_FILTER_CASES, type RowFilterCase } from './access-matrix.js';
