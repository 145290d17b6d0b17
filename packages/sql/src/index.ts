export type { TableMapping, ColumnRef, ValueSpec, FieldSpec, Condition, JoinSpec, OrgSpec } from './mapping/table-mapping.js';
export { createSeedTable, type SeedTarget, type SeedColumn, type SeedColumnType } from './seed/seed-target.js';
