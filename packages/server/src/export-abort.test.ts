import { request as httpRequest } from 'node:http';
import { type AccessLogEntry, createMemoryAccessLog, type CustomerSource } from '@custcode/core';
import { createGenericSqlSource } from '@custcode/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';
import { createCustcodeApp } from './create-app.js';
import { type RunningServer, startServer } from './start-server.js';

const ROWS = 200_000;
const ABORTS = 20;
/** The server must let go of every connection within this long after the last client went away. */
const DEADLINE_MS = 2_000;

/** SQL that fills `big_customer` with ROWS rows on the server itself (no round trip per row). */
const FILL: Record<string, string> = {
  mariadb: `INSERT INTO big_customer SELECT CONCAT('K', LPAD(seq, 7, '0')), CONCAT('客户', seq, '号有限公司'), CONCAT('1380', LPAD(seq, 7, '0')) FROM seq_1_to_${ROWS}`,
  postgres: `INSERT INTO big_customer SELECT 'K' || LPAD(n::text, 7, '0'), '客户' || n || '号有限公司', '1380' || LPAD(n::text, 7, '0') FROM generate_series(1, ${ROWS}) AS n`,
  sqlite: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS}) INSERT INTO big_customer SELECT 'K' || printf('%07d', i), '客户' || i || '号有限公司', '1380' || printf('%07d', i) FROM n`,
};

/** Statements of the server's own connections still at work (not idle) on the test database. */
const BUSY: Record<string, string | undefined> = {
  mariadb: "SELECT COUNT(*) AS busy FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID() AND COMMAND <> 'Sleep'",
  postgres: "SELECT COUNT(*) AS busy FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'",
  sqlite: undefined,
};

/** Asks for an export and hangs up as soon as the first bytes arrive, as a browser tab closed mid-download. */
function abortAfterFirstChunk(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, (response) => {
      response.once('data', (chunk: Buffer) => {
        request.destroy();
        resolve(response.statusCode === 200 ? chunk.length : -1);
      });
    });
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    request.end();
  });
}

async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + DEADLINE_MS;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

for (const backend of testBackends()) {
  if (backend.unavailable) console.warn(`[export abort] ${backend.unavailable}`);

  describe.skipIf(backend.unavailable !== undefined)(`aborted exports on ${backend.name}`, () => {
    let database: TestDatabase;
    let source: CustomerSource;
    let server: RunningServer;
    const accessLog = createMemoryAccessLog();
    beforeAll(async () => {
      database = await backend.createDatabase();
      const q = database.quote;
      await database.run(`CREATE TABLE ${q('big_customer')} (${q('code')} VARCHAR(20) PRIMARY KEY, ${q('name')} VARCHAR(100), ${q('phone')} VARCHAR(20))`);
      await database.run(FILL[backend.name]!);
      source = createGenericSqlSource({ name: 'big', connection: database.url, table: 'big_customer', columns: { code: 'code', name: 'name', phone: 'phone' } });
      const app = createCustcodeApp({ sources: { big: { erp: 'generic-sql', open: async () => ({ source, secrets: [] }) } }, accessLog, console: false });
      server = await startServer(app, { port: 0, host: '127.0.0.1' });
    }, 300_000);
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it(`releases every connection and logs "aborted" with the rows sent for ${ABORTS} clients that hang up`, async () => {
      const received = await Promise.all(Array.from({ length: ABORTS }, () => abortAfterFirstChunk(`${server.url}/sources/big/export?format=csv`)));
      expect(received.every((bytes) => bytes > 0)).toBe(true);

      const aborted = (entries: AccessLogEntry[]) => entries.filter((entry) => entry.operation === 'search' && entry.outcome === 'aborted');
      const logged = await pollUntil(async () => aborted(accessLog.entries), (entries) => entries.length >= ABORTS);
      expect(logged).toHaveLength(ABORTS);
      for (const entry of logged) expect(entry.records).toBeGreaterThan(0);
      expect(logged.every((entry) => entry.records < ROWS)).toBe(true);

      const busy = BUSY[backend.name];
      if (busy !== undefined) {
        const count = async () => Number((await database.all(busy))[0]?.busy);
        expect(await pollUntil(count, (value) => value === 0)).toBe(0);
      }
      // The source still answers: nothing is left holding it.
      expect((await fetch(`${server.url}/sources/big/customers/K0000042`)).status).toBe(200);
    });
  });
}
