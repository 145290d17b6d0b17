import { describe, expect, it } from 'vitest';
import { expectConfigErrors } from '../../../test-support/config-errors.js';
import { createYonyouSource, type YonyouOptions } from '../src/index.js';

describe('createYonyouSource options', () => {
  it('rejects bad options with a ConfigError naming the key, never echoing values', () => {
    const cases: Array<[unknown, string]> = [
      [{ name: 'u8', product: 'u9', connection: 'mssql://sa@h/UFDATA_001_2024' }, 'product'],
      [{ name: 'u8', product: 'u8' }, 'connection'],
      [{ name: 'u8', product: 'u8', connection: 'mssql://sa@h/UFDATA_001_2024', columns: 'likely' }, ''],
      [{ name: 'nc', product: 'nc', connection: 'oracle://nc@h/NC', columns: { taxId: 'taxpayerid; DROP' } }, 'columns.taxId'],
      [{ name: 'nc', product: 'nc', connection: 'oracle://nc@h/NC', columns: { fax: 'fax' } }, 'columns'],
      [{ name: 'u8', product: 'u8', connection: 'mssql://sa@h/U', password: 'S3cr3t-pw', schema: 'dbo.x' }, 'schema'],
    ];
    expectConfigErrors((options) => createYonyouSource(options as YonyouOptions), cases);
  });

  it('U8 is SQL Server and NC Oracle by URL; a client without a dialect takes the product default', () => {
    const client = { query: async () => [] };
    expect(createYonyouSource({ name: 'u8', product: 'u8', connection: 'mssql://sa@u8.example/UFDATA_001_2024' }).describe().details.dialect).toBe('mssql');
    expect(createYonyouSource({ name: 'u8', product: 'u8', connection: { client } }).describe().details.dialect).toBe('mssql');
    expect(createYonyouSource({ name: 'nc', product: 'nc', connection: { client } }).describe().details.dialect).toBe('oracle');
    expect(createYonyouSource({ name: 'nc', product: 'nc', connection: { dialect: 'postgres', client } }).describe().details.dialect).toBe('postgres');
  });

  it('declares the raw columns that carry fields: the mnemonic (pinyin initials) carries the name', () => {
    const client = { query: async () => [] };
    expect(createYonyouSource({ name: 'u8', product: 'u8', connection: { client } }).describe().rawColumns).toEqual({
      code: ['cCusCode'],
      name: ['cCusName', 'cCusMnemCode'],
      shortName: ['cCusAbbName'],
      category: ['cCCCode'],
      region: ['cDCCode'],
      createdAt: ['dCusCreateDatetime'],
      updatedAt: ['dModifyDate'],
    });
    const nc = createYonyouSource({ name: 'nc', product: 'nc', connection: { client }, columns: { shortName: 'shortname', phone: 'tel1', mnemonic: 'mnecode' } });
    expect(nc.describe().rawColumns).toEqual({ code: ['code'], name: ['name', 'mnecode'], shortName: ['shortname'], phone: ['tel1'], org: ['pk_org'] });
  });

  it('describe(): U8 unscoped with every field and pinyin pushdown; NC org-scoped, optional columns only when configured', () => {
    const u8 = createYonyouSource({ name: 'u8', product: 'u8', connection: 'mssql://sa@u8.example/UFDATA_001_2024' }).describe();
    expect(u8.orgScope.kind).toBe('none');
    expect(u8.pinyinSearch).toBe('pushdown');
    expect(u8.fields).toEqual(expect.arrayContaining(['shortName', 'taxId', 'phone', 'contact', 'address', 'category', 'region', 'createdAt', 'updatedAt']));
    const minimal = createYonyouSource({ name: 'nc', product: 'nc', connection: 'oracle://nc@nc.example/NC' }).describe();
    expect(minimal.orgScope.kind).toBe('org');
    expect(minimal.fields).not.toContain('taxId');
    expect(minimal.pinyinSearch).toBe('scan');
    expect(minimal.unsupportedFilters).toEqual(expect.arrayContaining(['phone', 'createdFrom', 'updatedSince']));
    const likely = createYonyouSource({ name: 'nc', product: 'nc', connection: 'oracle://nc@nc.example/NC', columns: 'likely' }).describe();
    expect(likely.fields).toEqual(expect.arrayContaining(['shortName', 'taxId', 'phone', 'createdAt', 'updatedAt']));
    expect(likely.pinyinSearch).toBe('pushdown');
  });
});
