import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCustcodeError } from '@custcode/core';
import { type SeedCustomer } from '@custcode/core/fixtures';
import { describe, expect, it } from 'vitest';
import { readEmulatorData, readEmulatorSystem, writeEmulatorData } from './emulator-data.js';
import { sapCustomerNumber, seedSapTables } from './seed-sap-tables.js';

const seeds: SeedCustomer[] = [
  { code: '1000', name: 'Numeric', status: 'blocked', org: 'ORG1', alsoIn: ['ORG2'], createdAt: '2024-01-05T10:11:12', category: { code: '01', name: '批发客户' }, region: { code: '11', name: '北京' } },
  { code: 'KH2023010001', name: '中国长城国际工程技术咨询与供应链管理服务（深圳前海深港现代服务业合作区）股份有限公司第一分公司', status: 'deleted', org: 'ORG3', taxId: '91110108MA01234567' },
  { code: 'C-100', name: 'Latin', status: 'blocked', taxId: 'DE123456789' },
  { code: '', name: 'No code', status: 'active' },
  { code: 'TOO-LONG-CODE-1', name: 'Too long', status: 'active' },
  { code: '01000', name: 'Same key as 1000', status: 'active' },
];

describe('seedSapTables', () => {
  it('writes KNA1 in internal form with real field lengths, and KNB1/KNVV per org', () => {
    const { tables, skipped } = seedSapTables(seeds);
    expect(tables.KNA1.map((row) => row.KUNNR)).toEqual(['0000001000', 'KH23010001', 'C-100']);
    expect(skipped.map((entry) => entry.code)).toEqual(['', 'TOO-LONG-CODE-1', '01000']);
    const [numeric, long, latin] = tables.KNA1;
    expect(numeric).toMatchObject({ ERDAT: '20240105', KTOKD: '01', REGIO: '11', SPERR: 'X', AUFSD: '', LOEVM: '' });
    expect(latin).toMatchObject({ SPERR: '', AUFSD: '01', STCD1: 'DE123456789', STCEG: '' });
    expect(long).toMatchObject({ LOEVM: 'X', STCD1: '', STCEG: '91110108MA01234567' });
    expect(long!.NAME1).toHaveLength(35);
    expect(`${long!.NAME1}${long!.NAME2}`).toBe(seeds[1]!.name);
    expect(tables.KNB1.map((row) => `${row.KUNNR}/${row.BUKRS}`)).toEqual(['0000001000/1000', '0000001000/2000', 'KH23010001/3000']);
    expect(tables.KNVV.map((row) => `${row.VKORG}/${row.VTWEG}/${row.SPART}`)).toEqual(['1000/10/00', '2000/10/00', '3000/10/00']);
    expect(tables.T005U).toEqual([{ SPRAS: '1', LAND1: 'CN', BLAND: '11', BEZEI: '北京' }]);
    expect(tables.T077X).toEqual([{ SPRAS: '1', KTOKD: '01', TXT30: '批发客户' }]);
  });

  it('returns the expected records per org scope, in ALPHA output form with day-precision dates', () => {
    expect(seedSapTables(seeds).expected.map((customer) => [customer.code, customer.org])).toEqual([
      ['1000', undefined],
      ['KH23010001', undefined],
      ['C-100', undefined],
    ]);
    const scoped = seedSapTables(seeds, { orgScope: 'sales-area', sourceName: 'erp' }).expected;
    expect(scoped.map((customer) => `${customer.code}@${customer.org}`)).toEqual(['1000@1000/10/00', '1000@2000/10/00', 'KH23010001@3000/10/00']);
    expect(scoped[0]).toMatchObject({ source: 'erp', erp: 'sap', createdAt: '2024-01-05T00:00:00', category: '批发客户', region: '北京', status: 'blocked' });
  });

  it('maps codes to KUNNR: ALPHA padding, KH+YYYYMM+serial shortened, others refused', () => {
    expect(sapCustomerNumber('1000')).toBe('0000001000');
    expect(sapCustomerNumber('KH2024070001')).toBe('KH24070001');
    expect(sapCustomerNumber('C-100')).toBe('C-100');
    expect(sapCustomerNumber('ABCDEFGHIJK')).toBeUndefined();
  });
});

describe('emulator data files', () => {
  it('round-trips tables through JSON and rejects other files with a ConfigError', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'custcode-sap-'));
    try {
      const { tables } = seedSapTables(seeds);
      const file = join(directory, 'sap.json');
      await writeEmulatorData(file, tables);
      expect(await readEmulatorData(file)).toEqual(tables);
      const authorizations = { RFC_READER: { tables: ['KNA1', 'KNB1'], rfc: ['SDTX'] } };
      await writeEmulatorData(file, tables, { user: 'RFC_READER', authorizations });
      expect(await readEmulatorSystem(file)).toEqual({ tables, user: 'RFC_READER', authorizations });
      const other = join(directory, 'other.json');
      await writeFile(other, JSON.stringify({ KNA1: [] }));
      const error = await readEmulatorData(other).catch((caught: unknown) => caught);
      expect(isCustcodeError(error, 'CONFIG_INVALID')).toBe(true);
      expect(isCustcodeError(await readEmulatorData(join(directory, 'missing.json')).catch((caught: unknown) => caught), 'CONFIG_INVALID')).toBe(true);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
