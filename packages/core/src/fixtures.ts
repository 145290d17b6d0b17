// The canonical customers every backend is seeded with, and what a source must return for them
// (no vitest here: adapters' seeders import this from their own /testing entries, ESM and CJS).
export { canonicalCustomers } from './fixtures/canonical-customers.js';
export { projectSeedCustomer, seedOrgs, type ProjectSeedOptions } from './fixtures/project-seed-customer.js';
export type { SeedCustomer } from './fixtures/seed-customer.js';
export type { SeedFixture, SeededFixture } from './source/v1/adapter-descriptor.js';
export { makeUscc, breakUsccCheck } from './fixtures/tax-id.js';
export { VALID_USCC_VECTORS, INVALID_USCC_VECTORS, SPACED_USCC_VECTOR } from './validators/uscc-vectors.fixture.js';
