import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileAccessLog } from '@custcode/access';
import { createMemorySource } from '@custcode/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCustcodeApp } from './create-app.js';
import { type RunningServer, startServer } from './start-server.js';
import { API_KEYS, fixtureCustomers, fixturePolicy, gatedSource } from './testing/api-fixtures.js';

const directory = mkdtempSync(join(tmpdir(), 'custcode-fail-closed-'));
const logPath = join(directory, 'access.jsonl');
let opened = 0;
let server: RunningServer;

beforeAll(async () => {
  const source = createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers: fixtureCustomers() });
  const app = createCustcodeApp({
    sources: { k3: { erp: 'kingdee-k3cloud', open: async () => ((opened += 1), { source, secrets: [] }) } },
    policy: fixturePolicy,
    accessLog: createFileAccessLog(logPath),
    env: {},
    console: false,
  });
  server = await startServer(app, { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server?.close();
  rmSync(directory, { recursive: true, force: true });
});

const ROUTES: [string, RequestInit?][] = [
  ['/sources'],
  ['/views'],
  ['/sources/k3'],
  ['/sources/k3/customers/C0001'],
  ['/sources/k3/customers?text=C'],
  ['/sources/k3/customers:lookup', { method: 'POST', body: '{"codes":["C0001"]}' }],
  ['/sources/k3/export?format=csv'],
  ['/sources/k3/export?format=xlsx'],
  ['/sources/k3/audit', { method: 'POST', body: '{}' }],
];
const call = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${API_KEYS.admin}`, 'content-type': 'application/json' } });

describe('an access log that cannot be written', () => {
  it('stops every route before its first byte: 500 with a typed error, no data, no stack on stderr', async () => {
    rmSync(logPath);
    mkdirSync(logPath);
    const stderr = vi.spyOn(process.stderr, 'write');
    const consoleError = vi.spyOn(console, 'error');
    try {
      for (const [path, init] of ROUTES) {
        const response = await call(path, init);
        const body = await response.text();
        expect(response.status, path).toBe(500);
        expect(JSON.parse(body), path).toEqual({
          error: { name: 'AccessLogError', code: 'ACCESS_LOG_UNWRITABLE', category: 'config', message: 'The access log cannot be written (EISDIR).', hint: expect.any(String), retryable: false },
        });
        expect(body).not.toContain('C0001');
      }
      expect(opened).toBe(0);
      expect(stderr).not.toHaveBeenCalled();
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      stderr.mockRestore();
      consoleError.mockRestore();
    }
  });

  it('serves again once it can be written, opening each request before serving it', async () => {
    rmSync(logPath, { recursive: true });
    writeFileSync(logPath, '');
    const response = await call('/sources/k3/export?format=csv&fields=code');
    expect((await response.text()).trim().split(/\r?\n/).slice(1)).toEqual(['C0001', 'C0002', 'C0003', 'C0004', 'C0005']);
    const entries = readFileSync(logPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toMatchObject([
      { user: 'root', command: 'export', operation: 'request', outcome: 'started', query: { format: 'csv', fields: 'code' } },
      { user: 'root', command: 'export', operation: 'search', outcome: 'ok', records: 5, request: entries[0]?.request },
    ]);
  });
});

describe('an access log that fails while an export streams', () => {
  it('breaks the transfer (no clean end that looks complete) without a stack on stderr', async () => {
    const path = join(directory, 'streaming.jsonl');
    // The export is under way when the log breaks.
    const { source: paused, release } = gatedSource(fixtureCustomers());
    const app = createCustcodeApp({ sources: { k3: { erp: 'kingdee-k3cloud', open: async () => ({ source: paused, secrets: [] }) } }, accessLog: createFileAccessLog(path), console: false });
    const streaming = await startServer(app, { port: 0, host: '127.0.0.1' });
    const stderr = vi.spyOn(process.stderr, 'write');
    const consoleError = vi.spyOn(console, 'error');
    try {
      const response = await fetch(`${streaming.url}/sources/k3/export?format=csv`);
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      rmSync(path);
      mkdirSync(path);
      release();
      const rest = (async () => {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read());
      })();
      await expect(rest).rejects.toThrow();
      expect(stderr).not.toHaveBeenCalled();
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      stderr.mockRestore();
      consoleError.mockRestore();
      await streaming.close();
    }
  });
});
