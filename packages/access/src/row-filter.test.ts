import { describe, expect, it } from 'vitest';
import { restrictLookup, restrictQuery, ROW_FILTER_FIELDS } from './row-filter.js';

describe('restrictQuery', () => {
  it('adds the role filter to an open query', () => {
    expect(restrictQuery({ text: 'hua', limit: 5 }, { org: '100002', status: 'active' })).toEqual({ text: 'hua', limit: 5, org: '100002', status: 'active' });
  });
  it('is empty when the user asks for another org', () => {
    expect(restrictQuery({ org: '100001' }, { org: '100002' })).toBeUndefined();
  });
  it('intersects statuses', () => {
    expect(restrictQuery({ status: ['active', 'deleted'] }, { status: ['active', 'blocked'] })).toEqual({ status: 'active' });
    expect(restrictQuery({ status: 'deleted' }, { status: 'active' })).toBeUndefined();
  });
  it('keeps the narrower code prefix', () => {
    expect(restrictQuery({ codePrefix: 'KH2024' }, { codePrefix: 'KH' })).toEqual({ codePrefix: 'KH2024' });
    expect(restrictQuery({ codePrefix: 'K' }, { codePrefix: 'KH' })).toEqual({ codePrefix: 'KH' });
    expect(restrictQuery({ codePrefix: 'C' }, { codePrefix: 'KH' })).toBeUndefined();
  });
});

describe('restrictQuery: codes and dates', () => {
  it('compares prefixes the way codes are typed: full-width, spaces, case', () => {
    expect(restrictQuery({}, { codePrefix: ' ｃ００ ' })).toEqual({ codePrefix: 'c00' });
    expect(restrictQuery({ codePrefix: 'Ｃ００１' }, { codePrefix: 'c00' })).toEqual({ codePrefix: 'Ｃ００１' });
    expect(restrictQuery({ codePrefix: 'KH' }, { codePrefix: 'C00' })).toBeUndefined();
  });
  it('keeps the later start and the earlier end of a created range', () => {
    expect(restrictQuery({ createdFrom: '2020-01-01' }, { createdFrom: '2024-01-01' })).toEqual({ createdFrom: '2024-01-01' });
    expect(restrictQuery({ createdFrom: '2024-06-01T12:00' }, { createdFrom: '2024-01-01' })).toEqual({ createdFrom: '2024-06-01T12:00' });
    expect(restrictQuery({ createdTo: '2025-01-01' }, { createdTo: '2023-12-31' })).toEqual({ createdTo: '2023-12-31' });
    expect(restrictQuery({ createdTo: '2023-12-31T08:00:00' }, { createdTo: '2023-12-31' })).toEqual({ createdTo: '2023-12-31T08:00:00' });
    expect(restrictQuery({ createdTo: '2020-01-01' }, { createdFrom: '2024-01-01' })).toEqual({ createdTo: '2020-01-01', createdFrom: '2024-01-01' });
  });
  it('narrows by every field of the schema', () => {
    expect(ROW_FILTER_FIELDS).toEqual(['org', 'category', 'region', 'status', 'codePrefix', 'createdFrom', 'createdTo']);
  });
});

describe('restrictLookup', () => {
  it('scopes lookups to the role org', () => {
    expect(restrictLookup(undefined, { org: '100002' })).toEqual({ org: '100002' });
    expect(restrictLookup({ org: '100001' }, { org: '100002' })).toBeUndefined();
    expect(restrictLookup({ org: '100001' }, undefined)).toEqual({ org: '100001' });
  });
});
