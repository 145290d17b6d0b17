import { describe, expect, it } from 'vitest';
import type { Customer, CustomerQuery, CustomerSource } from '@custcode/core';
import { createMemorySource } from '@custcode/core';
import type { AccessPolicy } from './access-policy-schema.js';
import { guardSource } from './guard-source.js';

const customer = (code: string, category: string, phone: string): Customer => ({
  source: 'k3', erp: 'kingdee-k3cloud', code, name: `客户${code}`, phone, category, status: 'active', org: '100001',
  raw: { FNUMBER: code, FTEL: phone, FNOTE: `call ${phone}` },
});
const customers = [customer('C001', 'retail', '13800000001'), customer('C002', 'wholesale', '13800000002'), customer(' C003', 'wholesale', '13800000003')];
const policy: AccessPolicy = {
  roles: {
    clerk: { sources: { k3: { commands: ['search'], mask: ['phone', 'name'], filter: { category: 'wholesale' } } } },
  },
  users: { bob: { role: 'clerk' } },
};

/**
 * A source that drops the category filter but honours projection: only the guard's own check of each
 * record can then keep the row filter, and only if it asked for the category column.
 */
function leakySource(): CustomerSource & { asked: CustomerQuery[] } {
  const memory = createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers });
  const asked: CustomerQuery[] = [];
  return {
    ...memory,
    asked,
    search: (query: CustomerQuery = {}) => {
      asked.push(query);
      const { category: _category, ...rest } = query;
      return memory.search(rest);
    },
  };
}

const collect = async <T>(items: AsyncIterable<T>) => {
  const list: T[] = [];
  for await (const item of items) list.push(item);
  return list;
};

describe('guardSource with projection', () => {
  it('still applies a row filter on a column the caller did not ask for, and returns only the asked fields', async () => {
    const inner = leakySource();
    const guarded = guardSource(inner, { policy, user: 'bob', command: 'search' });
    const found = await collect(guarded.search({ fields: ['code'] }));
    expect(found).toEqual([
      { source: 'k3', erp: 'kingdee-k3cloud', code: ' C003', org: '100001' },
      { source: 'k3', erp: 'kingdee-k3cloud', code: 'C002', org: '100001' },
    ]);
    expect(inner.asked[0]?.fields).toContain('category');
  });

  it('masks an asked field, and raw values holding a masked field even when that field is not asked', async () => {
    const guarded = guardSource(leakySource(), { policy, user: 'bob', command: 'search' });
    const [withPhone] = await collect(guarded.search({ fields: ['phone'], limit: 1 }));
    expect(withPhone).toEqual({ source: 'k3', erp: 'kingdee-k3cloud', code: ' C003', org: '100001', phone: '138****0003' });
    const [rawOnly] = await collect(guarded.search({ fields: ['raw'], limit: 1 }));
    expect(Object.keys(rawOnly!).sort()).toEqual(['code', 'erp', 'org', 'raw', 'source']);
    expect(JSON.stringify(rawOnly)).not.toContain('13800000003');
  });

  it('text never matches a masked name, projected or not', async () => {
    const guarded = guardSource(leakySource(), { policy, user: 'bob', command: 'search' });
    expect(await collect(guarded.search({ text: '客户C002', fields: ['code'] }))).toEqual([]);
    expect((await collect(guarded.search({ text: 'C002', fields: ['status'] }))).map((row) => row.code)).toEqual(['C002']);
  });
});
