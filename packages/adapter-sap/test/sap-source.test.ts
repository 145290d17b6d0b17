import { isCustcodeError, type Customer } from '@custcode/core';
import { createSapSource } from '@custcode/adapter-sap';
import { createRfcEmulator, type SapRow } from '@custcode/adapter-sap/emulator';
import { describe, expect, it } from 'vitest';
import { failingImport, sapSourceWithNodeRfc } from './test-sources.js';

const collect = async <T>(items: AsyncIterable<T>) => {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
};
const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as Error & Record<string, unknown>);

function kna1(count: number): SapRow[] {
  return Array.from({ length: count }, (_, index) => ({
    KUNNR: String(1000 + index).padStart(10, '0'),
    NAME1: `Kunde ${index}`,
    REGIO: index % 3 === 0 ? '11' : '31',
    KTOKD: 'KUNA',
    ERDAT: '20240105',
    NAME3: `Name three ${index}`,
    STCD5: `T5-${index}`,
    MCOD3: `match ${index}`,
  }));
}
const tables = (rows: SapRow[], extra: Partial<Record<'KNB1' | 'KNVV', SapRow[]>> = {}) => ({ KNA1: rows, KNB1: extra.KNB1 ?? [], KNVV: extra.KNVV ?? [] });

describe('createSapSource on the RFC_READ_TABLE emulator', () => {
  it('splits a field list wider than 512 characters across calls and joins the parts on KUNNR', async () => {
    const emulator = createRfcEmulator(tables(kna1(12)));
    const extraFields = ['NAME3', 'NAME4', 'ORT02', 'TELFX', 'MCOD1', 'MCOD2', 'MCOD3', 'ANRED', 'BRSCH', 'KONZS', 'ERNAM', 'STCD2', 'STCD3', 'STCD4', 'STCD5', 'SPRAS'];
    const source = createSapSource({ name: 'sap', client: emulator, extraFields, texts: false });
    const all = await collect(source.search());
    expect(all).toHaveLength(12);
    for (const [index, customer] of all.entries()) {
      expect(customer.raw).toMatchObject({ KUNNR: String(1000 + index).padStart(10, '0'), NAME1: `Kunde ${index}`, NAME3: `Name three ${index}`, STCD5: `T5-${index}`, MCOD3: `match ${index}` });
    }
    const dataCalls = emulator.calls.filter((call) => !call.noData && call.fields.length > 1);
    expect(dataCalls.length).toBe(2);
    for (const call of dataCalls) expect(call.fields[0]).toBe('KUNNR');
    expect(emulator.calls.some((call) => call.outcome === 'DATA_BUFFER_EXCEEDED')).toBe(false);
  });

  it('finds 1000 as 0000001000 and back, and keeps alphanumeric codes as they are', async () => {
    const rows = [
      { KUNNR: '0000001000', NAME1: 'Numeric' },
      { KUNNR: 'C-100', NAME1: 'Alphanumeric' },
    ];
    const emulator = createRfcEmulator(tables(rows));
    const source = createSapSource({ name: 'sap', client: emulator, texts: false });
    for (const input of ['1000', '0000001000', '001000', ' 1000 ']) expect((await source.get(input))?.code, input).toBe('1000');
    expect((await source.get('C-100'))?.name).toBe('Alphanumeric');
    expect(await source.get('c-100')).toBeUndefined();
    const lookup = emulator.calls.find((call) => call.options.join(' ').includes("'0000001000'"));
    expect(lookup, 'the query uses the internal (padded) form').toBeDefined();
    expect((await collect(source.search({ codePrefix: '10' }))).map((customer) => customer.code)).toEqual(['1000']);
  });

  it('sends a long IN list as several OPTIONS lines of at most 72 characters', async () => {
    const emulator = createRfcEmulator(tables(kna1(150)));
    const source = createSapSource({ name: 'sap', client: emulator, texts: false });
    const codes = Array.from({ length: 150 }, (_, index) => String(1000 + index));
    const results = await collect(source.getMany([...codes, 'NOPE']));
    expect(results.map((result) => result.customer?.code ?? null)).toEqual([...codes, null]);
    const lookups = emulator.calls.filter((call) => call.options.some((line) => line.includes(' IN ')));
    expect(lookups.length).toBe(2);
    for (const call of lookups) {
      expect(call.options.length).toBeGreaterThan(5);
      for (const line of call.options) expect(line.length).toBeLessThanOrEqual(72);
    }
  });

  it('doubles quotes in values sent to the system', async () => {
    const emulator = createRfcEmulator({ ...tables([{ KUNNR: "A'B", NAME1: "O'Brien", KTOKD: 'Z1' }]), T077X: [{ SPRAS: '1', KTOKD: 'Z1', TXT30: "Dealer's group" }] });
    const source = createSapSource({ name: 'sap', client: emulator });
    expect((await source.get("A'B"))?.name).toBe("O'Brien");
    expect((await collect(source.search({ category: "Dealer's group" }))).map((customer) => customer.code)).toEqual(["A'B"]);
    expect(emulator.calls.some((call) => call.options.some((line) => line.includes("'A''B'")))).toBe(true);
  });

  it('surfaces NOT_AUTHORIZED as NotAuthorizedError with a fix hint', async () => {
    const emulator = createRfcEmulator(tables(kna1(3)), { authorize: (table) => table !== 'KNA1' });
    const error = await rejection(createSapSource({ name: 'sap', client: emulator, texts: false }).count());
    expect(isCustcodeError(error, 'NOT_AUTHORIZED'), String(error)).toBe(true);
    expect(String(error?.hint)).toMatch(/S_TABU_DIS|S_TABU_NAM/);
  });

  it('maps the other read-table exceptions to typed errors', async () => {
    const unknownField = await rejection(collect(createSapSource({ name: 'sap', client: createRfcEmulator(tables(kna1(2))), texts: false, extraFields: ['NOFIELD'] }).search()));
    expect(isCustcodeError(unknownField, 'CONFIG_INVALID'), String(unknownField)).toBe(true);
    const wrongModule = await rejection(createSapSource({ name: 'sap', client: createRfcEmulator(tables(kna1(2))), functionModule: 'Z_MISSING' }).count());
    expect(isCustcodeError(wrongModule, 'CONFIG_INVALID'), String(wrongModule)).toBe(true);
    const custom = createRfcEmulator(tables(kna1(4)), { functionModules: ['/BODS/RFC_READ_TABLE2'] });
    expect(await createSapSource({ name: 'sap', client: custom, functionModule: '/BODS/RFC_READ_TABLE2', texts: false }).count()).toBe(4);
  });

  it('treats TABLE_WITHOUT_DATA as an empty result', async () => {
    const client = {
      async call(_module: string, parameters: Record<string, unknown>) {
        if (parameters.NO_DATA === 'X') return { DATA: [], FIELDS: [{ FIELDNAME: 'KUNNR', OFFSET: '000000', LENGTH: '000010', TYPE: 'C' }] };
        throw Object.assign(new Error('TABLE_WITHOUT_DATA'), { name: 'ABAPError', code: 5, key: 'TABLE_WITHOUT_DATA' });
      },
    };
    const source = createSapSource({ name: 'sap', client, texts: false });
    expect(await collect(source.search())).toEqual([]);
    expect(await source.get('1000')).toBeUndefined();
  });

  it('pages unsorted, capped results without losing or repeating rows', async () => {
    const rows = kna1(97);
    for (const seed of [1, 2, 3]) {
      const emulator = createRfcEmulator(tables(rows), { seed });
      const source = createSapSource({ name: 'sap', client: emulator, pageSize: 4, keyWindow: 6, texts: false });
      const codes = (await collect(source.search())).map((customer) => customer.code);
      expect(codes).toEqual(rows.map((row) => String(Number(row.KUNNR))));
      expect((await collect(source.search({ region: '11', limit: 10 }))).map((customer) => customer.code)).toEqual(
        rows.filter((row) => row.REGIO === '11').slice(0, 10).map((row) => String(Number(row.KUNNR))),
      );
      expect(emulator.calls.every((call) => call.rowSkips === 0), 'never pages with ROWSKIPS').toBe(true);
    }
  });

  it('makes the minimum data calls for a full scan when the key window holds the table', async () => {
    const rows = kna1(100);
    const emulator = createRfcEmulator(tables(rows));
    const source = createSapSource({ name: 'sap', client: emulator, pageSize: 25, keyWindow: 1000, texts: false });
    expect(await collect(source.search())).toHaveLength(100);
    const metadata = emulator.calls.filter((call) => call.noData).length;
    const keyCalls = emulator.calls.filter((call) => !call.noData && call.fields.length === 1).length;
    const dataCalls = emulator.calls.filter((call) => !call.noData && call.fields.length > 1).length;
    expect({ metadata, keyCalls, dataCalls }).toEqual({ metadata: 2, keyCalls: 1, dataCalls: Math.ceil(100 / 25) });
  });

  it('applies the org-level flags: KNB1 LOEVM/SPERR and KNVV LOEVM/AUFSD', async () => {
    const rows = [{ KUNNR: '0000001000', NAME1: 'Org flags' }];
    const knb1: SapRow[] = [
      { KUNNR: '0000001000', BUKRS: '1000' },
      { KUNNR: '0000001000', BUKRS: '2000', SPERR: 'X' },
      { KUNNR: '0000001000', BUKRS: '3000', LOEVM: 'X' },
    ];
    const knvv: SapRow[] = [
      { KUNNR: '0000001000', VKORG: '1000', VTWEG: '10', SPART: '00' },
      { KUNNR: '0000001000', VKORG: '2000', VTWEG: '10', SPART: '00', AUFSD: '01' },
      { KUNNR: '0000001000', VKORG: '3000', VTWEG: '10', SPART: '00', LOEVM: 'X' },
    ];
    const emulator = createRfcEmulator(tables(rows, { KNB1: knb1, KNVV: knvv }));
    const statuses = async (orgScope: 'company-code' | 'sales-area') =>
      (await collect(createSapSource({ name: 'sap', client: emulator, orgScope, texts: false }).search())).map((customer: Customer) => `${customer.org}:${customer.status}`);
    expect(await statuses('company-code')).toEqual(['1000:active', '2000:blocked', '3000:deleted']);
    expect(await statuses('sales-area')).toEqual(['1000/10/00:active', '2000/10/00:blocked', '3000/10/00:deleted']);
    const source = createSapSource({ name: 'sap', client: emulator, orgScope: 'company-code', texts: false });
    expect(await source.count({ status: 'active' })).toBe(1);
    expect((await source.get('1000', { org: '2000' }))?.status).toBe('blocked');
    expect(await source.get('1000', { org: '1000/10/00' })).toBeUndefined();
  });

  it('pages one org by the org table\u2019s keys (KUNNR is unique within a company code)', async () => {
    const rows = kna1(40);
    const knb1: SapRow[] = rows.flatMap((row, index) => [{ KUNNR: row.KUNNR!, BUKRS: '1000' }, ...(index % 4 === 0 ? [{ KUNNR: row.KUNNR!, BUKRS: '2000' }] : [])]);
    const emulator = createRfcEmulator(tables(rows, { KNB1: knb1 }), { seed: 5 });
    const source = createSapSource({ name: 'sap', client: emulator, orgScope: 'company-code', pageSize: 3, keyWindow: 4, texts: false });
    const codes = (await collect(source.search({ org: '2000' }))).map((customer) => customer.code);
    expect(codes).toEqual(rows.filter((_, index) => index % 4 === 0).map((row) => String(Number(row.KUNNR))));
    const keyCalls = emulator.calls.filter((call) => !call.noData && call.fields.length === 1);
    expect(keyCalls.every((call) => call.table === 'KNB1' && call.options.join(' ').includes("BUKRS = '2000'"))).toBe(true);
  });

  it('describes itself: sap-alpha codes, change tracking from change documents, pinyin scanned by core', () => {
    const description = createSapSource({ name: 'sap', client: createRfcEmulator(tables([])), orgScope: 'sales-area' }).describe();
    expect(description).toMatchObject({ codeForm: 'sap-alpha', changeTracking: 'change-documents', pinyinSearch: 'scan', orgScope: { kind: 'sales-area' }, limits: { lookupBatch: 100 } });
    // Every KNA1 field that holds a maskable value, read by default or added with extraFields.
    expect(description.rawColumns).toMatchObject({
      name: ['NAME1', 'NAME2', 'NAME3', 'NAME4', 'MCOD1', 'MCOD2'],
      shortName: ['SORTL'],
      taxId: ['STCD1', 'STCD2', 'STCD3', 'STCD4', 'STCD5', 'STCEG'],
      phone: ['TELF1', 'TELF2', 'TELFX', 'TELBX', 'TELTX', 'TELX1'],
      address: ['STRAS', 'ORT01', 'ORT02', 'PSTLZ', 'PFACH', 'PSTL2', 'MCOD3'],
      org: ['KNVV-VKORG', 'KNVV-VTWEG', 'KNVV-SPART'],
    });
  });
});

