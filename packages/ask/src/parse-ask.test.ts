import { describe, expect, it } from 'vitest';
import { isCustcodeError } from '@custcode/core';
import { parseAsk } from './parse-ask.js';

const vocabulary = { regions: ['北京', '上海', '广东', 'Hamburg'], categories: ['批发', '华北批发', '经销商'], orgs: ['1000', '2000'] };
// A Wednesday.
const today = '2026-03-18';

/** Phrase → the query it must become. */
const CASES: Array<[string, Record<string, unknown>]> = [
  ['北京 停用 的客户 2024年以后新增', { region: '北京', status: 'blocked', createdFrom: '2024-01-01' }],
  ['上海冻结客户', { region: '上海', status: 'blocked' }],
  ['禁用或删除的客户', { status: ['blocked', 'deleted'] }],
  ['正常客户', { status: 'active' }],
  ['启用的经销商', { status: 'active', category: '经销商' }],
  ['华北批发客户', { category: '华北批发' }],
  ['2024年以来修改的客户', { updatedSince: '2024-01-01' }],
  ['2023年以前新增', { createdTo: '2022-12-31' }],
  ['2024年新增', { createdFrom: '2024-01-01', createdTo: '2024-12-31' }],
  ['2025年3月新增的客户', { createdFrom: '2025-03-01', createdTo: '2025-03-31' }],
  ['上个月新增', { createdFrom: '2026-02-01', createdTo: '2026-02-28' }],
  ['最近30天新增', { createdFrom: '2026-02-16' }],
  ['近七天修改', { updatedSince: '2026-03-11' }],
  ['今年新增的广东客户', { createdFrom: '2026-01-01', region: '广东' }],
  ['去年停用', { createdFrom: '2025-01-01', createdTo: '2025-12-31', status: 'blocked' }],
  ['上周新增', { createdFrom: '2026-03-09', createdTo: '2026-03-15' }],
  ['blocked customers in Hamburg since 2024', { status: 'blocked', region: 'Hamburg', createdFrom: '2024-01-01' }],
  ['deleted customers updated last week', { status: 'deleted', updatedSince: '2026-03-09' }],
  ['active customers created in the last 7 days', { status: 'active', createdFrom: '2026-03-11' }],
  ['customers created last month', { createdFrom: '2026-02-01', createdTo: '2026-02-28' }],
  ['new customers this year', { createdFrom: '2026-01-01' }],
  ['编号以KH2024开头的客户', { codePrefix: 'KH2024' }],
  ['codes starting with 0010 in org 1000', { codePrefix: '0010', org: '1000' }],
  ['组织2000 前20个停用客户', { org: '2000', limit: 20, status: 'blocked' }],
  ['瑞远通 客户', { text: '瑞远通' }],
  ['since 2025-06-01 changed', { updatedSince: '2025-06-01' }],
];

describe('parseAsk', () => {
  it.each(CASES)('%s', (phrase, expected) => {
    expect(parseAsk(phrase, vocabulary, { today }).query).toEqual(expected);
  });

  it('says what each phrase meant, and notes approximations', () => {
    const result = parseAsk('北京 停用 的客户 2024年以后新增', vocabulary, { today });
    expect(result.understood).toEqual([
      { phrase: '新增 2024年以后', filter: { createdFrom: '2024-01-01' } },
      { phrase: '停用', filter: { status: 'blocked' } },
      { phrase: '北京', filter: { region: '北京' } },
    ]);
    expect(parseAsk('2024年修改', vocabulary, { today }).understood[0]!.note).toMatch(/end of the range was dropped/);
    expect(parseAsk('2024年以后', vocabulary, { today }).understood[0]!.note).toMatch(/creation date/);
  });

  it('without a vocabulary, a place name falls back to a text search; several unknown words are ignored', () => {
    expect(parseAsk('北京 停用', {}, { today }).query).toEqual({ status: 'blocked', text: '北京' });
    const result = parseAsk('foo bar blocked', {}, { today });
    expect(result.query).toEqual({ status: 'blocked' });
    expect(result.ignored).toEqual(['foo', 'bar']);
  });

  it('does not take numbers of the question for all-digit vocabulary values', () => {
    expect(parseAsk('前10个 2024年新增', { regions: ['10', '2024'], orgs: ['1000'] }, { today }).query).toEqual({ limit: 10, createdFrom: '2024-01-01', createdTo: '2024-12-31' });
  });

  it('maps English place and category names to the source\'s own values', () => {
    const own = { regions: ['上海市', '广东省', '北京', '华东', '广西壮族自治区', '海外'], categories: ['批发客户', '经销商', '集团内部'] };
    const cases: Array<[string, Record<string, unknown>]> = [
      ['blocked customers in Shanghai', { status: 'blocked', region: '上海市' }],
      ['active customers in guangdong created this year', { status: 'active', region: '广东省', createdFrom: '2026-01-01' }],
      ['Beijing wholesale customers', { region: '北京', category: '批发客户' }],
      ['distributors in East China', { category: '经销商', region: '华东' }],
      ['customers in Guangxi', { region: '广西壮族自治区' }],
      ['intra-group customers overseas', { category: '集团内部', region: '海外' }],
    ];
    for (const [question, expected] of cases) expect(parseAsk(question, own, { today }).query, question).toEqual(expected);
    expect(parseAsk('customers in Shanghai', own, { today }).understood).toEqual([{ phrase: 'Shanghai', filter: { region: '上海市' }, note: 'Shanghai is 上海市 in this source' }]);
    // A place the source does not have stays a text search: Shenzhen is no region here.
    expect(parseAsk('customers in Shenzhen', own, { today }).query).toEqual({ text: 'Shenzhen' });
    // Shanxi is not Shaanxi.
    expect(parseAsk('customers in Shanxi', { regions: ['陕西', '山西'] }, { today }).query).toEqual({ region: '山西' });
  });

  it('refuses a date phrase that names no real day, with a typed error naming the phrase', () => {
    for (const [question, problem] of [
      ['2024-13-01以后新增', 'there is no month 13'],
      ['created before 2024-02-30', '2024-02 has no day 30'],
      ['2024-00-10以前', 'there is no month 00'],
      ['2024年13月新增', 'there is no month 13'],
      ['0000年以后', 'before 1753-01-01'],
    ] as const) {
      let error: unknown;
      try {
        parseAsk(question, vocabulary, { today });
      } catch (caught) {
        error = caught;
      }
      expect(isCustcodeError(error, 'QUERY_UNSUPPORTED'), question).toBe(true);
      expect((error as Error).message, question).toMatch(/^Cannot read the date in ".+": /);
      expect((error as Error).message, question).toContain(problem);
    }
    expect(parseAsk('2024年2月新增', vocabulary, { today }).query).toEqual({ createdFrom: '2024-02-01', createdTo: '2024-02-29' });
    expect(parseAsk('2100年2月新增', vocabulary, { today }).query).toEqual({ createdFrom: '2100-02-01', createdTo: '2100-02-28' });
  });

  it('reads full-width digits and letters', () => {
    expect(parseAsk('２０２４年以后新增', vocabulary, { today }).query).toEqual({ createdFrom: '2024-01-01' });
  });
});
