import { isCustcodeError } from '@custcode/core';
import { createSapSource } from '@custcode/adapter-sap';
import { createRfcEmulator, type SapRow } from '@custcode/adapter-sap/emulator';
import { describe, expect, it } from 'vitest';

const collect = async <T>(items: AsyncIterable<T>) => {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
};

const kna1: SapRow[] = [
  { KUNNR: '0000001000', NAME1: '北京星辰科技有限公司', LAND1: 'CN', REGIO: '11', KTOKD: 'Z001', ERDAT: '20240105' },
  { KUNNR: '0000001001', NAME1: '上海明辉贸易有限公司', LAND1: 'CN', REGIO: '31', KTOKD: 'Z002', ERDAT: '20240106', SPERR: 'X' },
  { KUNNR: 'C-100', NAME1: 'Acme Trading Co., Ltd.', LAND1: 'CN', REGIO: '', KTOKD: 'Z002', ERDAT: '20240107' },
];
const tables = {
  KNA1: kna1,
  KNB1: [],
  KNVV: [],
  T005U: [
    { SPRAS: '1', LAND1: 'CN', BLAND: '11', BEZEI: '北京' },
    { SPRAS: '1', LAND1: 'CN', BLAND: '31', BEZEI: '上海' },
  ],
  T077X: [
    { SPRAS: '1', KTOKD: 'Z001', TXT30: '批发客户' },
    { SPRAS: '1', KTOKD: 'Z002', TXT30: '零售客户' },
  ],
};

/** A source whose RFC user may display `readable` only (S_TABU_NAM), with the emulator to count its calls. */
function sourceFor(readable: string[]) {
  const emulator = createRfcEmulator(tables, { user: 'RFC_READER', authorizations: { RFC_READER: { tables: readable } } });
  return { source: createSapSource({ name: 'sap', client: emulator }), emulator };
}
const textCalls = (emulator: ReturnType<typeof createRfcEmulator>) => emulator.calls.filter((call) => ['T005U', 'T077X'].includes(call.table)).map((call) => `${call.table}:${call.outcome}`);

describe('SAP without rights on the text tables', () => {
  it('reads customers with region and category codes, warns in describe(), and asks for the texts once', async () => {
    const { source, emulator } = sourceFor(['KNA1']);
    expect(source.describe().warnings).toBeUndefined();
    expect(await source.get('1000')).toMatchObject({ code: '1000', name: '北京星辰科技有限公司', region: '11', category: 'Z001' });
    expect((await collect(source.search())).map((customer) => [customer.code, customer.region, customer.category])).toEqual([
      ['1000', '11', 'Z001'],
      ['1001', '31', 'Z002'],
      ['C-100', undefined, 'Z002'],
    ]);
    expect((await collect(source.search({ region: '31' }))).map((customer) => customer.code)).toEqual(['1001']);
    expect(await source.count({})).toBe(3);
    expect(await source.count({ category: 'Z002', status: 'active' })).toBe(1);
    const [warning, ...more] = source.describe().warnings ?? [];
    expect(more).toEqual([]);
    expect(warning).toMatch(/T005U \(NOT_AUTHORIZED\), T077X \(NOT_AUTHORIZED\)/);
    expect(warning).toMatch(/region and category are reported as codes/);
    expect(warning).toMatch(/S_TABU_NAM/);
    // Once per source: each text table was tried once (its metadata call), never again.
    expect(textCalls(emulator)).toEqual(['T005U:NOT_AUTHORIZED', 'T077X:NOT_AUTHORIZED']);
  });

  it('keeps the names of the text table it may read', async () => {
    const { source } = sourceFor(['KNA1', 'T077X']);
    expect(await source.get('1001')).toMatchObject({ region: '31', category: '零售客户' });
    expect((await collect(source.search({ category: '零售客户' }))).map((customer) => customer.code)).toEqual(['1001', 'C-100']);
    expect(source.describe().warnings).toEqual([expect.stringMatching(/text table T005U \(NOT_AUTHORIZED\) .*: region is reported as codes/)]);
  });

  it('reads names with full rights, and without a warning', async () => {
    const { source } = sourceFor(['KNA1', 'T005U', 'T077X']);
    expect(await source.get('1000')).toMatchObject({ region: '北京', category: '批发客户' });
    expect(source.describe().warnings).toBeUndefined();
  });

  it('counts without reading the text tables unless the filter names a region or category', async () => {
    const { source, emulator } = sourceFor(['KNA1', 'T005U', 'T077X']);
    expect(await source.count({})).toBe(3);
    expect(await source.count({ status: 'blocked' })).toBe(1);
    expect(await source.count({ name: 'acme', codePrefix: 'C' })).toBe(1);
    expect(textCalls(emulator)).toEqual([]);
    expect(await source.count({ region: '北京' })).toBe(1);
    expect(textCalls(emulator).length).toBeGreaterThan(0);
  });

  it('still fails when the customer table itself is not readable, and on other errors of a text table', async () => {
    const kna1Denied = await sourceFor(['T005U', 'T077X']).source.count({}).catch((error: unknown) => error);
    expect(isCustcodeError(kna1Denied, 'NOT_AUTHORIZED')).toBe(true);
    let failures = 1;
    const flaky = createRfcEmulator(tables);
    const client = {
      async call(functionModule: string, parameters: Record<string, unknown>) {
        if (parameters.QUERY_TABLE === 'T005U' && failures-- > 0) throw Object.assign(new Error('DBIF_RSQL_SQL_ERROR'), { name: 'ABAPError', code: 3, codeString: 'RFC_ABAP_RUNTIME_FAILURE', key: 'DBIF_RSQL_SQL_ERROR' });
        return flaky.call(functionModule, parameters);
      },
    };
    const source = createSapSource({ name: 'sap', client });
    expect(isCustcodeError(await source.get('1000').catch((error: unknown) => error), 'BACKEND_ERROR')).toBe(true);
    // Not remembered as "unreadable": the next call reads the texts.
    expect(await source.get('1000')).toMatchObject({ region: '北京' });
    expect(source.describe().warnings).toBeUndefined();
  });
});
