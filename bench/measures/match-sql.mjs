/**
 * The match pipeline as DuckDB SQL (`matchHub`, `custcode match --engine sql`) against the JavaScript engine on
 * the bench's labelled data (lib/match-data.mjs: 3 sources, 30 % shared companies). Both run in this process
 * over the same records (the hub's, in the SQL engine's record order); the sync into the in-memory hub is not
 * timed. Prints both times, their ratio, whether the clusters are identical and the quality against the truth.
 * BENCH_MATCH_N sets the customers per source (default 20,000). Run directly: node bench/measures/match-sql.mjs
 */
import { performance } from 'node:perf_hooks';
import { createMemorySource } from '@custcode/core';
import { matchHub, openHub, syncSource } from '@custcode/hub';
import { match } from '@custcode/match';
import { generateMatchData, pairwiseQuality } from '../lib/match-data.mjs';

const perSource = Number(process.env.BENCH_MATCH_N ?? 20_000);
const { sources, truth } = generateMatchData({ perSource });
const hub = await openHub(':memory:');
const names = sources.map((source) => source.name);
for (const source of sources) await syncSource(hub, createMemorySource({ name: source.name, customers: [...source.customers] }));
// The JavaScript engine reads the hub's rows too, so that both number the records alike.
const toCustomer = (row) => Object.fromEntries(Object.entries({ source: row.source, erp: row.erp, code: row.code, org: row.org ?? undefined, name: row.name, shortName: row.short_name, taxId: row.tax_id, phone: row.phone, contact: row.contact, address: row.address, category: row.category, region: row.region, status: row.status, createdAt: row.created_at, updatedAt: row.updated_at, raw: {} }).filter(([, value]) => value !== null && value !== undefined));
const inputs = [];
for (const name of names) inputs.push({ name, customers: (await hub.customers({ source: name })).map(toCustomer) });

let start = performance.now();
const js = await match(inputs);
const jsSeconds = (performance.now() - start) / 1000;
start = performance.now();
const sql = await matchHub(hub, { sources: names, previous: [] });
const sqlSeconds = (performance.now() - start) / 1000;
await hub.close();

const clusters = (result) => JSON.stringify(result.clusters.map((cluster) => cluster.members));
console.log(JSON.stringify({
  records: js.summary.records,
  candidatePairs: [js.summary.candidatePairs, sql.summary.candidatePairs],
  jsSeconds: Number(jsSeconds.toFixed(1)),
  sqlSeconds: Number(sqlSeconds.toFixed(1)),
  sqlOverJs: Number((sqlSeconds / jsSeconds).toFixed(2)),
  sameClusters: clusters(js) === clusters(sql),
  sameLinks: JSON.stringify(js.links.map((link) => [link.globalId, link.evidence, link.linkedTo])) === JSON.stringify(sql.links.map((link) => [link.globalId, link.evidence, link.linkedTo])),
  quality: { js: pairwiseQuality(js.clusters, truth), sql: pairwiseQuality(sql.clusters, truth) },
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
}));
