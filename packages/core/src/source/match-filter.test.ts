import { describe, expect, it } from 'vitest';
import type { Customer } from '../customer/customer-schema.js';
import { matchesFilter, matchesText, statusList } from './match-filter.js';

const base: Customer = {
  source: 's',
  erp: 'file',
  code: 'KH2024010001',
  name: '北京星辰科技有限公司',
  shortName: 'Star',
  phone: '010-62880001',
  category: '批发客户',
  region: '北京',
  status: 'active',
  createdAt: '2023-06-30T23:59:59',
  updatedAt: '2024-01-02T08:00:00',
  org: '100001',
  raw: {},
};
const customer = (extra: Partial<Customer>): Customer => ({ ...base, ...extra });

describe('matchesText', () => {
  it('matches code, name and short name case-insensitively', () => {
    expect(matchesText(base, 'kh2024')).toBe(true);
    expect(matchesText(base, '星辰')).toBe(true);
    expect(matchesText(base, 'STAR')).toBe(true);
    expect(matchesText(base, '上海')).toBe(false);
  });

  it('matches pinyin initials of the name for letter-only queries', () => {
    expect(matchesText(base, 'bjxc')).toBe(true);
    expect(matchesText(base, 'BJXCKJ')).toBe(true);
    expect(matchesText(base, 'shmh')).toBe(false);
    expect(matchesText(base, 'bj xc')).toBe(false);
  });

  it('matches pinyin initials only from the start of the name, never a run inside it', () => {
    const changsha = customer({ code: 'C1', name: '立奥铂建材（长沙）有限公司', shortName: undefined });
    expect(matchesText(changsha, 'labj')).toBe(true);
    expect(matchesText(changsha, 'bj')).toBe(false);
    expect(matchesText(changsha, 'cs')).toBe(false);
    expect(matchesText(base, 'XCKJ')).toBe(false);
    // A leading bracketed city is part of the name, so its initials come first.
    expect(matchesText(customer({ code: 'C3', name: '（北京）华信科技有限公司', shortName: undefined }), 'bjhx')).toBe(true);
    // A Latin name has no initials: letters still match the name itself.
    expect(matchesText(customer({ code: 'C2', name: 'Abjure Trading', shortName: undefined }), 'bj')).toBe(true);
  });

  it('matches only the fields asked for: the name carries its pinyin initials', () => {
    expect(matchesText(base, '星辰', ['code', 'shortName'])).toBe(false);
    expect(matchesText(base, 'bjxc', ['code', 'shortName'])).toBe(false);
    expect(matchesText(base, 'STAR', ['code', 'shortName'])).toBe(true);
    expect(matchesText(base, 'bjxc', ['name'])).toBe(true);
    expect(matchesText(base, 'kh2024', ['name', 'shortName'])).toBe(false);
    expect(matchesFilter(base, { text: '星辰', textFields: ['code'] })).toBe(false);
  });

  it('does not match phone, and treats wildcards and quotes literally', () => {
    expect(matchesText(base, '62880001')).toBe(false);
    expect(matchesText(customer({ name: '100%纯净水有限公司' }), '100%')).toBe(true);
    expect(matchesText(customer({ name: '100%纯净水有限公司', code: 'X' }), '1_0')).toBe(false);
    expect(matchesText(customer({ name: "O'Brien" }), "o'b")).toBe(true);
  });
});

