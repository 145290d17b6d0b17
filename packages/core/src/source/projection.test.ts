import { describe, expect, it } from 'vitest';
import { filterFields, neededFields } from './projection.js';

describe('filterFields', () => {
  it('names the record field each filter key is checked against', () => {
    expect(filterFields({})).toEqual([]);
    expect(new Set(filterFields({ codePrefix: 'KH', phone: '138', createdTo: '2024-01-01', status: 'active' }))).toEqual(new Set(['code', 'phone', 'createdAt', 'status']));
    expect(new Set(filterFields({ org: '1000', category: 'A', region: 'B', name: 'x' }))).toEqual(new Set(['org', 'category', 'region', 'name']));
    // No change date: a record without updatedAt is judged by createdAt.
    expect(new Set(filterFields({ updatedSince: '2024-01-01' }))).toEqual(new Set(['updatedAt', 'createdAt']));
  });

  it('text reads the fields it may match: all three, or those of textFields', () => {
    expect(new Set(filterFields({ text: 'bj' }))).toEqual(new Set(['code', 'name', 'shortName']));
    expect(new Set(filterFields({ text: 'bj', textFields: ['shortName'] }))).toEqual(new Set(['shortName']));
  });
});

describe('neededFields', () => {
  it('is undefined without a projection, else the asked, identity and filter fields', () => {
    expect(neededFields(undefined, { status: 'blocked' })).toBeUndefined();
    expect(neededFields(['taxId'], { region: '北京' })).toEqual(new Set(['source', 'erp', 'code', 'org', 'taxId', 'region']));
  });
});
