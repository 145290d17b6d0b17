import { describe, expect, it } from 'vitest';
import { EXISTS_MAPPING, GOLDEN_MAPPING } from '../../test/golden-mappings.js';
import { dialectFor } from '../dialects/dialects.js';
import { genericSqlMapping } from './generic-sql-source.js';
import { describeMapping, rawColumnsOf } from './describe-mapping.js';

describe('describeMapping', () => {
  it('reports mapped fields, org scope, change tracking and pinyin pushdown', () => {
    const description = describeMapping(GOLDEN_MAPPING, dialectFor('mssql'), 500);
    expect(description).toEqual({
      fields: ['source', 'erp', 'code', 'name', 'shortName', 'phone', 'address', 'category', 'region', 'status', 'createdAt', 'updatedAt', 'org'],
      orgScope: { kind: 'org', withoutOrg: 'the home row' },
      changeTracking: 'modified-column',
      pinyinSearch: 'pushdown',
      unsupportedFilters: [],
      // Code, name and status always; the mapped text fields; the org column.
      sortFields: ['code', 'name', 'status', 'shortName', 'category', 'region', 'phone', 'org'],
      limits: { lookupBatch: 1000, page: 500 },
      resumable: true,
      rawColumns: { code: ['cCusCode'] },
      details: { dialect: 'mssql', table: 'dbo.Customer' },
    });
  });

  it('declares which raw columns carry which field: read and matched columns, the mnemonic, the org, rawCarries', () => {
    const raw = ['c.cCusCode', 'c.cCusName', 'c.cCusAbbName', 'c.cCusMnemCode', 'c.cCusAddress', 'c.cCusPostCode', 'c.cCCCode', 'c.cOrg', 'c.cCusEmail', 'c.dEndDate'];
    expect(rawColumnsOf({ ...GOLDEN_MAPPING, raw, rawCarries: { contact: ['c.cCusEmail', 'c.notInRaw'] } })).toEqual({
      code: ['cCusCode'],
      // The mnemonic holds the name's pinyin initials; a short name that falls back to the name carries it too.
      name: ['cCusName', 'cCusMnemCode'],
      shortName: ['cCusAbbName', 'cCusName'],
      address: ['cCusAddress', 'cCusPostCode'],
      category: ['cCCCode'],
      org: ['cOrg'],
      contact: ['cCusEmail'],
    });
    expect(rawColumnsOf({ ...EXISTS_MAPPING, raw: ['ca.ACCOUNT_NAME'] })).toEqual({ name: ['ACCOUNT_NAME'] });
  });

  it('lists filters whose field is not mapped; no mnemonic means the core scans pinyin', () => {
    const description = describeMapping(EXISTS_MAPPING, dialectFor('oracle'), 1000);
    expect(description.unsupportedFilters).toEqual(['phone', 'category', 'region', 'createdFrom', 'createdTo', 'updatedSince']);
    expect(description.pinyinSearch).toBe('scan');
    expect(description.changeTracking).toBe('none');
    expect(description.orgScope).toEqual({ kind: 'operating-unit', withoutOrg: 'the account, whatever its sites' });
    const minimal = describeMapping(genericSqlMapping({ table: 'Customer', columns: { code: 'CustomerID', name: 'CustomerName' } }), dialectFor('sqlite'), 1000);
    expect(minimal.unsupportedFilters).toEqual(['phone', 'category', 'region', 'org', 'createdFrom', 'createdTo', 'updatedSince']);
    expect(minimal.fields).toEqual(['source', 'erp', 'code', 'name', 'status']);
  });

  it('keeps lookups under the engine limits: Oracle IN lists, SQL Server parameters', () => {
    const manyConstants = { ...GOLDEN_MAPPING, where: { column: 'c.cType', in: Array.from({ length: 1500 }, (_, index) => index) } };
    expect(describeMapping(manyConstants, dialectFor('mssql'), 1000).limits.lookupBatch).toBe(2098 - 1500 - 2); // besides the codes: 1,500 constants, the blocked flag, the org
    expect(describeMapping(GOLDEN_MAPPING, dialectFor('oracle'), 1000).limits.lookupBatch).toBe(1000);
  });
});

describe('genericSqlMapping', () => {
  it('refuses column names that are not plain names', () => {
    expect(() => genericSqlMapping({ table: 'Customer', columns: { code: 'c.CustomerID', name: 'CustomerName' } })).toThrow(/plain column name/);
    expect(() => genericSqlMapping({ table: 'Customer', columns: { code: 'CustomerID', name: '' } })).toThrow(/plain column name/);
    expect(() => genericSqlMapping({ table: '', columns: { code: 'CustomerID', name: 'CustomerName' } })).toThrow(/table name/);
  });
});

describe('genericSqlMapping configuration errors', () => {
  it('names a misspelt column key and bad status values', () => {
    const columns = { code: 'CustomerID', name: 'CustomerName', phon: 'Tel' } as unknown as { code: string; name: string };
    expect(() => genericSqlMapping({ table: 'Customer', columns })).toThrow('unknown key "phon". Did you mean "phone"?');
    expect(() => genericSqlMapping({ table: 'Customer', columns: { code: 'a', name: 'b' }, status: { column: 'S', blocked: 'B' as unknown as string[] } })).toThrow(/status.blocked/);
  });
});
