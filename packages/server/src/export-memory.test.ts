import { type Customer, type SourceReader, createCustomerSource } from '@custcode/core';
import { createGenericSqlSource } from '@custcode/sql';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';
import { createCustcodeApp } from './create-app.js';
import { type RunningServer, startServer } from './start-server.js';

const ROWS = 100_000;
const code = (index: number) => `G${String(index).padStart(7, '0')}`;

/** A source that makes its rows on the fly, so the test measures the server, not the data. */
function generatedSource() {
  const row = (index: number): Customer => ({
    source: 'big', erp: 'generic-sql', code: code(index), name: `生成客户有限公司第${index}号分公司（华东区域销售服务中心）`, phone: `138${String(index).padStart(8, '0')}`,
    address: `上海市浦东新区张江高科技园区碧波路${index}号${'楼'.repeat(20)}`, status: 'active', raw: { id: index, memo: 'x'.repeat(600) },
  });
  const reader: SourceReader = {
    name: 'big', erp: 'generic-sql', codeForm: 'as-is',
    describe: () => ({ fields: ['source', 'erp', 'code', 'name', 'phone', 'address', 'status'], orgScope: { kind: 'none' }, changeTracking: 'none', pinyinSearch: 'scan', unsupportedFilters: [], limits: { lookupBatch: 1000, page: 1000 }, resumable: true, details: {} }),
    async page({ after, limit }) {
      const start = after ? Number(after.code.slice(1)) + 1 : 0;
      return Array.from({ length: Math.max(0, Math.min(limit, ROWS - start)) }, (_, offset) => row(start + offset));
    },
    lookup: async () => [],
    count: async () => ROWS,
    close: async () => undefined,
  };
  return createCustomerSource(reader);
}

// A full collection before each sample, so RSS shows what is kept alive, not garbage awaiting collection.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const rssAfterGc = () => {
  collectGarbage();
  return process.memoryUsage().rss;
};

let server: RunningServer;
beforeAll(async () => {
  const source = generatedSource();
  server = await startServer(createCustcodeApp({ sources: { big: { erp: 'generic-sql', open: async () => ({ source, secrets: [] }) } }, console: false }), { port: 0, host: '127.0.0.1' });
});
afterAll(() => server?.close());

/** Reads an export response to the end, sampling RSS (after a full GC) every tenth of the rows. */
async function measureExport(url: string, rows: number, headers: Record<string, string> = {}) {
  // Warm up (module loading, the HTTP client, first heap growth) so that only the export is measured.
  await (await fetch(`${url}&limit=5000`, { headers })).text();
  const before = rssAfterGc();
  const response = await fetch(url, { headers });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  let bytes = 0;
  let lines = 0;
  let tail = '';
  let nextSample = rows / 10;
  const samples: number[] = [];
  const decoder = new TextDecoder();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    const text = decoder.decode(chunk.value, { stream: true });
    for (const character of text) if (character === '\n') lines += 1;
    tail = (tail + text).slice(-1000);
    if (lines >= nextSample) {
      samples.push(rssAfterGc());
      nextSample += rows / 10;
    }
  }
  samples.push(rssAfterGc());
  const megabytes = (value: number) => value / 1024 / 1024;
  return {
    lines,
    tail,
    megabytesStreamed: megabytes(bytes),
    growth: megabytes(Math.max(...samples) - before),
    // Between the first tenth and the end, a buffering server would grow by about 90% of the body.
    lateGrowth: megabytes(Math.max(...samples.slice(1)) - samples[0]!),
  };
}

describe('streaming export', () => {
  it(`streams ${ROWS.toLocaleString('en-US')} rows of NDJSON with bounded memory growth`, async () => {
    const result = await measureExport(`${server.url}/sources/big/export?format=ndjson`, ROWS);
    console.info(`[export memory] generated source: ${ROWS} rows, ${result.megabytesStreamed.toFixed(1)} MB streamed, RSS growth ${result.growth.toFixed(1)} MB (after the first tenth ${result.lateGrowth.toFixed(1)} MB)`);
    expect(result.lines).toBe(ROWS);
    expect(result.tail).toContain(code(ROWS - 1));
    expect(result.megabytesStreamed).toBeGreaterThan(80);
    expect(result.growth).toBeLessThan(40);
    expect(result.lateGrowth).toBeLessThan(20);
  });
});

const SQL_ROWS = 100_000;

// The 100k-row SQL export runs on MariaDB (the brief's backend for it); SQLite and PostgreSQL keep the suite fast.
for (const backend of testBackends().filter((candidate) => candidate.name === 'mariadb')) {
  if (backend.unavailable) console.warn(`[export memory] ${backend.unavailable}`);

  describe.skipIf(backend.unavailable !== undefined)(`streaming export from a generic-sql source on ${backend.name}`, () => {
    let database: TestDatabase;
    let sqlServer: RunningServer;
    beforeAll(async () => {
      database = await backend.createDatabase();
      const q = (name: string) => database.quote(name);
      await database.run(`CREATE TABLE ${q('big_customer')} (${q('CustomerID')} VARCHAR(20) PRIMARY KEY, ${q('CustomerName')} VARCHAR(200), ${q('Phone')} VARCHAR(20), ${q('OrgId')} VARCHAR(10))`);
      const batch = 5_000;
      for (let start = 0; start < SQL_ROWS; start += batch) {
        await database.insert('big_customer', Array.from({ length: batch }, (_, offset) => {
          const index = start + offset;
          return { CustomerID: code(index), CustomerName: `生成客户有限公司第${index}号分公司（华东区域销售服务中心）`, Phone: `138${String(index).padStart(8, '0')}`, OrgId: index % 2 === 0 ? '100001' : '100002' };
        }));
      }
      const source = createGenericSqlSource({ name: 'crm', connection: database.url, table: 'big_customer', columns: { code: 'CustomerID', name: 'CustomerName', phone: 'Phone', org: 'OrgId' } });
      const policy = { roles: { masked: { sources: { crm: { commands: ['export' as const], mask: ['phone' as const] } } } }, users: { bulk: { role: 'masked', apiKey: { env: 'BULK_KEY' } } } };
      sqlServer = await startServer(createCustcodeApp({ sources: { crm: { erp: 'generic-sql', open: async () => ({ source, secrets: [] }) } }, policy, env: { BULK_KEY: 'bulk' }, console: false }), { port: 0, host: '127.0.0.1' });
    }, 300_000);
    afterAll(async () => {
      await sqlServer?.close();
      await database?.drop();
    });

    it(`streams ${SQL_ROWS.toLocaleString('en-US')} masked NDJSON rows with bounded memory growth`, async () => {
      const result = await measureExport(`${sqlServer.url}/sources/crm/export?format=ndjson`, SQL_ROWS, { authorization: 'Bearer bulk' });
      console.info(`[export memory] generic-sql on ${backend.name}: ${SQL_ROWS} rows, ${result.megabytesStreamed.toFixed(1)} MB streamed, RSS growth ${result.growth.toFixed(1)} MB (after the first tenth ${result.lateGrowth.toFixed(1)} MB)`);
      expect(result.lines).toBe(SQL_ROWS);
      const last = JSON.parse(result.tail.trim().split('\n').at(-1)!) as Customer;
      expect(last).toMatchObject({ code: code(SQL_ROWS - 1), phone: '138****9999', raw: { Phone: '138****9999' } });
      expect(result.megabytesStreamed).toBeGreaterThan(25);
      expect(result.growth).toBeLessThan(20);
      expect(result.lateGrowth).toBeLessThan(10);
    });
  });
}
