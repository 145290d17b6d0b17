import { describe, expect, it } from 'vitest';
import { fakeMssql } from '../../../test-support/fake-mssql.js';
import { createYonyouSource } from '../src/index.js';

describe('U8 on SQL Server: Unicode parameters', () => {
  it('sends every text parameter as NVARCHAR and returns Chinese text unchanged', async () => {
    const row = { cc_code: '客户001', cc_name: '𠮷野家餐饮管理有限公司', cc_shortName: '𠮷野家', cc_status: 'active', cc_category: '零售客户' };
    const fake = fakeMssql(async () => ({ recordset: [row] }));
    const source = createYonyouSource({ name: 'u8', product: 'u8', connection: { client: fake.pool }, importDriver: async () => fake.module });
    const customer = await source.get('客户001');
    expect(customer).toMatchObject({ code: '客户001', name: '𠮷野家餐饮管理有限公司', shortName: '𠮷野家', category: '零售客户', status: 'active' });
    const hits = [];
    for await (const found of source.search({ text: '野家', category: '零售客户' })) hits.push(found.code);
    expect(hits).toEqual(['客户001']);
    expect(fake.statements[0]).toContain('[c].[cCusCode] IN (@p1)');
    expect(fake.inputs[0]).toEqual({ name: 'p1', type: fake.NVarChar, value: '客户001' });
    const textInputs = fake.inputs.filter((input) => typeof input.value === 'string');
    expect(textInputs.length).toBeGreaterThan(4);
    for (const input of textInputs) expect(input.type, input.name).toBe(fake.NVarChar);
    expect(fake.inputs.map((input) => input.value)).toEqual(expect.arrayContaining(['%野家%', '零售客户']));
    await source.close();
  });

  it('a URL connection opens its own pool from the driver module, binding the same way', async () => {
    const fake = fakeMssql(async () => ({ recordset: [{ cc_code: '客户001', cc_name: '𠮷野家餐饮管理有限公司', cc_status: 'active' }] }));
    const source = createYonyouSource({ name: 'u8', product: 'u8', connection: 'mssql://sa@127.0.0.1:1/UFDATA_001_2024', importDriver: async () => fake.module });
    expect((await source.get('客户001'))?.name).toBe('𠮷野家餐饮管理有限公司');
    expect(fake.statements).toHaveLength(1);
    expect(fake.inputs).toEqual([{ name: 'p1', type: fake.NVarChar, value: '客户001' }]);
    await source.close();
  });
});
