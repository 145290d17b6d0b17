import { type Customer, type CustomerSource } from '@custcode/core';
import { createGenericSqlSource } from '@custcode/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';
import { API_KEYS, entryOf, fixtureApp } from './testing/api-fixtures.js';

const ROWS = [
  { CustomerID: 'K001', CustomerName: '北京华信科技有限公司', Phone: '13800000001', TaxNo: '91110108MA01C23411', OrgId: '100001' },
  { CustomerID: 'K002', CustomerName: '上海浦东发展有限公司', Phone: '13800000002', TaxNo: '91110108MA01C23422', OrgId: '100002' },
  { CustomerID: 'K003', CustomerName: '广州测试贸易公司', Phone: '13800000003', TaxNo: '91110108MA01C23433', OrgId: '100002' },
];

for (const backend of testBackends()) {
  if (backend.unavailable) console.warn(`[server API] ${backend.unavailable}`);

  describe.skipIf(backend.unavailable !== undefined)(`API over a generic-sql source on ${backend.name}`, () => {
    let database: TestDatabase;
    let source: CustomerSource;
    let app: ReturnType<typeof fixtureApp>;
    beforeAll(async () => {
      database = await backend.createDatabase();
      const q = (name: string) => database.quote(name);
      await database.run(`CREATE TABLE ${q('crm_customer')} (${['CustomerID', 'CustomerName', 'Phone', 'TaxNo', 'OrgId'].map((column) => `${q(column)} VARCHAR(100)`).join(', ')})`);
      await database.insert('crm_customer', ROWS);
      source = createGenericSqlSource({
        name: 'k3',
        connection: database.url,
        table: 'crm_customer',
        columns: { code: 'CustomerID', name: 'CustomerName', phone: 'Phone', taxId: 'TaxNo', org: 'OrgId' },
      });
      app = fixtureApp({ sources: { k3: entryOf(source) } });
    });
    afterAll(async () => {
      await app?.custcode.close();
      await database?.drop();
    });

    it('masks per role and applies the row filter in SQL', async () => {
      const viewer = (await (await app.request('/sources/k3/customers?count=1', { key: API_KEYS.viewer })).json()) as { items: Customer[]; total: number };
      expect(viewer.items.map((customer) => [customer.code, customer.phone, customer.taxId])).toEqual([
        ['K002', '138****0002', '9111********3422'],
        ['K003', '138****0003', '9111********3433'],
      ]);
      expect(viewer.total).toBe(2);
      expect(JSON.stringify(viewer)).not.toContain('13800000002');
      const admin = (await (await app.request('/sources/k3/customers/K001', { key: API_KEYS.admin })).json()) as Customer;
      expect(admin.raw.Phone).toBe('13800000001');
      expect((await app.request('/sources/k3/customers/K001', { key: API_KEYS.viewer })).status).toBe(404);
    });

    it('pages with a cursor, one row at a time', async () => {
      const codes: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page += 1) {
        const response = await app.request(`/sources/k3/customers?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { key: API_KEYS.analyst });
        const body = (await response.json()) as { items: Customer[]; nextCursor?: string };
        codes.push(...body.items.map((item) => item.code));
        cursor = body.nextCursor;
        if (cursor === undefined) break;
      }
      expect(codes).toEqual(['K001', 'K002', 'K003']);
    });

    it('opens each stored record exactly, odd codes included, and lists filter values', async () => {
      const q = (name: string) => database.quote(name);
      await database.run(`CREATE TABLE ${q('odd_customer')} (${['CustomerID', 'CustomerName', 'OrgId', 'Region'].map((column) => `${q(column)} VARCHAR(100)`).join(', ')})`);
      const odd = [
        { CustomerID: 'K002', CustomerName: 'plain', OrgId: '100002', Region: '01' },
        { CustomerID: ' K002', CustomerName: 'leading space', OrgId: '100002', Region: '02' },
        { CustomerID: 'K002 ', CustomerName: 'trailing space', OrgId: '100001', Region: '03' },
        { CustomerID: 'Ｋ002', CustomerName: 'full width', OrgId: '100002', Region: '01' },
        { CustomerID: '', CustomerName: 'empty', OrgId: '100002', Region: '01' },
        { CustomerID: 'K0021', CustomerName: 'longer', OrgId: '100002', Region: '01' },
      ];
      await database.insert('odd_customer', odd);
      const oddApp = fixtureApp({
        sources: { k3: entryOf(createGenericSqlSource({ name: 'k3', connection: database.url, table: 'odd_customer', columns: { code: 'CustomerID', name: 'CustomerName', org: 'OrgId', region: 'Region' } })) },
      });
      try {
        // Codes as the source reports them: a leading space kept, a trailing one read as CHAR padding.
        const { items } = (await (await oddApp.request('/sources/k3/customers?limit=100', { key: API_KEYS.analyst })).json()) as { items: Customer[] };
        expect(items.map((item) => item.code).sort()).toEqual(['', ' K002', 'K002', 'K002', 'K0021', 'Ｋ002']);
        for (const item of items) {
          const response = await oddApp.request(`/sources/k3/record?code=${encodeURIComponent(item.code)}&org=${item.org}`, { key: API_KEYS.analyst });
          expect(response.status, JSON.stringify(item.code)).toBe(200);
          expect(((await response.json()) as Customer).name, JSON.stringify(item.code)).toBe(item.name);
        }
        const values = (await (await oddApp.request('/sources/k3/values', { key: API_KEYS.viewer })).json()) as { values: { region: Array<{ value: string }> } };
        // The viewer is confined to org 100002: region 03 is only on a row of 100001.
        expect(values.values.region.map((item) => item.value).sort()).toEqual(['01', '02']);
      } finally {
        await oddApp.custcode.close();
      }
    });

    it('streams an export for an analyst and refuses it to a viewer', async () => {
      const csv = await app.request('/sources/k3/export?format=csv&fields=code,taxId', { key: API_KEYS.analyst });
      expect((await csv.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/)).toEqual(['code,taxId', ...ROWS.map((row) => `${row.CustomerID},${row.TaxNo}`)]);
      expect((await app.request('/sources/k3/export', { key: API_KEYS.viewer })).status).toBe(403);
    });
  });
}
