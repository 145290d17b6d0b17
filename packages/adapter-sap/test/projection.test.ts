import { createSapSource } from '@custcode/adapter-sap';
import { createRfcEmulator, seedODataService, seedSapTables, startODataEmulator, type ODataEmulator, type SapRow } from '@custcode/adapter-sap/emulator';
import type { Customer } from '@custcode/core';
import { canonicalCustomers } from '@custcode/core/testing';
import { afterEach, describe, expect, it } from 'vitest';

const collect = async <T>(items: AsyncIterable<T>) => {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
};
const key = (customer: Record<string, unknown>) => `${String(customer.code)}|${String(customer.org ?? '')}`;
const byKey = (a: Record<string, unknown>, b: Record<string, unknown>) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
/** The expected projected record, written from the seed's expected record: asked and identity fields with a value. */
const picked = (customer: Customer, fields: readonly string[]) =>
  Object.fromEntries(Object.entries(customer).filter(([name, value]) => value !== undefined && name !== 'raw' && ['source', 'erp', 'code', 'org', ...fields].includes(name)));

/** N customers with every mapped KNA1 field filled, two account groups and regions (their texts seeded too). */
function kna1(count: number): SapRow[] {
  return Array.from({ length: count }, (_, index) => ({
    KUNNR: String(100_000 + index).padStart(10, '0'),
    NAME1: `Kunde ${index}`,
    NAME2: index % 2 === 0 ? 'GmbH' : '',
    SORTL: `K${index}`,
    STCD1: `DE${index}`,
    STCEG: '',
    TELF1: `030-${index}`,
    STRAS: `Strasse ${index}`,
    ORT01: 'Berlin',
    PSTLZ: '10115',
    REGIO: index % 3 === 0 ? '11' : '31',
    LAND1: 'CN',
    ERDAT: '20240105',
    LOEVM: '',
    SPERR: index % 7 === 0 ? 'X' : '',
    AUFSD: '',
    KTOKD: index % 2 === 0 ? 'KUNA' : 'KUNB',
  }));
}
const texts = {
  T077X: [
    { SPRAS: '1', KTOKD: 'KUNA', TXT30: '内部客户' },
    { SPRAS: '1', KTOKD: 'KUNB', TXT30: '外部客户' },
  ],
  T005U: [
    { SPRAS: '1', LAND1: 'CN', BLAND: '11', BEZEI: '北京' },
    { SPRAS: '1', LAND1: 'CN', BLAND: '31', BEZEI: '上海' },
  ],
};

