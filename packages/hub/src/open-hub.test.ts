import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Customer, createMemorySource, MissingDriverError } from '@custcode/core';
import { afterEach, describe, expect, it } from 'vitest';
import { openHub } from './open-hub.js';
import { syncSource } from './sync-source.js';
import { writeMatchTables } from './write-match-tables.js';
import { writeParquet } from './write-parquet.js';

const customer = (source: string, code: string, region: string): Customer => ({ source, erp: 'file', code, name: `客户${code}`, region, status: 'active', raw: { code } });
let directory: string | undefined;
afterEach(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

describe('openHub', () => {
  it('says how to install DuckDB when it is missing', async () => {
    const missing = Object.assign(new Error("Cannot find package '@duckdb/node-api'"), { code: 'ERR_MODULE_NOT_FOUND' });
    const error = await openHub(':memory:', { importDuckDb: () => Promise.reject(missing) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MissingDriverError);
    expect((error as MissingDriverError).hint).toContain('npm install @duckdb/node-api');
  });

  it('refuses a DuckDB setting that is not a size or a thread count, saying which form it takes', async () => {
    await expect(openHub(':memory:', { memoryLimit: "1GB'; DROP TABLE customers; --" })).rejects.toThrow(/memoryLimit must be a size such as '256MB'/);
    await expect(openHub(':memory:', { threads: 0 })).rejects.toThrow(/threads must be a whole number/);
    const hub = await openHub(':memory:', { memoryLimit: '300MB', threads: 1 });
    try {
      expect(await hub.query("SELECT current_setting('threads')::INTEGER AS threads")).toEqual([{ threads: 1 }]);
    } finally {
      await hub.close();
    }
  });

  it('rewrites a Parquet partition only when a sync changed its source', async () => {
    directory = mkdtempSync(join(tmpdir(), 'hub-'));
    const hub = await openHub(directory);
    const files = () => readdirSync(join(directory!, 'customers', 'source=a'));
    const count = async () => (await hub.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM read_parquet($1 || '/customers/*/*.parquet', hive_partitioning = true)", [directory]))[0]!.n;
    try {
      await syncSource(hub, createMemorySource({ name: 'a', customers: [customer('a', 'A1', '北京')] }));
      await writeParquet(hub, directory, ['a']);
      const first = statSync(join(directory, 'customers', 'source=a', files()[0]!)).ino;
      await syncSource(hub, createMemorySource({ name: 'a', customers: [customer('a', 'A1', '北京')] }), { full: true });
      await writeParquet(hub, directory, ['a']);
      expect(statSync(join(directory, 'customers', 'source=a', files()[0]!)).ino).toBe(first);
      await syncSource(hub, createMemorySource({ name: 'a', customers: [customer('a', 'A1', '北京'), customer('a', 'A2', '上海')] }), { full: true });
      await writeParquet(hub, directory, ['a']);
      expect(await count()).toBe(2);
      // Removing the partition by hand makes the next write put it back, changed or not.
      rmSync(join(directory, 'customers', 'source=a'), { recursive: true });
      await writeParquet(hub, directory, ['a']);
      expect(await count()).toBe(2);
    } finally {
      await hub.close();
    }
  });

  it('gives links, golden records and every record of a global customer, and writes a hive-partitioned Parquet dataset', async () => {
    directory = mkdtempSync(join(tmpdir(), 'hub-'));
    const hub = await openHub(directory);
    try {
      await syncSource(hub, createMemorySource({ name: 'sap', customers: [customer('sap', '100259', '北京'), customer('sap', '100300', '上海')] }));
      await syncSource(hub, createMemorySource({ name: 'u8 cn', customers: [customer('u8 cn', 'KH20150002', '北京')] }));
      const golden = { name: { value: '北京客户', from: 'sap:100259' }, region: { value: '北京', from: 'u8 cn:KH20150002' } };
      await writeMatchTables(hub, {
        links: [
          { globalId: 'G1', source: 'sap', code: '100259', org: '', name: '客户100259', score: null, evidence: null, detail: '', linkedTo: '' },
          { globalId: 'G1', source: 'u8 cn', code: 'KH20150002', org: '', name: '客户KH20150002', score: 1, evidence: 'uscc', detail: 'USCC', linkedTo: 'sap:100259' },
          { globalId: 'G2', source: 'sap', code: '100300', org: '', name: '客户100300', score: null, evidence: null, detail: '', linkedTo: '' },
        ],
        golden: [{ globalId: 'G1', mergedIds: [], members: [{}, {}], sources: ['sap', 'u8 cn'], fields: golden }],
      });
      expect((await hub.clustersOf('KH20150002')).map((link) => `${link.source}:${link.code}`)).toEqual(['sap:100259', 'u8 cn:KH20150002']);
      expect(await hub.clustersOf('KH20150002', 'sap')).toEqual([]);
      expect(await hub.golden()).toMatchObject([{ global_id: 'G1', sources: ['sap', 'u8 cn'], members: 2, name: '北京客户', region: '北京', tax_id: null }]);
      expect(JSON.parse((await hub.golden())[0]!.field_sources)).toEqual({ name: 'sap:100259', region: 'u8 cn:KH20150002' });

      await writeParquet(hub, directory, ['sap', 'u8 cn']);
      expect(readdirSync(join(directory, 'customers')).sort()).toEqual(['source=sap', 'source=u8%20cn']);
      // What a Spark or DuckDB user runs over the dataset: the partition column comes back from the path.
      const perRegion = await hub.query<{ source: string; region: string; n: number }>(
        "SELECT source, region, count(*)::INTEGER AS n FROM read_parquet($1 || '/customers/*/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY ALL",
        [directory],
      );
      expect(perRegion).toEqual([{ source: 'sap', region: '上海', n: 1 }, { source: 'sap', region: '北京', n: 1 }, { source: 'u8 cn', region: '北京', n: 1 }]);
      const links = await hub.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM read_parquet($1 || '/links/*.parquet')", [directory]);
      expect(links).toEqual([{ n: 3 }]);
    } finally {
      await hub.close();
    }
  });
});
