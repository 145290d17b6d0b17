import { isCustcodeError, MissingDriverError } from '@custcode/core';
import { createExecutor, createSqlSource } from '@custcode/sql';
import { expect, it } from 'vitest';
import { missingModule } from '../../../test-support/error-cases.js';
import { GOLDEN_MAPPING } from './golden-mappings.js';

// Its own test file: importOptional caches a loaded driver per process, so nothing here may load the real one first.
const notInstalled = missingModule('oracledb');

it('a driver that is not installed is a MissingDriverError naming the package to install', async () => {
  const executor = createExecutor('oracle://apps:secret-pw@127.0.0.1:1/EBS', { importDriver: notInstalled });
  const error = await executor.query('SELECT 1 FROM DUAL').catch((caught: unknown) => caught);
  expect(isCustcodeError(error, 'DRIVER_MISSING')).toBe(true);
  expect((error as MissingDriverError).packageName).toBe('oracledb');
  expect((error as MissingDriverError).hint).toBe('Install it next to custcode: npm install oracledb');
  expect((error as Error).message).not.toContain('secret-pw');
});

it('sources report it on first use, not at creation', async () => {
  const source = createSqlSource({ name: 'u8', mapping: GOLDEN_MAPPING, connection: 'mssql://sa@127.0.0.1:1/UFDATA', importDriver: notInstalled });
  expect(source.describe().details).toEqual({ dialect: 'mssql', table: 'dbo.Customer' });
  const error = await source.get('K001').catch((caught: unknown) => caught);
  expect(isCustcodeError(error, 'DRIVER_MISSING')).toBe(true);
  expect((error as MissingDriverError).packageName).toBe('mssql');
});
