import { type Customer, createMemorySource } from '@custcode/core';
import { MAX_FILTER_TEXT_LENGTH } from '@custcode/core/adapter';
import { afterAll, describe, expect, it } from 'vitest';
import { API_KEYS, entryOf, fixtureApp } from './testing/api-fixtures.js';

const { custcode, request } = fixtureApp();
afterAll(() => custcode.close());
const get = (path: string) => request(path, { key: API_KEYS.analyst });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string; hint?: string } }).error;

describe('query parameters are validated: 400 naming the parameter', () => {
  it('refuses impossible dates in every date parameter, on search and export', async () => {
    for (const [parameter, value, problem] of [
      ['createdTo', '2024-13-01', 'there is no month 13'],
      ['createdFrom', '2024-13-01', 'there is no month 13'],
      ['createdTo', '0000-00-00', 'there is no month 00'],
      ['updatedSince', '2024-02-30', '2024-02 has no day 30'],
      ['createdTo', '2024-01-01T25:00', 'not a time of day'],
    ] as const) {
      for (const route of ['customers', 'export']) {
        const response = await get(`/sources/k3/${route}?${parameter}=${encodeURIComponent(value)}`);
        expect(response.status, `${route} ${parameter}=${value}`).toBe(400);
        const error = await errorOf(response);
        expect(error.code).toBe('BAD_REQUEST');
        expect(error.message.startsWith(`Invalid parameter "${parameter}": "${value}" is not a date: `), error.message).toBe(true);
        expect(error.message).toContain(problem);
        expect(error.hint).toContain('YYYY-MM-DD');
      }
    }
  });

  it(`refuses text filters over ${MAX_FILTER_TEXT_LENGTH} characters`, async () => {
    for (const parameter of ['text', 'codePrefix', 'name', 'phone', 'category', 'region', 'org']) {
      const ok = await get(`/sources/k3/customers?${parameter}=${'x'.repeat(MAX_FILTER_TEXT_LENGTH)}`);
      expect(ok.status, parameter).toBe(200);
      const long = await get(`/sources/k3/customers?${parameter}=${'x'.repeat(50_000)}`);
      expect(long.status, parameter).toBe(400);
      expect((await errorOf(long)).message).toBe(`Invalid parameter "${parameter}": at most ${MAX_FILTER_TEXT_LENGTH} characters are accepted.`);
    }
  });

  it('takes limit only as decimal digits', async () => {
    for (const limit of ['1e3', '0x10', '1.5', '-1', '0', ' 2', '2 ', '1001']) {
      for (const route of ['customers', 'export']) {
        if (route === 'export' && limit === '1001') continue;
        const response = await get(`/sources/k3/${route}?limit=${encodeURIComponent(limit)}`);
        expect(response.status, `${route} limit=${JSON.stringify(limit)}`).toBe(400);
        expect((await errorOf(response)).message).toMatch(/^limit must be a whole number/);
      }
    }
    expect((await get('/sources/k3/customers?limit=2')).status).toBe(200);
  });

  it('refuses a NUL in a lookup org with 400', async () => {
    const response = await get('/sources/k3/customers/C0001?org=1%002');
    expect(response.status).toBe(400);
    // The NUL guard answers before the parameter is parsed, as on every route.
    expect((await errorOf(response)).code).toBe('BAD_REQUEST');
  });
});

describe('paging through rows that share a key', () => {
  it('hands out cursors that resume inside a run of empty codes', async () => {
    const row = (code: string, name: string): Customer => ({ source: 'f', erp: 'file', code, name, status: 'active', raw: {} });
    const rows = [row('', '甲'), row('B', '乙'), row('', '丙'), row(' A', '丁'), row('', '戊'), row('A', '己')];
    const app = fixtureApp({ policy: undefined, sources: { f: entryOf(createMemorySource({ name: 'f', customers: rows, pageSize: 1 })) } });
    try {
      for (const limit of [1, 2, 4]) {
        const names: string[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 10; page++) {
          const body = (await (await app.request(`/sources/f/customers?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json()) as { items: Customer[]; nextCursor?: string };
          names.push(...body.items.map((item) => item.name));
          cursor = body.nextCursor;
          if (cursor === undefined) break;
        }
        expect(names, `limit ${limit}`).toEqual(['甲', '丙', '戊', '丁', '己', '乙']);
      }
    } finally {
      await app.custcode.close();
    }
  });
});
