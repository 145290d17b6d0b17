import { createRequire } from 'node:module';
import { createExecutor } from '@custcode/sql';
import { describe, expect, it } from 'vitest';
import { custcodeFailure } from '../../../test-support/error-cases.js';
import { fakeMssql } from '../../../test-support/fake-mssql.js';

// No SQL Server or Oracle runs here: these drive the executors through fakes of the small driver
// surface they use (the real driver packages are installed and provide the type objects).
const require = createRequire(import.meta.url);
const mssql = require('mssql') as Record<string, unknown>;
const oracledb = require('oracledb') as Record<string, unknown>;

const failure = custcodeFailure;

describe('SQL Server executor (fake pool)', () => {
  it('binds text as NVARCHAR and numbers as INT/BIGINT/FLOAT by name @p1…', async () => {
    const fake = fakeMssql(async () => ({ recordset: [{ cc_code: 'K001' }] }));
    const executor = createExecutor({ dialect: 'mssql', client: fake.pool });
    expect(await executor.query('SELECT 1 WHERE a = @p1 AND b = @p2 AND c = @p3 AND d = @p4', ['北京', 7, 2 ** 40, 1.5])).toEqual([{ cc_code: 'K001' }]);
    expect(fake.inputs).toEqual([
      { name: 'p1', type: mssql.NVarChar, value: '北京' },
      { name: 'p2', type: mssql.Int, value: 7 },
      { name: 'p3', type: mssql.BigInt, value: 2 ** 40 },
      { name: 'p4', type: mssql.Float, value: 1.5 },
    ]);
  });

  it.each([
    [{ code: 'ELOGIN', message: "Login failed for user 'sa'." }, 'authentication'],
    [{ code: 'ELOGIN', message: 'Cannot open database "UFDATA_999" requested by the login.', number: 4060 }, 'unknown-database'],
    [{ code: 'ETIMEOUT', message: 'Timeout: Request failed to complete in 15000ms' }, 'timeout'],
    [{ code: 'ECONNCLOSED', message: 'Connection is closed.' }, 'closed'],
  ])('maps %j to ConnectionError %s', async (driverError, reason) => {
    const fake = fakeMssql(() => Promise.reject(Object.assign(new Error(driverError.message), driverError)));
    const error = await failure(() => createExecutor({ dialect: 'mssql', client: fake.pool }).query('SELECT 1'));
    expect(error.code).toBe('CONNECTION_FAILED');
    expect(error.reason).toBe(reason);
  });

  it('other errors are BackendErrors with the SQL Server error number', async () => {
    const fake = fakeMssql(() => Promise.reject(Object.assign(new Error("Invalid object name 'Customer'."), { code: 'EREQUEST', number: 208 })));
    const error = await failure(() => createExecutor({ dialect: 'mssql', client: fake.pool }).query('SELECT 1 FROM Customer'));
    expect(error.code).toBe('BACKEND_ERROR');
    expect(error.backendCode).toBe('208');
  });
});

describe('Oracle executor (fake connection)', () => {
  function fakeConnection(answer: (sql: string, binds: unknown[], options: Record<string, unknown>) => Promise<{ rows: unknown[] }>) {
    return { execute: answer, close: async () => undefined };
  }

  it('binds positionally, fetches objects and turns DATE values into wall-clock text', async () => {
    let seen: { binds: unknown[]; options: Record<string, unknown> } | undefined;
    const connection = fakeConnection(async (_sql, binds, options) => {
      seen = { binds, options };
      return { rows: [{ cc_code: '1001' }] };
    });
    const executor = createExecutor({ dialect: 'oracle', client: connection }, { queryTimeoutMs: 1234 });
    expect(await executor.query('SELECT 1 FROM DUAL WHERE :1 = :2', ['a', 1])).toEqual([{ cc_code: '1001' }]);
    expect(seen?.binds).toEqual(['a', 1]);
    expect(seen?.options.outFormat).toBe(oracledb.OUT_FORMAT_OBJECT);
    const handler = seen?.options.fetchTypeHandler as (metadata: { dbType: unknown }) => { converter(value: unknown): unknown } | undefined;
    expect(handler({ dbType: oracledb.DB_TYPE_VARCHAR })).toBeUndefined();
    expect(handler({ dbType: oracledb.DB_TYPE_DATE })?.converter(new Date(2024, 0, 5, 9, 30, 0))).toBe('2024-01-05 09:30:00');
    expect((connection as { callTimeout?: number }).callTimeout).toBe(1234);
  });

  it.each([
    [{ errorNum: 1017, message: 'ORA-01017: invalid credential or not authorized; logon denied' }, 'authentication'],
    [{ errorNum: 12514, message: 'ORA-12514: Cannot connect to database. Service EBS is not registered with the listener' }, 'unknown-database'],
    [{ code: 'NJS-123', message: 'NJS-123: call timeout of 1000 ms exceeded' }, 'timeout'],
  ])('maps %j to ConnectionError %s', async (driverError, reason) => {
    const connection = fakeConnection(() => Promise.reject(Object.assign(new Error(driverError.message), driverError)));
    const error = await failure(() => createExecutor({ dialect: 'oracle', client: connection }).query('SELECT 1 FROM DUAL'));
    expect(error.reason).toBe(reason);
  });

  it('other errors are BackendErrors with the ORA- code', async () => {
    const connection = fakeConnection(() => Promise.reject(Object.assign(new Error('ORA-00942: table or view does not exist'), { errorNum: 942 })));
    const error = await failure(() => createExecutor({ dialect: 'oracle', client: connection }).query('SELECT 1 FROM HZ_PARTIES'));
    expect(error.backendCode).toBe('ORA-00942');
  });
});