describe('createSapSource without a client', () => {
  const connectionParameters = { ashost: 'sap.example', sysnr: '00', client: '100', user: 'RFC', passwd: 'Geheim-123' };

  it('says that node-rfc is missing and how to pass a client (the real import, node-rfc is not installed here)', async () => {
    const error = await rejection(createSapSource({ name: 'sap', connectionParameters }).count());
    expect(isCustcodeError(error, 'DRIVER_MISSING'), String(error)).toBe(true);
    expect(error?.packageName).toBe('node-rfc');
    expect(error?.message).toMatch(/not installed/);
    expect(String(error?.hint)).toMatch(/client/);
    expect(JSON.stringify(error)).not.toContain('Geheim-123');
  });

  it('says when node-rfc is installed but the SAP NW RFC SDK cannot load (ERR_DLOPEN_FAILED)', async () => {
    const error = await rejection(sapSourceWithNodeRfc({ name: 'sap', connectionParameters }, failingImport('ERR_DLOPEN_FAILED')).count());
    expect(isCustcodeError(error, 'DRIVER_MISSING'), String(error)).toBe(true);
    expect(error?.message).toMatch(/ERR_DLOPEN_FAILED.*SDK/);
    expect(String(error?.hint)).toMatch(/SAPNWRFC_HOME.*client/);
  });

  it('opens a node-rfc client from connectionParameters on first use, once, and closes it with the source', async () => {
    const emulator = createRfcEmulator(tables(kna1(5)));
    const events: string[] = [];
    class Client {
      constructor(readonly parameters: Record<string, string>) {
        events.push(`new ${parameters.ashost}`);
      }
      async open() {
        events.push('open');
      }
      async close() {
        events.push('close');
      }
      call(functionModule: string, parameters: Record<string, unknown>) {
        return emulator.call(functionModule, parameters);
      }
    }
    const source = sapSourceWithNodeRfc({ name: 'sap', connectionParameters, texts: false }, async () => ({ Client }));
    expect(events).toEqual([]);
    expect(await source.count()).toBe(5);
    expect((await source.get('1003'))?.name).toBe('Kunde 3');
    await source.close();
    expect(events).toEqual(['new sap.example', 'open', 'close']);
  });

  it('rejects options without a transport, or with both, as a ConfigError', () => {
    expect(() => createSapSource({ name: 'sap' })).toThrow(/exactly one of client or connectionParameters/);
    expect(() => createSapSource({ name: 'sap', connectionParameters, client: createRfcEmulator(tables([])) })).toThrow(/exactly one/);
  });
});
