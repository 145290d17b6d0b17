import { describe, expect, it } from 'vitest';
import { createYonyouSource } from '../src/index.js';

/** A stand-in for the mssql package that records how each parameter is declared. */
function fakeMssql(recordset: Array<Record<string, unknown>>) {
  const NVarChar = { type: 'NVarChar' };
  const inputs: Array<{ name: string; type: unknown; value: unknown }> = [];
  const statements: string[] = [];
  const pool = {
    connect: async () => pool,
    close: async () => {},
    request() {
      const request = {
        input(name: string, type: unknown, value: unknown) {
          inputs.push({ name, type, value });
          return request;
        },
        async query(sql: string) {
          statements.push(sql);
          return { recordset };
        },
      };
      return request;
    },
  };
  const module = { ConnectionPool: class {}, NVarChar, Int: { type: 'Int' }, BigInt: { type: 'BigInt' }, Float: { type: 'Float' } };
  return { pool, module, inputs, statements, NVarChar };
}

describe('U8 on SQL Server: Unicode parameters', () => {
  it('sends every text parameter as NVARCHAR and returns Chinese text unchanged', async () => {
    const row = { cc_code: '客户001', cc_name: '𠮷野家餐饮管理有限公司', cc_shortName: '𠮷野家', cc_status: 'active', cc_category: '零售客户' };
    const fake = fakeMssql([row]);
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
});
