// The customer hub: one customers table across sources in DuckDB or Parquet, with match links and golden records
export { openHub, PARQUET_STATE_FILE, type CustomerQueryOptions, type Hub, type HubConnection, type OpenHubOptions } from './open-hub.js';
export { syncSource, SYNCED_COLUMNS, type SyncOptions, type SyncResult } from './sync-source.js';
export { writeParquet } from './write-parquet.js';
export { writeMatchTables, type HubGoldenInput, type HubLinkInput } from './write-match-tables.js';
export type { GoldenRow, HubCustomer, HubTextColumns, LinkRow } from './hub-types.js';
export { goldenReportTables, type HubReportTable } from './golden-report.js';
export { matchHub } from './match-sql/match-hub.js';
export type { HubMatchOptions } from './match-sql/match-inputs.js';
export { MATCH_SQL_DIALECTS, type MatchSqlDialect } from './match-sql/sql-dialect.js';
export { emitMatchSql, pipelineStatements, type EmitMatchSqlOptions, type EmittedMatchSql, type EmittedStatement } from './match-sql/emit-match-sql.js';
