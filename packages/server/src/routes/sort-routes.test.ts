import { type Customer } from '@custcode/core';
import { afterAll, describe, expect, it } from 'vitest';
import { API_KEYS, fixtureApp, fixtureCustomers } from '../testing/api-fixtures.js';

const { custcode, request } = fixtureApp();
afterAll(() => custcode.close());

/** Every page of `/customers?query` with limit 2, following nextCursor. */
async function pages(query: string, key: string = API_KEYS.analyst): Promise<string[]> {
  const codes: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const response = await request(`/sources/k3/customers?${query}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { key });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: Customer[]; nextCursor?: string };
    codes.push(...body.items.map((item) => item.code));
    cursor = body.nextCursor;
    if (cursor === undefined) return codes;
  }
  throw new Error('paging did not end');
}

describe('GET /customers?sort=', () => {
  it('sorts the whole result, page after page, by a field and direction', async () => {
    const byName = [...fixtureCustomers()].sort((a, b) => (a.name < b.name ? 1 : -1)).map((row) => row.code);
    expect(await pages('sort=name:desc')).toEqual(byName);
    // A projection without the sort field still pages right: the items keep the field the cursor reads.
    expect(await pages('sort=name:desc&fields=code')).toEqual(byName);
    expect(await pages('sort=status:desc,code:desc')).toEqual(['C0003', 'C0005', 'C0004', 'C0002', 'C0001']);
  });

  it('ranks a text search by relevance: exact code, then code prefix, then names', async () => {
    expect(await pages('text=C0003&sort=relevance')).toEqual(['C0003']);
    // "科技" is inside two names (contains): code order within the tier.
    expect(await pages('text=%E7%A7%91%E6%8A%80&sort=relevance')).toEqual(['C0001', 'C0005']);
    // "acme": C0003's name starts with it (tier 2); nothing else matches.
    expect(await pages('text=acme&sort=relevance')).toEqual(['C0003']);
  });

  it('answers 400 naming the parameter for a field outside the whitelist, a bad direction or a mixed cursor', async () => {
    for (const sort of ['colour', 'name:up', 'taxId', 'relevance,name', 'name,name']) {
      const response = await request(`/sources/k3/customers?sort=${encodeURIComponent(sort)}`, { key: API_KEYS.analyst });
      expect(response.status, sort).toBe(400);
      expect(JSON.stringify(await response.json()), sort).toContain('sort');
    }
    const first = (await (await request('/sources/k3/customers?limit=2', { key: API_KEYS.analyst })).json()) as { nextCursor: string };
    const mixed = await request(`/sources/k3/customers?sort=name&cursor=${encodeURIComponent(first.nextCursor)}`, { key: API_KEYS.analyst });
    expect(mixed.status).toBe(400);
  });

  it('exports in the asked order', async () => {
    const response = await request('/sources/k3/export?format=ndjson&sort=name:desc', { key: API_KEYS.analyst });
    expect(response.status).toBe(200);
    const exported = (await response.text()).trim().split('\n').map((line) => (JSON.parse(line) as Customer).code);
    expect(exported).toEqual([...fixtureCustomers()].sort((a, b) => (a.name < b.name ? 1 : -1)).map((row) => row.code));
  });

  it('documents sort in the OpenAPI document', async () => {
    const document = (await (await request('/openapi.json')).json()) as { paths: Record<string, { get: { parameters: Array<{ name: string }> } }> };
    expect(document.paths['/sources/{name}/customers']!.get.parameters.map((parameter) => parameter.name)).toContain('sort');
  });
});
