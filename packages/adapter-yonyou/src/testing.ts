// Fixtures for tests and the demo: U8 and NC tables in their real layout (not the runtime entry).
export { seedU8Database, seedU8DatabaseInChunks, type SeedU8Options } from './seed/seed-u8-database.js';
export { seedNcDatabase, ncOrgId, type SeedNcOptions } from './seed/seed-nc-database.js';
