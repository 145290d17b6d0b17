import { type Customer, type SourceDriver, createCustomerSource } from '@custcode/core';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  const driver: SourceDriver = {
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
  return createCustomerSource(driver);
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

describe('streaming export', () => {
  it(`streams ${ROWS.toLocaleString('en-US')} rows of NDJSON with bounded memory growth`, async () => {
    // Warm up (module loading, the HTTP client, first heap growth) so that only the export is measured.
    await (await fetch(`${server.url}/sources/big/export?format=ndjson&limit=5000`)).text();
    const before = rssAfterGc();
    const response = await fetch(`${server.url}/sources/big/export?format=ndjson`);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let bytes = 0;
    let lines = 0;
    let lastLine = '';
    let nextSample = ROWS / 10;
    const samples: number[] = [];
    const decoder = new TextDecoder();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.byteLength;
      const text = decoder.decode(chunk.value, { stream: true });
      for (const character of text) if (character === '\n') lines += 1;
      lastLine = (lastLine + text).slice(-1000);
      if (lines >= nextSample) {
        samples.push(rssAfterGc());
        nextSample += ROWS / 10;
      }
    }
    samples.push(rssAfterGc());
    const megabytes = (value: number) => value / 1024 / 1024;
    const growth = megabytes(Math.max(...samples) - before);
    // Between the first tenth and the end, a buffering server would grow by about 90% of the body.
    const lateGrowth = megabytes(Math.max(...samples.slice(1)) - samples[0]!);
    console.info(`[export memory] ${ROWS} rows, ${megabytes(bytes).toFixed(1)} MB streamed, RSS growth ${growth.toFixed(1)} MB (after the first tenth ${lateGrowth.toFixed(1)} MB)`);
    expect(lines).toBe(ROWS);
    expect(lastLine).toContain(code(ROWS - 1));
    expect(megabytes(bytes)).toBeGreaterThan(80);
    expect(growth).toBeLessThan(40);
    expect(lateGrowth).toBeLessThan(20);
  });
});
