import { type AccessLogEntry, createMemoryAccessLog } from '@custcode/access';
import { type CustomerSource } from '@custcode/core';
import { createGenericSqlSource } from '@custcode/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abortAfterFirstChunk } from '../../../test-support/abort-after-first-chunk.js';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';
import { BIG_CUSTOMER_COLUMNS, createBigCustomerTable } from '../../../test-support/big-customer-table.js';
import { CONNECTIONS_AT_WORK, pollUntil } from '../../../test-support/connections-at-work.js';
import { createCustcodeApp } from './create-app.js';
import { type RunningServer, startServer } from './start-server.js';

const ROWS = 200_000;
const ABORTS = 20;
/** The server must let go of every connection within this long after the last client went away. */
const DEADLINE_MS = 2_000;

for (const backend of testBackends()) {
  if (backend.unavailable) console.warn(`[export abort] ${backend.unavailable}`);

  describe.skipIf(backend.unavailable !== undefined)(`aborted exports on ${backend.name}`, () => {
    let database: TestDatabase;
    let source: CustomerSource;
    let server: RunningServer;
    const accessLog = createMemoryAccessLog();
    beforeAll(async () => {
      database = await backend.createDatabase();
      await createBigCustomerTable(database, ROWS);
      source = createGenericSqlSource({ name: 'big', connection: database.url, table: 'big_customer', columns: BIG_CUSTOMER_COLUMNS });
      const app = createCustcodeApp({ sources: { big: { erp: 'generic-sql', open: async () => ({ source, secrets: [] }) } }, accessLog, console: false });
      server = await startServer(app, { port: 0, host: '127.0.0.1' });
    }, 300_000);
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it(`releases every connection and logs "aborted" with the rows sent for ${ABORTS} clients that hang up`, async () => {
      const received = await Promise.all(Array.from({ length: ABORTS }, () => abortAfterFirstChunk(`${server.url}/sources/big/export?format=csv`)));
      expect(received.every(({ status, chunk }) => status === 200 && chunk.length > 0)).toBe(true);

      const aborted = (entries: AccessLogEntry[]) => entries.filter((entry) => entry.operation === 'search' && entry.outcome === 'aborted');
      const logged = await pollUntil(async () => aborted(accessLog.entries), (entries) => entries.length >= ABORTS, DEADLINE_MS);
      expect(logged).toHaveLength(ABORTS);
      for (const entry of logged) expect(entry.records).toBeGreaterThan(0);
      expect(logged.every((entry) => entry.records < ROWS)).toBe(true);

      const busy = CONNECTIONS_AT_WORK[backend.name];
      if (busy !== undefined) {
        const count = async () => Number((await database.all(busy))[0]?.busy);
        expect(await pollUntil(count, (value) => value === 0, DEADLINE_MS)).toBe(0);
      }
      // The source still answers: nothing is left holding it.
      expect((await fetch(`${server.url}/sources/big/customers/K0000042`)).status).toBe(200);
    });
  });
}
