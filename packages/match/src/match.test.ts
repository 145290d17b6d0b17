import { describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { customer } from './customer.fixture.js';
import type { FieldWeights } from './fellegi-sunter.js';
import { goldenCsv, linksCsv, parsePreviousLinks, reviewCsv } from './match-files.js';
import { match } from './match.js';
import type { MatchResult, MatchSourceInput } from './match-types.js';

const USCC = '91110000600037341L';

/** Weights given by hand, so that the probabilities below can be computed by hand. */
const WEIGHTS: FieldWeights = {
  lambda: 0.01,
  m: { name: [0.05, 0.05, 0.1, 0.8], pinyin: [0.1, 0.9], address: [0.2, 0.2, 0.6], phone: [0.2, 0.8], category: [0.5, 0.5], region: [0.2, 0.8] },
  u: { name: [0.9, 0.07, 0.02, 0.01], pinyin: [0.95, 0.05], address: [0.98, 0.01, 0.01], phone: [0.99, 0.01], category: [0.5, 0.5], region: [0.8, 0.2] },
};

const at = (source: string) => (code: string, fields: Partial<Customer>) => customer(code, { source, ...fields });
const u8 = at('u8');
const sap = at('sap');
const k3 = at('k3');

function sources(extraK3: Customer[] = []): MatchSourceInput[] {
  return [
    { name: 'u8', customers: [
      u8('KH1', { name: '北京华信科技有限公司', taxId: USCC, address: '北京市朝阳区建国路88号' }),
      u8('KH2', { name: '上海远大物流有限公司', address: '上海市浦东新区世纪大道100号' }),
      u8('KH3', { name: '星辰贸易有限公司' }),
    ] },
    { name: 'sap', customers: [
      sap('100259', { name: '华信科技（北京）有限责任公司', taxId: '9111 0000 6000 3734 1L', phone: '010-65231234' }),
      sap('100300', { name: '远大物流（上海）有限公司', address: '上海市浦东新区 世纪大道 100 号' }),
    ] },
    { name: 'k3', customers: [k3('CUST0002', { name: '华信科技', taxId: '110108600037341' }), k3('CUST0009', { name: '星辰贸易有限公司' }), ...extraK3] },
  ];
}

const clusterOf = (result: MatchResult, code: string) => result.links.find((link) => link.code === code)!.globalId;
const codesOf = (result: MatchResult) => result.clusters.map((cluster) => cluster.members.map((member) => member.code));

describe('match', () => {
  it('clusters across three sources by tax id evidence and by score, and leaves the review band to a reviewer', async () => {
    const result = await match(sources(), { weights: WEIGHTS });
    expect(codesOf(result)).toEqual([['KH1', '100259', 'CUST0002'], ['KH2', '100300'], ['KH3'], ['CUST0009']]);
    expect(result.clusters.map((cluster) => cluster.globalId)).toEqual(['G00000001', 'G00000002', 'G00000003', 'G00000004']);
    const evidence = Object.fromEntries(result.links.map((link) => [link.code, link.evidence]));
    expect(evidence).toMatchObject({ KH1: 'uscc', '100259': 'uscc', CUST0002: 'org-code', KH2: 'score', '100300': 'score', KH3: null, CUST0009: null });
    // 远大物流: name exact, pinyin same, address exact, region (the place in both names, 上海) same:
    // odds 0.01/0.99 · 80 · 18 · 60 · 4 = 3490.9, probability 0.99971.
    expect(result.links.find((link) => link.code === '100300')!.score).toBeCloseTo(0.99971, 5);
    // 星辰贸易: name exact and pinyin same, nothing else known: odds 0.01/0.99 · 80 · 18 = 14.545, probability 0.93567.
    expect(result.review.map((pair) => [pair.a.code, pair.b.code])).toEqual([['KH3', 'CUST0009']]);
    expect(result.review[0]!.probability).toBeCloseTo(0.93567, 5);
    expect(result.summary).toMatchObject({ records: 7, clusters: 4, crossSourceClusters: 2, review: 1 });
    const golden = result.golden.find((record) => record.globalId === clusterOf(result, 'KH1'))!;
    expect(golden.fields.taxId.value).toBe(USCC);
    expect(golden.sources).toEqual(['k3', 'sap', 'u8']);
  });

  it('keeps every earlier global id on a re-run with new records', async () => {
    const first = await match(sources(), { weights: WEIGHTS });
    const previous = parsePreviousLinks(linksCsv(first.links));
    const second = await match(sources([k3('CUST0010', { name: '新华书店' })]), { weights: WEIGHTS, previous });
    for (const link of first.links) expect(clusterOf(second, link.code)).toBe(link.globalId);
    expect(clusterOf(second, 'CUST0010')).toBe('G00000005');
  });

  it('honours confirm and reject decisions', async () => {
    const first = await match(sources(), { weights: WEIGHTS });
    const result = await match(sources(), {
      weights: WEIGHTS,
      previous: first.links,
      decisions: [
        { a: { source: 'u8', code: 'KH3', org: '' }, b: { source: 'k3', code: 'CUST0009', org: '' }, decision: 'confirm' },
        { a: { source: 'u8', code: 'KH2', org: '' }, b: { source: 'sap', code: '100300', org: '' }, decision: 'reject' },
      ],
    });
    expect(clusterOf(result, 'CUST0009')).toBe(clusterOf(result, 'KH3'));
    expect(result.links.find((link) => link.code === 'CUST0009')!.evidence).toBe('confirmed');
    expect(clusterOf(result, 'KH2')).not.toBe(clusterOf(result, '100300'));
    expect(result.review).toEqual([]);
    // KH3 kept G00000003 and absorbed CUST0009's G00000004; 100300 left KH2's G00000002 and got a new id.
    expect(result.golden.find((record) => record.globalId === 'G00000003')!.mergedIds).toEqual(['G00000004']);
    expect(clusterOf(result, 'KH2')).toBe('G00000002');
    expect(clusterOf(result, '100300')).toBe('G00000005');
  });

  it('estimates the weights by EM when none are given', async () => {
    const result = await match(sources());
    expect(result.summary.weights.estimated).toBe(true);
    expect(result.summary.weights.iterations).toBeGreaterThan(0);
    expect(clusterOf(result, '100259')).toBe(clusterOf(result, 'KH1'));
  });
});

describe('match with masked fields', () => {
  it('uses no masked field as evidence and shows none', async () => {
    const masked = sources().map((source) => (source.name === 'sap' ? { ...source, masked: ['name', 'taxId'] as const } : source));
    const result = await match(masked, { weights: WEIGHTS });
    // 100300 was linked to KH2 by its name; without it only the address agrees: odds 0.01/0.99 · 60 = 0.61, probability 0.38.
    expect(clusterOf(result, '100300')).not.toBe(clusterOf(result, 'KH2'));
    expect(result.links.find((link) => link.code === '100259')!.evidence).not.toBe('uscc');
    const files = [linksCsv(result.links), goldenCsv(result.golden), reviewCsv(result.review)].join('\n');
    expect(files).not.toContain('华信科技（北京）有限责任公司');
    expect(files).not.toContain('远大物流（上海）');
    expect(files).not.toContain('9111 0000');
  });

  it('ignores values that look masked even when the source does not say so', async () => {
    const result = await match([
      { name: 'u8', customers: [u8('KH1', { name: '甲', taxId: '9111**********341L' })] },
      { name: 'sap', customers: [sap('1', { name: '乙', taxId: '9111**********341L' })] },
    ], { weights: WEIGHTS });
    expect(result.summary.crossSourceClusters).toBe(0);
    expect(goldenCsv(result.golden)).not.toContain('**');
  });
});
