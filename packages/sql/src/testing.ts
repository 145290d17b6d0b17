// Fixtures: seed targets and the generic layout's seeder, for tests, the demo and benchmarks (not the runtime entry).
export { createSeedTable, createSeedIndexes, type SeedTarget, type SeedColumn, type SeedColumnType } from './seed/seed-target.js';
export { openSeedTarget, seedTargetOver, type OpenSeedTarget } from './seed/open-seed-target.js';
export { seedGenericDatabase, GENERIC_SEED_COLUMNS, GENERIC_SEED_STATUS } from './seed/seed-generic-database.js';
export { blankToUndefined, definedFields } from './seed/seed-values.js';
