import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { API_KEYS, fixtureApp } from '../testing/api-fixtures.js';

const { custcode, request } = fixtureApp();
afterAll(() => custcode.close());

describe('fields= on the API', () => {
  it('search items carry the asked fields and the identity fields; a restricted role still gets its org and masks', async () => {
    const response = await request('/sources/k3/customers?fields=phone,name&status=active', { key: API_KEYS.viewer });
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: Record<string, unknown>[] };
    expect(items).toEqual([
      { source: 'k3', erp: 'kingdee-k3cloud', code: 'C0002', name: '上海浦东发展有限公司', phone: '138****0002', org: '100002' },
      { source: 'k3', erp: 'kingdee-k3cloud', code: 'C0004', name: '广州测试贸易公司', phone: '138****0004', org: '100002' },
      { source: 'k3', erp: 'kingdee-k3cloud', code: 'C0005', name: '深圳前海科技有限公司', phone: '138****0005', org: '100002' },
    ]);
  });

  it('raw comes only when asked, masked inside', async () => {
    const plain = (await (await request('/sources/k3/customers?fields=code&limit=1', { key: API_KEYS.viewer })).json()) as { items: Record<string, unknown>[] };
    expect(plain.items[0]).not.toHaveProperty('raw');
    const raw = (await (await request('/sources/k3/customers?fields=raw&limit=1', { key: API_KEYS.viewer })).json()) as { items: Record<string, unknown>[] };
    expect(raw.items[0]?.raw).toMatchObject({ FNUMBER: 'C0002' });
    expect(JSON.stringify(raw)).not.toContain('13800000002');
  });

  it('an unknown field is a 400 that names the valid ones', async () => {
    const response = await request('/sources/k3/customers?fields=code,password', { key: API_KEYS.viewer });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('taxId');
  });

  it('export with fields writes those columns', async () => {
    const response = await request('/sources/k3/export?format=csv&fields=code,name,taxId&org=100002&status=blocked', { key: API_KEYS.analyst });
    expect(response.status).toBe(200);
    expect(parse(await response.text(), { bom: true })).toEqual([
      ['code', 'name', 'taxId'],
      ['C0003', 'Acme Trading Ltd', '91110108MA01C00031L'],
    ]);
  });
});
