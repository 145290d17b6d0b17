import { canonicalCustomers, CONFORMANCE_PASSWORD, testCustomerSource } from '@custcode/core/testing';
import { createGenericSqlSource, type GenericSqlSourceOptions } from '@custcode/sql';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';
import { attemptWrite, missingModule } from '../../../test-support/error-cases.js';
import { GENERIC_SEED_COLUMNS as GENERIC_COLUMNS, GENERIC_SEED_STATUS as GENERIC_STATUS, seedGenericDatabase as seedGeneric } from '../src/seed/seed-generic-database.js';

/** Where each backend's server would be, for the error cases (sqlite has no server and no login). */
const SERVER = {
  mariadb: { scheme: 'mysql', port: 3306 },
  postgres: { scheme: 'postgres', port: 5432 },
} as const;

const generic = (connection: string, extra: Partial<GenericSqlSourceOptions> = {}) =>
  createGenericSqlSource({ name: 'crm', connection, table: 'Customer', columns: GENERIC_COLUMNS, status: GENERIC_STATUS, ...extra });

for (const backend of testBackends()) {
  for (const variant of [
    { label: 'one row per org, pinyin scanned by the core', orgScoped: true, mnemonic: false },
    { label: 'no org column, pinyin pushed down to a mnemonic column', orgScoped: false, mnemonic: true },
  ]) {
    let database: TestDatabase | undefined;
    const server = backend.name === 'sqlite' ? undefined : SERVER[backend.name];
    testCustomerSource({
      name: `generic-sql on ${backend.name} (${variant.label})`,
      unavailable: backend.unavailable,
      async setup() {
        database = await backend.createDatabase();
        const expected = await seedGeneric(database, canonicalCustomers(), { source: 'crm', orgScoped: variant.orgScoped, mnemonic: variant.mnemonic });
        const { org: _org, ...unscoped } = GENERIC_COLUMNS;
        const columns = { ...(variant.orgScoped ? GENERIC_COLUMNS : unscoped), ...(variant.mnemonic ? { mnemonic: 'Mnemonic' } : {}) };
        const source = generic(database.url, { columns, pageSize: 97 });
        return { source, expected, teardown: () => database!.drop() };
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
    });
  }
}
