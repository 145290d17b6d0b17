import { type Customer, createMemorySource } from '@custcode/core';
import { match, type MatchDecision, type MatchResult, type PreviousLink } from '@custcode/match';
import { generateSampleCustomers, sampleToCustomer, shareCustomers } from '@custcode/sample';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Hub, openHub } from '../open-hub.js';
import { syncSource } from '../sync-source.js';
import { customerOf } from './match-inputs.js';
import { matchHub } from './match-hub.js';

/** The demo's data at a smaller size: a first ERP and two others sharing 30 % of its companies, typed differently, with planted problems. */
function demoSources(count: number): Record<string, Customer[]> {
  const first = generateSampleCustomers({ count, seed: 2024, problems: true }).customers;
  const other = (seed: number) => shareCustomers(generateSampleCustomers({ count, seed, problems: true }).customers, first, { share: 0.3, seed });
  return {
    u8: first.map((customer) => sampleToCustomer(customer, 'u8', 'yonyou-u8')),
    k3: other(7).map((customer) => sampleToCustomer(customer, 'k3', 'kingdee-k3cloud')),
    sap: other(11).map((customer) => sampleToCustomer(customer, 'sap', 'sap')),
  };
}

const SOURCES = ['u8', 'k3', 'sap'];
let hub: Hub;

/** The JavaScript engine over the very rows the hub holds, in the SQL engine's record order. */
async function jsMatch(options: { decisions?: MatchDecision[]; previous?: PreviousLink[]; masked?: Record<string, string[]> } = {}): Promise<MatchResult> {
  const inputs = [];
  for (const name of SOURCES) inputs.push({ name, customers: (await hub.customers({ source: name })).map(customerOf), masked: (options.masked?.[name] ?? []) as never });
  return match(inputs, { ...(options.decisions ? { decisions: options.decisions } : {}), ...(options.previous ? { previous: options.previous } : {}) });
}

const clusterCodes = (result: MatchResult) => result.clusters.map((cluster) => cluster.members.map((member) => `${member.source}:${member.code}@${member.org}`).join(' '));
const linkRows = (result: MatchResult) => result.links.map((link) => [link.globalId, link.source, link.code, link.org, link.name, link.evidence, link.detail, link.linkedTo].join('|'));

beforeAll(async () => {
  hub = await openHub(':memory:');
  const sources = demoSources(400);
  for (const name of SOURCES) await syncSource(hub, createMemorySource({ name, customers: sources[name]! }));
}, 60_000);
afterAll(async () => hub?.close());

