// Fixtures for tests and the demo: the TCA tables in their real layout (not the runtime entry).
export { seedEbsDatabase, ebsOrgId, type SeedEbsOptions } from './seed/seed-tca-database.js';
