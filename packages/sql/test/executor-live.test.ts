import type { ConnectionError, CustcodeError } from '@custcode/core';
import { createExecutor, createGenericSqlSource, type SqlExecutor } from '@custcode/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';
import { custcodeFailure } from '../../../test-support/error-cases.js';
import { seedSample } from './sample-customers.js';

const failure = custcodeFailure;

const reason = (error: CustcodeError) => (error as ConnectionError).reason;

const SERVER_CHECKS: Partial<Record<string, { readOnlySql: string; sleepSql: string }>> = {
  mariadb: { readOnlySql: 'SELECT @@session.tx_read_only AS ro', sleepSql: 'SELECT SLEEP(3) AS slept' },
  postgres: { readOnlySql: "SELECT current_setting('default_transaction_read_only') AS ro", sleepSql: 'SELECT pg_sleep(3) AS slept' },
};

describe('connection failures become typed errors', () => {
  // Port 1 on the loopback interface is closed on any normal machine: the connection is refused at once.
  it.each(['mysql://root@127.0.0.1:1/test', 'postgres://postgres@127.0.0.1:1/test', 'mssql://sa@127.0.0.1:1/master?encrypt=false', 'oracle://system@127.0.0.1:1/FREEPDB1'])(
    'unreachable: %s',
    async (url) => {
      const executor = createExecutor(url, { password: 'secret-pw', connectTimeoutMs: 5000 });
      const error = await failure(() => executor.query('SELECT 1'));
      expect(error.code).toBe('CONNECTION_FAILED');
      expect(reason(error)).toBe('unreachable');
      expect(error.retryable).toBe(true);
      expect(error.message).not.toContain('secret-pw');
      await executor.close();
    },
  );

  it('a missing SQLite file is an unknown database', async () => {
    const executor = createExecutor('sqlite:/nonexistent/custcode/none.sqlite');
    expect(reason(await failure(() => executor.query('SELECT 1')))).toBe('unknown-database');
  });

  it('refuses anything but a read before it reaches the driver', async () => {
    const executor = createExecutor('sqlite:/nonexistent/custcode/none.sqlite');
    expect((await failure(() => executor.query('DELETE FROM Customer'))).code).toBe('READ_ONLY_VIOLATION');
  });
});

for (const backend of testBackends()) {
  if (backend.unavailable) console.warn(backend.unavailable);
  describe.skipIf(backend.unavailable !== undefined)(`executor on ${backend.name}`, () => {
    let database: TestDatabase;
    let executor: SqlExecutor;
    beforeAll(async () => {
      database = await backend.createDatabase();
      await seedSample(database);
      executor = createExecutor(database.url, { queryTimeoutMs: 500 });
    });
    afterAll(async () => {
      await executor?.close();
      await database?.drop();
    });

    it('lists columns in the database spelling, [] for an unknown table', async () => {
      expect(await executor.listColumns('CustomerClass')).toEqual(['ClassCode', 'ClassName']);
      expect(await executor.listColumns('NoSuchTable')).toEqual([]);
    });

    it('returns dates as zone-less wall-clock text', async () => {
      const [row] = await executor.query(`SELECT ${database.quote('Created')} AS created FROM ${database.quote('Customer')} WHERE ${database.quote('CustomerID')} = ${backend.name === 'postgres' ? '$1' : '?'}`, ['C002']);
      expect(String(row?.created)).toMatch(/^2024-03-31[ T]23:59:59(\.0+)?$/);
    });

    it('other SQL errors are BackendErrors with the engine code', async () => {
      const error = await failure(() => executor.query('SELECT nope FROM NoSuchTable'));
      expect(error.code).toBe('BACKEND_ERROR');
      expect((error as CustcodeError & { backendCode?: string }).backendCode).toBeTruthy();
    });

    const server = SERVER_CHECKS[backend.name];
    if (server) {
      it('sessions are read-only at the engine too', async () => {
        const [row] = await executor.query(server.readOnlySql);
        expect(String(Object.values(row ?? {})[0])).toMatch(/^(1|on)$/);
      });

      it('a statement over queryTimeoutMs is a retryable timeout', async () => {
        const error = await failure(() => executor.query(server.sleepSql));
        expect(reason(error)).toBe('timeout');
        expect(error.retryable).toBe(true);
        // The executor stays usable afterwards.
        expect(await executor.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      });

      it('wrong credentials and unknown databases are told apart', async () => {
        const base = new URL(database.url);
        const wrongUser = new URL(base);
        wrongUser.username = 'nobody';
        wrongUser.password = 'wrong-password';
        const badLogin = createExecutor(wrongUser.toString());
        const loginError = await failure(() => badLogin.query('SELECT 1'));
        expect(reason(loginError)).toBe('authentication');
        expect(loginError.retryable).toBe(false);
        expect(loginError.message).not.toContain('wrong-password');
        const noDatabase = new URL(base);
        noDatabase.pathname = '/cc_no_such_database';
        const missing = createExecutor(noDatabase.toString());
        expect(reason(await failure(() => missing.query('SELECT 1')))).toBe('unknown-database');
        await badLogin.close();
        await missing.close();
      });
    }

    it('unknown schema names give SchemaMismatchError with the nearest column', async () => {
      const source = createGenericSqlSource({ name: 'crm', connection: database.url, table: 'Customer', columns: { code: 'CustomerID', name: 'CustomerNam' } });
      const error = await failure(() => source.get('C001'));
      expect(error.code).toBe('SCHEMA_MISMATCH');
      expect(error.message).toContain('Did you mean "CustomerName"?');
      expect((error as CustcodeError & { available: string[] }).available).toContain('Phone');
      const noTable = createGenericSqlSource({ name: 'crm', connection: database.url, table: 'Customers', columns: { code: 'CustomerID', name: 'CustomerName' } });
      const tableError = await failure(() => noTable.count());
      expect(tableError.message).toContain('"Customers" does not exist');
      expect(tableError.message).toContain('Did you mean "Customer"?');
      expect((tableError as CustcodeError & { available: string[] }).available).toEqual(['Customer', 'CustomerClass']);
      await source.close();
      await noTable.close();
    });
  });
}