describe('projection on the RFC transport', () => {
  // Widths written out from the DDIC lengths (KUNNR 10, NAME1 35, NAME2 35, SORTL 10, STCD1 16, STCEG 20, TELF1 16,
  // STRAS 35, ORT01 35, PSTLZ 10, REGIO 3, LAND1 3, ERDAT 8, LOEVM 1, SPERR 1, AUFSD 2, KTOKD 4).
  const FULL_WIDTH = 244;
  const CODE_NAME_TAX_WIDTH = 10 + 35 + 35 + 16 + 20;
  const ROWS = 1_200;
  const PAGE = 500;
  const LINE = 128;

  it('code,name,taxId over N rows: ⌈N/page⌉ × ⌈width/line⌉ data calls for the narrower width, no text tables, fewer calls in all', async () => {
    const rows = kna1(ROWS);
    const full = createRfcEmulator({ KNA1: rows, ...texts });
    const fullRecords = await collect(createSapSource({ name: 'sap', client: full, pageSize: PAGE, rowWidth: LINE }).search());
    const narrow = createRfcEmulator({ KNA1: rows, ...texts });
    const projected = await collect(createSapSource({ name: 'sap', client: narrow, pageSize: PAGE, rowWidth: LINE }).search({ fields: ['code', 'name', 'taxId'] }));

    const pages = Math.ceil(ROWS / PAGE);
    const kna1Data = (emulator: typeof full) => emulator.calls.filter((call) => call.table === 'KNA1' && !call.noData && call.fields.length > 1);
    expect(kna1Data(full)).toHaveLength(pages * Math.ceil(FULL_WIDTH / LINE));
    expect(kna1Data(narrow)).toHaveLength(pages * Math.ceil(CODE_NAME_TAX_WIDTH / LINE));
    expect(new Set(kna1Data(narrow).flatMap((call) => call.fields))).toEqual(new Set(['KUNNR', 'NAME1', 'NAME2', 'STCD1', 'STCEG']));
    expect(full.calls.filter((call) => call.table === 'T077X' || call.table === 'T005U').length).toBe(4);
    expect(narrow.calls.filter((call) => call.table !== 'KNA1')).toEqual([]);
    // Full: 4 metadata calls (key list, KNA1 list, two text tables), 2 text reads, 1 key window, 3 pages × 2 groups.
    // Projected: 2 metadata calls, 1 key window, 3 pages × 1 group.
    expect(full.callCount).toBe(4 + 2 + 1 + pages * 2);
    expect(narrow.callCount).toBe(2 + 1 + pages * 1);

    expect(projected).toHaveLength(ROWS);
    expect(projected[7]).toEqual({ source: 'sap', erp: 'sap', code: '100007', name: 'Kunde 7', taxId: 'DE7' });
    expect(projected[8]).toEqual({ source: 'sap', erp: 'sap', code: '100008', name: 'Kunde 8 GmbH', taxId: 'DE8' });
    expect(fullRecords[8]).toMatchObject({ category: '内部客户', region: '上海', status: 'active' });
  });

  it('a filter on a field not asked for still applies: its columns (and texts) are read, the record carries only the asked fields', async () => {
    const emulator = createRfcEmulator({ KNA1: kna1(60), ...texts });
    const source = createSapSource({ name: 'sap', client: emulator, pageSize: 25 });
    const blocked = await collect(source.search({ status: 'blocked', fields: ['code'] }));
    expect(blocked.map((customer) => customer.code)).toEqual(kna1(60).flatMap((row, index) => (row.SPERR === 'X' ? [String(100_000 + index)] : [])));
    expect(blocked.every((customer) => Object.keys(customer).sort().join() === 'code,erp,source')).toBe(true);
    const beijing = await collect(source.search({ region: '北京', fields: ['name'] }));
    expect(beijing.map((customer) => customer.name)).toEqual(kna1(60).flatMap((row, index) => (index % 3 === 0 ? [index % 2 === 0 ? `Kunde ${index} GmbH` : `Kunde ${index}`] : [])));
    expect(emulator.calls.some((call) => call.table === 'T005U' && !call.noData)).toBe(true);
  });

  it('with company codes, KNB1 is read for its keys only unless status or raw is asked; the records match the seed', async () => {
    const { tables, expected } = seedSapTables(canonicalCustomers(), { orgScope: 'company-code' });
    const emulator = createRfcEmulator(tables);
    const source = createSapSource({ name: 'sap', client: emulator, orgScope: 'company-code' });
    const knb1Fields = () => emulator.calls.filter((call) => call.table === 'KNB1' && !call.noData && call.fields.length > 1).map((call) => call.fields.join(','));

    const codes = await collect(source.search({ fields: ['code', 'name'] }));
    expect(codes.sort(byKey)).toEqual(expected.map((customer) => picked(customer, ['name'])).sort(byKey));
    expect(new Set(knb1Fields())).toEqual(new Set(['KUNNR,BUKRS']));

    emulator.resetCalls();
    const statuses = await collect(source.search({ fields: ['status'] }));
    expect(statuses.sort(byKey)).toEqual(expected.map((customer) => picked(customer, ['status'])).sort(byKey));
    expect(new Set(knb1Fields())).toEqual(new Set(['KUNNR,BUKRS,LOEVM,SPERR']));

    emulator.resetCalls();
    const raw = await collect(source.search({ fields: ['raw'], limit: 5 }));
    expect(raw.every((customer) => typeof customer.raw?.['KNB1-ERDAT'] === 'string' && typeof customer.raw?.NAME1 === 'string')).toBe(true);
    expect(new Set(knb1Fields())).toEqual(new Set(['KUNNR,BUKRS,LOEVM,SPERR,ERDAT']));
  });
});

