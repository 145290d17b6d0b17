import { audit } from '@custcode/audit';
import { type Customer, type CustomerSource, createMemorySource } from '@custcode/core';
import { createMemoryAccessLog } from '@custcode/access';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCustcodeApp } from '../create-app.js';
import { entryOf, fixtureCustomers, gatedSource } from '../testing/api-fixtures.js';
import type { AuditBudget } from './audit-budget.js';

const apps: { close(): Promise<void> }[] = [];
afterAll(() => Promise.all(apps.map((app) => app.close())));

/** An app over one source `k3`, without roles, with the given audit budget. */
function appWith(source: CustomerSource, auditBudget: Partial<AuditBudget> = {}) {
  const accessLog = createMemoryAccessLog();
  const custcode = createCustcodeApp({ sources: { k3: entryOf(source) }, accessLog, auditBudget, console: false });
  apps.push(custcode);
  const post = (body: unknown, query = '') =>
    custcode.fetch(new Request(`http://localhost/sources/k3/audit${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  return { post, accessLog, health: () => custcode.fetch(new Request('http://localhost/health')) };
}

const many = (count: number): Customer[] =>
  Array.from({ length: count }, (_, index) => ({ source: 'k3', erp: 'kingdee-k3cloud', code: `KH${String(index).padStart(7, '0')}`, name: `第${index}号测试贸易有限公司${'（华东区域销售服务中心）'.repeat(4)}`, status: 'active', raw: {} }));

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string; retryable: boolean } }).error;

describe('an audit request', () => {
  it('computes on a worker the same report audit() computes in process, as JSON and as HTML', async () => {
    const customers = fixtureCustomers();
    const { post } = appWith(createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers }));
    const response = await post({ rule: 'C{seq:4}' });
    expect(response.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    const expected = await audit(createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers }).search(), { source: 'k3', rule: 'C{seq:4}' });
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(expected)));
    const html = await post({}, '?format=html');
    expect(html.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(await html.text()).toMatch(/^<!doctype html>/i);
    // The console asks for the report in its language; a language it does not know is the caller's mistake.
    expect(await (await post({}, '?format=html&lang=zh')).text()).toContain('客户编号审计 — k3');
    expect(await (await post({}, '?format=html&lang=en')).text()).toContain('Customer code audit — k3');
    expect((await post({}, '?format=html&lang=fr')).status).toBe(400);
  });

  it('with a rule past the pattern limits is a 400 that names the limit, and the server lives on', async () => {
    const { post, health } = appWith(createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers: fixtureCustomers() }));
    const response = await post({ rule: 'KH{seq:999999999}' });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'BAD_REQUEST', message: 'The serial {seq:999999999} has 999999999 digits; a serial has at most 15.' });
    expect((await health()).status).toBe(200);
  });

  it('stops reading past the record budget: 400, logged as aborted and as the budget error', async () => {
    const { post, accessLog } = appWith(createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers: many(5000) }), { maxRecords: 1500 });
    const response = await post({ nearDuplicates: false });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'BUDGET_EXCEEDED', message: expect.stringContaining('more than 1,500 records') });
    // The reader stops a moment after the answer: the search entry may come after the closing one.
    const search = await vi.waitUntil(() => accessLog.entries.find((entry) => entry.operation === 'search'));
    expect(search).toMatchObject({ outcome: 'aborted' });
    expect(search.records).toBeLessThan(5000);
    expect(accessLog.entries.filter((entry) => entry.operation === 'request')).toMatchObject([
      { outcome: 'started' },
      { outcome: 'error', error: 'BUDGET_EXCEEDED', status: 400 },
    ]);
  });

  it('fails with the time budget when the source does not finish', async () => {
    const { source, release } = gatedSource(fixtureCustomers());
    const { post } = appWith(source, { timeoutMs: 50 });
    try {
      const response = await post({});
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({ code: 'BUDGET_EXCEEDED', message: expect.stringContaining('longer than 0.05 s') });
    } finally {
      release();
    }
  });

  it('ends the worker, not the server, when the report needs more memory than its budget', async () => {
    const { post, health } = appWith(createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers: many(50_000) }), { memoryMb: 8 });
    const response = await post({});
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'BUDGET_EXCEEDED', message: expect.stringContaining('more than 8 MB') });
    expect((await health()).status).toBe(200);
  });

  it('is refused with a retryable 503 while as many audits as allowed run', async () => {
    const { source, release, waiting } = gatedSource(fixtureCustomers());
    const { post } = appWith(source, { concurrency: 1 });
    const first = post({});
    // The first audit holds its slot until the gate opens.
    await waiting;
    const busy = await post({});
    expect(busy.status).toBe(503);
    expect(await errorOf(busy)).toMatchObject({ code: 'SERVER_BUSY', retryable: true });
    release();
    expect((await first).status).toBe(200);
    expect((await post({})).status).toBe(200);
  });

  it('refuses a budget that is not a positive whole number when the app is built', () => {
    expect(() => appWith(createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers: [] }), { timeoutMs: 0 })).toThrow(/auditBudget.timeoutMs must be a whole number of at least 1/);
  });
});
