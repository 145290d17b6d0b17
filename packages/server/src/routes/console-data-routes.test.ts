import { type Customer, createMemorySource } from '@custcode/core';
import { describe, expect, it } from 'vitest';
import { API_KEYS, entryOf, fixtureApp, fixtureCustomers } from '../testing/api-fixtures.js';

/** The fixture plus records whose codes `get` cannot address: a leading space, the empty code (twice), full-width. */
function oddCustomers(): Customer[] {
  const base = fixtureCustomers();
  const copy = (from: Customer, code: string, name: string, extra: Partial<Customer> = {}): Customer => ({ ...from, code, name, raw: { FNUMBER: code }, ...extra });
  return [
    ...base,
    copy(base[1]!, 'KH20210032', '鑫宇霖光电（重庆）有限公司', { region: '02', category: 'B' }),
    copy(base[1]!, ' KH20210032', '上海悦蓝驰医药有限公司', { region: '03' }),
    copy(base[1]!, '', '无编号客户甲'),
    copy(base[1]!, '', '无编号客户乙'),
    copy(base[1]!, 'ＫＨ20210033', '全角编号客户'),
    copy(base[0]!, 'KH20210032', '北京同号不同组织', { org: '100001', region: '09', category: 'Z' }),
  ];
}

const app = () => fixtureApp({ sources: { k3: entryOf(createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers: oddCustomers(), pageSize: 2 })) } });

describe('GET /sources/:name/record (the exact stored record)', () => {
  const record = async (query: string, key: string = API_KEYS.analyst) => {
    const response = await app().request(`/sources/k3/record?${query}`, { key });
    return { status: response.status, body: (await response.json()) as Customer & { error?: { code: string; message: string } } };
  };

  it('opens the leading-space code, not the trimmed one that /customers/:code finds', async () => {
    expect((await record('code=%20KH20210032&org=100002')).body.name).toBe('上海悦蓝驰医药有限公司');
    expect((await record('code=KH20210032&org=100002')).body.name).toBe('鑫宇霖光电（重庆）有限公司');
    expect((await record('code=KH20210032&org=100001')).body.name).toBe('北京同号不同组织');
    const typed = await app().request('/sources/k3/customers/%20KH20210032?org=100002', { key: API_KEYS.analyst });
    expect(((await typed.json()) as Customer).name).toBe('鑫宇霖光电（重庆）有限公司');
  });

  it('opens the empty code, each of its rows by occurrence, and a full-width code as stored', async () => {
    expect((await record('code=&org=100002')).body.name).toBe('无编号客户甲');
    expect((await record('code=&org=100002&occurrence=2')).body.name).toBe('无编号客户乙');
    expect((await record('code=&org=100002&occurrence=3')).status).toBe(404);
    expect((await record('code=%EF%BC%AB%EF%BC%A820210033&org=100002')).body.name).toBe('全角编号客户');
    // Without an org (as an audit finding names a code): its first row in (code, org) order, any org.
    expect((await record('code=KH20210032')).body.name).toBe('北京同号不同组织');
    expect((await record('code=KH20210032', API_KEYS.viewer)).body.name).toBe('鑫宇霖光电（重庆）有限公司');
  });

  it('is a 404 outside the role\'s row filter, and a 400 naming a bad parameter', async () => {
    expect((await record('code=KH20210032&org=100001', API_KEYS.viewer)).status).toBe(404);
    expect((await record('code=%20KH20210032&org=100002', API_KEYS.viewer)).body.name).toBe('上海悦蓝驰医药有限公司');
    const missing = await record('org=100002');
    expect(missing.status).toBe(400);
    expect(missing.body.error?.message).toContain('"code"');
    const occurrence = await record('code=&occurrence=0');
    expect(occurrence.status).toBe(400);
    expect(occurrence.body.error?.message).toContain('occurrence');
  });
});

describe('GET /sources/:name/values (filter choices)', () => {
  type Values = { values: Record<'category' | 'region' | 'org', Array<{ value: string; count: number }>>; records: number; truncated: boolean };
  const values = async (fixture: ReturnType<typeof app>, key: string) => {
    const response = await fixture.request('/sources/k3/values', { key });
    return { status: response.status, body: (await response.json()) as Values };
  };

  it('lists each field\'s values, most frequent first, with counts', async () => {
    const { status, body } = await values(app(), API_KEYS.analyst);
    expect(status).toBe(200);
    expect(body.records).toBe(11);
    expect(body.values.org).toEqual([{ value: '100002', count: 9 }, { value: '100001', count: 2 }]);
    expect(body.values.region.map((item) => item.value)).toEqual(['01', '02', '03', '09']);
    expect(body.values.category.map((item) => item.value)).toEqual(['A', 'B', 'Z']);
  });

  it('does not show a row-filtered user values that only filtered-out rows hold', async () => {
    const { body } = await values(app(), API_KEYS.viewer);
    expect(body.values.org).toEqual([{ value: '100002', count: 9 }]);
    expect(body.values.region.map((item) => item.value)).not.toContain('09');
    expect(body.values.category.map((item) => item.value)).not.toContain('Z');
    expect(body.records).toBe(9);
  });

  it('is cached per user: a second call reads no records', async () => {
    const fixture = app();
    await values(fixture, API_KEYS.analyst);
    const before = fixture.accessLog.entries.filter((entry) => entry.command === 'search' && entry.operation === 'search').length;
    expect((await values(fixture, API_KEYS.analyst)).body.records).toBe(11);
    expect(fixture.accessLog.entries.filter((entry) => entry.command === 'search' && entry.operation === 'search').length).toBe(before);
    expect((await values(fixture, API_KEYS.viewer)).body.records).toBe(9);
  });

  it('is refused for a source the user may not use', async () => {
    const fixture = fixtureApp({ policy: { roles: { none: { sources: { other: { commands: ['search'] } } } }, users: { nobody: { role: 'none', apiKey: { env: 'ANNA_KEY' } } } } });
    expect((await values(fixture, API_KEYS.analyst)).status).toBe(404);
  });
});
