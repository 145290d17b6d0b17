import { describe, expect, it } from 'vitest';
import { restrictLookup, restrictQuery } from './row-filter.js';

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

describe('restrictLookup', () => {
  it('scopes lookups to the role org', () => {
    expect(restrictLookup(undefined, { org: '100002' })).toEqual({ org: '100002' });
    expect(restrictLookup({ org: '100001' }, { org: '100002' })).toBeUndefined();
    expect(restrictLookup({ org: '100001' }, undefined)).toEqual({ org: '100001' });
  });
});
