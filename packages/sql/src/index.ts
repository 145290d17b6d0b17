export type { TableMapping, ColumnRef, ValueSpec, ConcatPart, FieldSpec, Condition, JoinSpec, OrgSpec } from './mapping/table-mapping.js';
/** @deprecated Seeding lives at `@custcode/sql/testing`; these root re-exports stay for existing imports. */
export { createSeedTable, type SeedTarget, type SeedColumn, type SeedColumnType, seedGenericDatabase, GENERIC_SEED_COLUMNS, GENERIC_SEED_STATUS, blankToUndefined, definedFields } from './testing.js';

// Descriptors: the generic-sql product, and the pieces SQL adapters build theirs from
export { genericSqlDescriptor } from './descriptor/generic-sql-descriptor.js';
export { sqlConfigShape, sqlOptionsOf, describeSqlTarget, sqlTesting, type SqlOptionsOf, type SqlSeeder, type SqlFixtureCode } from './descriptor/sql-config.js';

// Sources
export { createSqlSource, type SqlSourceOptions } from './source/create-sql-source.js';
export { sqlIdentifierSchema, sqlSourceOptionsShape, sqlSourceSettings } from './source/sql-options-shape.js';
export { createGenericSqlSource, type GenericSqlSourceOptions, type GenericSqlColumns } from './source/generic-sql-source.js';

// Executors and connections
export { createExecutor } from './executor/create-executor.js';
export type { SqlExecutor, SqlRow, SqlArrayRows, SqlConnection, ExecutorOptions } from './executor/sql-executor.js';
export type { SqlSourceConnection } from './executor/connection-with-default-dialect.js';
export {
  parseConnectionUrl, connectionUrlDialect, connectionUrlFile, fileConnectionUrl, resolveConnectionUrl, describeUrlSchemes, type ConnectionUrl,
} from './dialects/connection-url.js';
export { assertReadOnly } from './executor/read-only-guard.js';
export { DIALECT_NAMES, type DialectName } from './dialects/dialect-name.js';
export { DRIVER_DEPENDENCIES } from './driver-dependencies.js';

// Compiled SQL, for golden tests of mappings
export { compileCustomerQuery, type CustomerQueryShape, type CompileOptions } from './compile/compile-customer-query.js';
export type { CompiledQuery } from './compile/sql-builder.js';
export { createSqlSequenceStore, sequenceStoreUrls, type SqlSequenceStoreOptions } from './sequence/sql-sequence-store.js';
