/** generic-sql (a classic `Customer` table named by configuration) in the backend matrix. */
import { canonicalCustomers, CONFORMANCE_PASSWORD } from '@custcode/core/testing';
import {
  createGenericSqlSource,
  GENERIC_SEED_COLUMNS,
  GENERIC_SEED_STATUS,
  seedGenericDatabase,
  type GenericSqlSourceOptions,
} from '@custcode/sql';
import type { TestDatabase } from '../backends.js';
import { attemptWrite, missingModule } from '../error-cases.js';
import { GENERIC_EXPECTED_RECORDS } from '../expected-records/generic-sql.js';
import { openGoldenOnSql, sqlBackendOf, SQL_BACKENDS, type GoldenEntry, type MatrixEntry } from './matrix-backend.js';

/** Where each server backend would be, for the error cases (sqlite has no server and no login). */
const SERVER = {
  mariadb: { scheme: 'mysql', port: 3306 },
  postgres: { scheme: 'postgres', port: 5432 },
} as const;

const generic = (connection: string, extra: Partial<GenericSqlSourceOptions> = {}) =>
  createGenericSqlSource({ name: 'crm', connection, table: 'Customer', columns: GENERIC_SEED_COLUMNS, status: GENERIC_SEED_STATUS, ...extra });

function genericEntry(label: string, variant: { orgScoped: boolean; mnemonic: boolean }): MatrixEntry {
  return {
    label: `generic-sql (${label})`,
    layout: 'generic-sql',
    runsOn: SQL_BACKENDS,
    conformance(backend) {
      const sql = sqlBackendOf(backend);
      const server = sql.name === 'sqlite' ? undefined : SERVER[sql.name];
      let database: TestDatabase | undefined;
      return {
        async setup() {
          database = await sql.createDatabase();
          const expected = await seedGenericDatabase(database, canonicalCustomers(), { source: 'crm', ...variant });
          const { org: _org, ...unscoped } = GENERIC_SEED_COLUMNS;
          const columns = { ...(variant.orgScoped ? GENERIC_SEED_COLUMNS : unscoped), ...(variant.mnemonic ? { mnemonic: 'Mnemonic' } : {}) };
          return { source: generic(database.url, { columns, pageSize: 97 }), expected, teardown: () => database!.drop() };
        },
        errorCases: {
          ...(server
            ? {
                badCredentials: () => generic(`${server.scheme}://nobody:${CONFORMANCE_PASSWORD}@127.0.0.1:${server.port}/test`).count(),
                unreachable: () => generic(`${server.scheme}://nobody@127.0.0.1:1/test`, { password: CONFORMANCE_PASSWORD }).count(),
              }
            : {}),
          missingDriver: () => generic(database!.url, { importDriver: missingModule() }).count(),
        },
        readOnly: () => attemptWrite(database!.url, 'DELETE FROM Customer'),
      };
    },
  };
}

export const GENERIC_SQL_ENTRIES: MatrixEntry[] = [
  genericEntry('one row per org, pinyin scanned by the core', { orgScoped: true, mnemonic: false }),
  genericEntry('no org column, pinyin pushed down to a mnemonic column', { orgScoped: false, mnemonic: true }),
];

export const GENERIC_SQL_GOLDEN: GoldenEntry[] = [
  {
    records: GENERIC_EXPECTED_RECORDS,
    runsOn: SQL_BACKENDS,
    open: (backend, records) => openGoldenOnSql(backend, records, (database) => seedGenericDatabase(database, []), (url) => generic(url)),
  },
];
