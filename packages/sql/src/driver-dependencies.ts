/**
 * The optional driver packages `@custcode/sql` loads lazily, with the versions it is tested with.
 * A test keeps this equal to package.json's peerDependencies and to the loadDriverPackage calls of the dialects.
 */
export const DRIVER_DEPENDENCIES = {
  mssql: '^12.7.14',
  oracledb: '^26.0.0',
  mysql2: '^3.24.5',
  pg: '^8.23.1',
  'better-sqlite3': '^12.11.1',
} as const satisfies Record<string, string>;