describe('matchHub (the match pipeline as DuckDB SQL)', () => {
  it('gives the JavaScript match its clusters, global ids, links, weights and review band on the demo data', async () => {
    const [js, sql] = [await jsMatch(), await matchHub(hub, { sources: SOURCES, previous: [] })];
    // The data has what the comparison needs to mean something: cross-source clusters by each kind of evidence.
    expect(js.summary.crossSourceClusters).toBeGreaterThan(50);
    for (const kind of ['uscc', 'org-code', 'phone-name', 'score'] as const) expect(js.summary.linkedBy[kind]).toBeGreaterThan(0);
    expect(js.review.length).toBeGreaterThan(0);

    expect(sql.summary.candidatePairs).toBe(js.summary.candidatePairs);
    expect(sql.summary.weights.lambda).toBeCloseTo(js.summary.weights.lambda, 12);
    for (const field of Object.keys(js.summary.weights.m) as Array<keyof typeof js.summary.weights.m>) {
      sql.summary.weights.m[field].forEach((value, index) => expect(value).toBeCloseTo(js.summary.weights.m[field][index]!, 12));
      sql.summary.weights.u[field].forEach((value, index) => expect(value).toBeCloseTo(js.summary.weights.u[field][index]!, 12));
    }
    expect(clusterCodes(sql)).toEqual(clusterCodes(js));
    expect(linkRows(sql)).toEqual(linkRows(js));
    sql.links.forEach((link, index) => (link.score === null ? expect(js.links[index]!.score).toBeNull() : expect(link.score).toBeCloseTo(js.links[index]!.score!, 12)));
    expect(sql.summary.linkedBy).toEqual(js.summary.linkedBy);
    expect(sql.summary.scoreHistogram).toEqual(js.summary.scoreHistogram);
    const pairs = (result: MatchResult) => result.review.map((pair) => `${pair.a.code}|${pair.b.code}|${pair.probability.toFixed(10)}|${pair.detail}`).sort();
    expect(pairs(sql)).toEqual(pairs(js));
    expect(sql.golden).toEqual(js.golden);
  }, 120_000);

  it('keeps earlier global ids, honours confirmations, and drops a rejected pair’s own link as match does', async () => {
    const first = await jsMatch();
    const previous: PreviousLink[] = first.links.map((link) => ({ source: link.source, code: link.code, org: link.org, globalId: link.globalId }));
    // Shift the ids so that kept ids differ from fresh numbering: an engine that renumbers fails.
    const shifted = previous.map((link) => ({ ...link, globalId: `G${String(Number(link.globalId.slice(1)) + 500).padStart(8, '0')}` }));
    const pair = first.links.find((link) => link.evidence === 'score' && link.linkedTo !== '')!;
    const [otherSource, otherCode] = pair.linkedTo.split('@')[0]!.split(':') as [string, string];
    const other = first.links.find((link) => link.source === otherSource && link.code === otherCode)!;
    const alone = first.links.filter((link) => link.evidence === null && link.code !== '' && !first.links.some((l) => l.globalId === link.globalId && l !== link));
    const decisions: MatchDecision[] = [
      // Rejecting a two-record cluster's only link splits it.
      { a: { source: pair.source, code: pair.code, org: pair.org }, b: { source: other.source, code: other.code, org: other.org }, decision: 'reject' },
      { a: { source: alone[0]!.source, code: alone[0]!.code, org: alone[0]!.org }, b: { source: alone[1]!.source, code: alone[1]!.code, org: alone[1]!.org }, decision: 'confirm' },
    ];
    expect(first.links.filter((link) => link.globalId === pair.globalId)).toHaveLength(2);
    const [js, sql] = [await jsMatch({ decisions, previous: shifted }), await matchHub(hub, { sources: SOURCES, decisions, previous: shifted })];
    expect(clusterCodes(sql)).toEqual(clusterCodes(js));
    expect(linkRows(sql)).toEqual(linkRows(js));
    expect(sql.links.find((link) => link.code === alone[1]!.code && link.source === alone[1]!.source)!.evidence).toBe('confirmed');
    // Earlier ids are kept (shifted by 500, so a renumbering engine fails); the record the rejection split off gets a new one after the largest.
    const kept = new Set(shifted.map((link) => link.globalId));
    const largest = Math.max(...shifted.map((link) => Number(link.globalId.slice(1))));
    expect(sql.clusters.filter((cluster) => kept.has(cluster.globalId)).length).toBeGreaterThan(sql.clusters.length * 0.95);
    const split = [pair, other].map((record) => sql.links.find((link) => link.source === record.source && link.code === record.code && link.org === record.org)!.globalId);
    expect(split[0]).not.toBe(split[1]);
    expect(split.filter((id) => kept.has(id))).toHaveLength(1);
    expect(Number(split.find((id) => !kept.has(id))!.slice(1))).toBeGreaterThan(largest);
    expect(sql.golden.map((record) => [record.globalId, record.mergedIds])).toEqual(js.golden.map((record) => [record.globalId, record.mergedIds]));
  }, 120_000);

  it('uses no masked field as evidence and shows none', async () => {
    const masked = { u8: ['taxId', 'phone'], k3: ['taxId', 'phone'], sap: ['taxId', 'phone'] };
    const [js, sql] = [await jsMatch({ masked, previous: [] }), await matchHub(hub, { sources: SOURCES, masked, previous: [] })];
    expect(sql.summary.linkedBy.uscc + sql.summary.linkedBy['org-code'] + sql.summary.linkedBy['phone-name']).toBe(0);
    expect(linkRows(sql)).toEqual(linkRows(js));
    for (const record of sql.golden) expect([record.fields.taxId.value, record.fields.phone.value]).toEqual(['', '']);
    for (const pair of sql.review) expect([pair.a.taxId, pair.a.phone, pair.b.taxId, pair.b.phone]).toEqual(['', '', '', '']);
  }, 120_000);

  it('reads the hub through the caller’s view: rows outside the row filter are not matched, masked values are no evidence', async () => {
    const outside = (customer: Customer) => customer.source === 'sap' && customer.region === '北京';
    const view = Object.fromEntries(SOURCES.map((name) => [name, (customer: Customer) => (outside(customer) ? undefined : { ...customer, phone: customer.phone === undefined ? undefined : '***' })]));
    const sql = await matchHub(hub, { sources: SOURCES, previous: [], view: view as never });
    const hidden = (await hub.customers({ source: 'sap' })).filter((row) => row.region === '北京');
    expect(hidden.length).toBeGreaterThan(0);
    expect(sql.links.filter((link) => link.source === 'sap' && hidden.some((row) => row.code === link.code && (row.org ?? '') === link.org))).toEqual([]);
    expect(sql.summary.records).toBe((await hub.customers()).length - hidden.length);
    expect(sql.summary.linkedBy['phone-name']).toBe(0);
    for (const record of sql.golden) expect(record.fields.phone.value).toBe('');
  }, 120_000);

  it('differs from match on an indirect rejection, as documented: only the rejected pair’s own links are dropped', async () => {
    const small = await openHub(':memory:');
    try {
      const uscc = '91110000600037341L';
      const one = (source: string, code: string, name: string): Customer => ({ source, erp: 'file', code, name, taxId: uscc, status: 'active', raw: {} });
      const data = { u8: [one('u8', 'A', '北京华信科技有限公司')], k3: [one('k3', 'B', '华信科技')], sap: [one('sap', 'C', '华信科技（北京）有限公司')] };
      for (const name of SOURCES) await syncSource(small, createMemorySource({ name, customers: data[name as keyof typeof data] }));
      const decisions: MatchDecision[] = [{ a: { source: 'u8', code: 'A', org: '' }, b: { source: 'sap', code: 'C', org: '' }, decision: 'reject' }];
      const js = await match(SOURCES.map((name) => ({ name, customers: data[name as keyof typeof data] })), { decisions });
      const sql = await matchHub(small, { sources: SOURCES, decisions, previous: [] });
      // match refuses B–C too (it would join A and C); the SQL engine keeps it, so A and C share a cluster through B.
      expect(clusterCodes(js)).toEqual(['u8:A@ k3:B@', 'sap:C@']);
      expect(clusterCodes(sql)).toEqual(['u8:A@ k3:B@ sap:C@']);
      expect(sql.summary.blockedByRejection).toBe(1);
    } finally {
      await small.close();
    }
  });

  it('says which source the hub lacks, and refuses a bad review band', async () => {
    await expect(matchHub(hub, { sources: ['u8', 'oracle'] })).rejects.toThrow(/no rows of oracle.*/);
    await expect(matchHub(hub, { sources: SOURCES, threshold: 0.4, reviewFrom: 0.6 })).rejects.toThrow(/not 0 ≤ reviewFrom ≤ threshold/);
  });
});
