import { createSqlSource, type SqlConnection } from '@custcode/sql';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';
import { SAMPLE_MAPPING, seedSample } from './sample-customers.js';

/** A pool or connection as an application that already has one would pass it, and how it closes it. */
async function ownClient(database: TestDatabase): Promise<{ connection: SqlConnection; close(): Promise<void> }> {
  if (database.backend === 'sqlite') {
    const client = new Database(database.url.slice('sqlite:'.length), { readonly: true });
    return { connection: { dialect: 'sqlite', client }, close: async () => void client.close() };
  }
  if (database.backend === 'mariadb') {
    const client = mysql.createPool({ uri: database.url, dateStrings: true });
    return { connection: { dialect: 'mysql', client }, close: () => client.end() };
  }
  const client = new pg.Pool({ connectionString: database.url });
  return { connection: { dialect: 'postgres', client }, close: () => client.end() };
}

for (const backend of testBackends()) {
  if (backend.unavailable) console.warn(backend.unavailable);
  describe.skipIf(backend.unavailable !== undefined)(`an existing client on ${backend.name}`, () => {
    let database: TestDatabase;
    let client: Awaited<ReturnType<typeof ownClient>>;
    beforeAll(async () => {
      database = await backend.createDatabase();
      await seedSample(database);
      client = await ownClient(database);
    });
    afterAll(async () => {
      await client?.close();
      await database?.drop();
    });

    it('is used as given and left open when the source closes', async () => {
      const source = createSqlSource({ name: 'mapped', mapping: SAMPLE_MAPPING, connection: client.connection });
      const customer = await source.get('C002');
      expect(customer?.name).toBe('Acme Trading Ltd');
      expect(customer?.createdAt).toBe('2024-03-31T23:59:59');
      expect(await source.count({ org: '100' })).toBe(6);
      await source.close();
      // The caller's client still works after the source is closed.
      const again = createSqlSource({ name: 'mapped', mapping: SAMPLE_MAPPING, connection: client.connection });
      expect((await again.get('C001', { org: '200' }))?.status).toBe('blocked');
      await again.close();
    });
  });
}
