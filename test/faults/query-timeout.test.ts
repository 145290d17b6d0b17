/**
 * Timeouts: a statement that does not answer within `queryTimeoutMs` fails with a typed, retryable
 * ConnectionError (reason `timeout`) instead of hanging. The U8 `Customer` table is replaced by a view
 * that sleeps per row (MariaDB SLEEP, PostgreSQL pg_sleep). SQLite runs in-process and synchronously:
 * a timeout cannot interrupt it, so it is not tested here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleCustomers } from '@custcode/sample';
import { isCustcodeError, type CustomerSource } from '@custcode/core';
import { createYonyouSource, seedU8Database } from '@custcode/adapter-yonyou';
import { testBackends, type TestBackend, type TestDatabase } from '../../test-support/backends.js';
import { connectionId, databaseOf, killConnections, openMariadbAdmin } from './support/mariadb-admin.js';

const TIMEOUT_MS = 300;
const backends = testBackends().filter((backend): backend is TestBackend & { name: 'mariadb' | 'postgres' } => backend.name !== 'sqlite');
for (const backend of backends) if (backend.unavailable) console.warn(`test/faults/query-timeout: ${backend.unavailable}`);

/** Renames the table away and puts a view in its place that sleeps 3 s for every row it reads. */
const sleepingView: Record<'mariadb' | 'postgres', (database: TestDatabase) => Promise<void>> = {
  async mariadb(database) {
    await database.run('RENAME TABLE `Customer` TO `Customer_data`');
    await database.run('CREATE VIEW `Customer` AS SELECT * FROM `Customer_data` WHERE SLEEP(3) = 0');
  },
  async postgres(database) {
    await database.run('ALTER TABLE "Customer" RENAME TO "Customer_data"');
    await database.run(`CREATE VIEW "Customer" AS SELECT * FROM "Customer_data" WHERE pg_sleep(3)::text = ''`);
  },
};

function expectTimeout(error: unknown): void {
  expect(isCustcodeError(error, 'CONNECTION_FAILED')).toBe(true);
  expect(error).toMatchObject({ reason: 'timeout', retryable: true, category: 'connection' });
}

async function failure(operation: () => Promise<unknown>): Promise<unknown> {
  try {
    await operation();
  } catch (error) {
    return error;
  }
  throw new Error('expected the operation to time out, but it answered');
}

describe.each(backends)('query timeout on $name', (backend) => {
  let database: TestDatabase;
  let source: CustomerSource;
  const codes = generateSampleCustomers({ count: 3, seed: 2 }).customers;

  beforeAll(async () => {
    if (backend.unavailable) return;
    database = await backend.createDatabase();
    await seedU8Database(database, codes, { source: 'u8' });
    await sleepingView[backend.name](database);
    source = createYonyouSource({ name: 'u8', product: 'u8', connection: database.url, queryTimeoutMs: TIMEOUT_MS });
  });

  afterAll(async () => {
    await source?.close();
    // The server may still be sleeping on the abandoned statements; dropping the database waits for them.
    await database?.drop();
  });

  it.skipIf(backend.unavailable)('count, get and search fail with a typed, retryable timeout error', async () => {
    expectTimeout(await failure(() => source.count()));
    expectTimeout(await failure(() => source.get(codes[0]!.code)));
    expectTimeout(
      await failure(async () => {
        for await (const _customer of source.search()) break;
      }),
    );
  });

  it.skipIf(backend.unavailable)('the same source answers again once the backend is fast again', async () => {
    if (database.backend === 'mariadb') {
      // MariaDB keeps sleeping on the abandoned statements (PostgreSQL's statement_timeout cancelled them);
      // end them so that the view can be dropped without waiting.
      const admin = await openMariadbAdmin();
      const spare = [await connectionId(database.all), await connectionId(async (sql) => (await admin.query(sql))[0] as Array<Record<string, unknown>>)];
      await killConnections(admin, databaseOf(database.url), spare);
      await admin.end();
      await database.run('DROP VIEW `Customer`');
      await database.run('RENAME TABLE `Customer_data` TO `Customer`');
    } else {
      await database.run('DROP VIEW "Customer"');
      await database.run('ALTER TABLE "Customer_data" RENAME TO "Customer"');
    }
    expect(await source.count()).toBe(3);
    expect((await source.get(codes[0]!.code))?.name).toBe(codes[0]!.name);
  });
});