describe('matchesFilter', () => {
  it('an empty filter and an empty text match everything', () => {
    expect(matchesFilter(base, {})).toBe(true);
    expect(matchesFilter(base, { text: '' })).toBe(true);
  });

  it('codePrefix is a case-insensitive literal prefix of the shown code', () => {
    expect(matchesFilter(base, { codePrefix: 'kh2024' })).toBe(true);
    expect(matchesFilter(base, { codePrefix: 'H2024' })).toBe(false);
    expect(matchesFilter(customer({ code: 'C-100' }), { codePrefix: 'C_' })).toBe(false);
    expect(matchesFilter(customer({ code: 'C_300' }), { codePrefix: 'C_' })).toBe(true);
    expect(matchesFilter(base, { codePrefix: '' })).toBe(true);
    // The prefix is typed like a code (full-width, spaces); the code is compared as stored.
    expect(matchesFilter(base, { codePrefix: ' ＫＨ２０２４ ' })).toBe(true);
    expect(matchesFilter(customer({ code: ' KH01' }), { codePrefix: 'KH' })).toBe(false);
  });

  it('name and phone are case-insensitive substrings; a missing value never matches', () => {
    expect(matchesFilter(base, { name: '科技' })).toBe(true);
    expect(matchesFilter(base, { phone: '6288' })).toBe(true);
    expect(matchesFilter(customer({ phone: undefined }), { phone: '010' })).toBe(false);
    expect(matchesFilter(customer({ name: 'Acme Trading' }), { name: 'TRADING' })).toBe(true);
  });

  it('category, region and org are exact matches', () => {
    expect(matchesFilter(base, { category: '批发客户', region: '北京', org: '100001' })).toBe(true);
    expect(matchesFilter(base, { category: '批发' })).toBe(false);
    expect(matchesFilter(base, { org: '10000' })).toBe(false);
    expect(matchesFilter(customer({ org: undefined }), { org: '100001' })).toBe(false);
  });

  it('status takes one value or a list', () => {
    expect(matchesFilter(base, { status: 'active' })).toBe(true);
    expect(matchesFilter(base, { status: ['blocked', 'deleted'] })).toBe(false);
    expect(matchesFilter(customer({ status: 'deleted' }), { status: ['blocked', 'deleted'] })).toBe(true);
    expect(statusList(undefined)).toBeUndefined();
    expect(statusList('blocked')).toEqual(['blocked']);
  });

  it('createdFrom and createdTo: a bare createdTo date includes its whole day', () => {
    expect(matchesFilter(base, { createdTo: '2023-06-30' })).toBe(true);
    expect(matchesFilter(base, { createdTo: '2023-06-29' })).toBe(false);
    expect(matchesFilter(base, { createdTo: '2023-06-30T23:59:58' })).toBe(false);
    expect(matchesFilter(base, { createdTo: '2023-06-30T23:59:59' })).toBe(true);
    expect(matchesFilter(base, { createdFrom: '2023-06-30' })).toBe(true);
    expect(matchesFilter(base, { createdFrom: '2023-07-01' })).toBe(false);
    expect(matchesFilter(base, { createdFrom: '2023-06-30 23:59' })).toBe(true);
  });

  it('records without createdAt fail every date filter', () => {
    const undated = customer({ createdAt: undefined, updatedAt: undefined });
    expect(matchesFilter(undated, { createdFrom: '1900-01-01' })).toBe(false);
    expect(matchesFilter(undated, { createdTo: '2999-01-01' })).toBe(false);
    expect(matchesFilter(undated, { updatedSince: '1900-01-01' })).toBe(false);
  });

  it('updatedSince falls back to createdAt when updatedAt is absent', () => {
    expect(matchesFilter(base, { updatedSince: '2024-01-02' })).toBe(true);
    expect(matchesFilter(base, { updatedSince: '2024-01-03' })).toBe(false);
    expect(matchesFilter(customer({ updatedAt: undefined }), { updatedSince: '2023-06-30' })).toBe(true);
    expect(matchesFilter(customer({ updatedAt: undefined }), { updatedSince: '2023-07-01' })).toBe(false);
  });

  it('all given filters must hold', () => {
    expect(matchesFilter(base, { text: 'bjxc', status: 'active', region: '北京', createdTo: '2023-12-31' })).toBe(true);
    expect(matchesFilter(base, { text: 'bjxc', status: 'blocked' })).toBe(false);
  });
});