describe('projection on the OData transport', () => {
  let emulator: ODataEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });
  const basic = { basic: { user: 'ODATA_USER', password: 'password' } };

  it('code,name,taxId: $select of exactly those A_Customer properties and no A_BusinessPartner request', async () => {
    const seed = seedODataService(canonicalCustomers());
    emulator = await startODataEmulator(seed.tables, { lastChanged: seed.lastChanged, serverPageSize: 10 });
    const source = createSapSource({ name: 'sap', transport: 'odata', url: emulator.url, auth: basic, pageSize: 1000 });
    const records = await collect(source.search({ fields: ['code', 'name', 'taxId'] }));
    expect(records.sort(byKey)).toEqual(seed.expected.map((customer) => picked(customer, ['name', 'taxId'])).sort(byKey));
    const customers = emulator.requests.filter((request) => request.resource === 'A_Customer');
    expect(customers).toHaveLength(Math.ceil(seed.expected.length / 10));
    expect(customers[0]!.query.get('$select')).toBe('Customer,CustomerName,CustomerFullName,TaxNumber1,VATRegistration');
    expect(emulator.requests.filter((request) => request.resource !== 'A_Customer')).toEqual([]);
  });

  it('phone: the partner read selects the phone paths and expands both navigations; shortName alone expands none', async () => {
    const seed = seedODataService(canonicalCustomers());
    emulator = await startODataEmulator(seed.tables, { lastChanged: seed.lastChanged, serverPageSize: 1000 });
    const source = createSapSource({ name: 'sap', transport: 'odata', url: emulator.url, auth: basic, pageSize: 1000 });
    const phones = await collect(source.search({ fields: ['phone'] }));
    expect(phones.sort(byKey)).toEqual(seed.expected.map((customer) => picked(customer, ['phone'])).sort(byKey));
    const partner = emulator.requests.find((request) => request.resource === 'A_BusinessPartner')!;
    expect(partner.query.get('$select')).toBe(
      'BusinessPartner,Customer,to_BusinessPartnerAddress/AddressID,to_BusinessPartnerAddress/to_PhoneNumber/OrdinalNumber,to_BusinessPartnerAddress/to_PhoneNumber/PhoneNumber,to_BusinessPartnerAddress/to_PhoneNumber/PhoneNumberExtension,to_BusinessPartnerAddress/to_PhoneNumber/IsDefaultPhoneNumber',
    );
    expect(partner.query.get('$expand')).toBe('to_BusinessPartnerAddress,to_BusinessPartnerAddress/to_PhoneNumber');
    expect(emulator.requests.find((request) => request.resource === 'A_Customer')!.query.get('$select')).toBe('Customer');

    emulator.requests.length = 0;
    const shortNames = await collect(source.search({ fields: ['shortName'] }));
    expect(shortNames.sort(byKey)).toEqual(seed.expected.map((customer) => picked(customer, ['shortName'])).sort(byKey));
    const partnerAgain = emulator.requests.find((request) => request.resource === 'A_BusinessPartner')!;
    expect(partnerAgain.query.get('$select')).toBe('BusinessPartner,Customer,SearchTerm1');
    expect(partnerAgain.query.has('$expand')).toBe(false);
  });

  it('a filter on an unasked partner field (updatedSince) still reads and applies it; with company codes the org set is read for its keys', async () => {
    const seed = seedODataService(canonicalCustomers(), { orgScope: 'company-code' });
    emulator = await startODataEmulator(seed.tables, { lastChanged: seed.lastChanged, serverPageSize: 1000 });
    const source = createSapSource({ name: 'sap', transport: 'odata', url: emulator.url, auth: basic, orgScope: 'company-code', pageSize: 1000 });
    const since = '2024-06-01';
    const changed = await collect(source.search({ updatedSince: since, fields: ['code'] }));
    const expected = seed.expected.filter((customer) => (customer.updatedAt ?? customer.createdAt ?? '') >= `${since}T00:00:00`);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(seed.expected.length);
    expect(changed.sort(byKey)).toEqual(expected.map((customer) => picked(customer, [])).sort(byKey));
    expect(emulator.requests.find((request) => request.resource === 'A_BusinessPartner')!.query.get('$select')).toBe('BusinessPartner,Customer,LastChangeDate,LastChangeTime');
    expect(emulator.requests.find((request) => request.resource === 'A_CustomerCompany')!.query.get('$select')).toBe('Customer,CompanyCode');
  });
});
