import { request as httpRequest } from 'node:http';
import { createMemorySource, type Customer } from '@custcode/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './start-server.js';
import { API_KEYS, entryOf, fixtureApp, fixtureCustomers } from './testing/api-fixtures.js';

const crm = createMemorySource({ name: 'crm', erp: 'generic-sql', customers: fixtureCustomers().map((customer) => ({ ...customer, source: 'crm', erp: 'generic-sql' as const })) });
/** k3 is the fixture's source; crm exists, but the viewer role has no grant on it at all. */
const sources = { k3: entryOf(createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers: fixtureCustomers() })), crm: entryOf(crm) };
const { custcode, accessLog, request } = fixtureApp({ sources });
afterAll(() => custcode.close());
const json = async (response: Response) => (await response.json()) as { error: { code: string; message: string } };

/** A raw HTTP/1.1 request with any Host header (fetch does not let a caller set it). */
function withHost(url: string, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(`${url}${path}`, { headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.on('error', reject).end();
  });
}

describe('the Host header (DNS rebinding)', () => {
  let open: ReturnType<typeof fixtureApp>;
  let server: RunningServer;
  beforeAll(async () => {
    // Without roles the API needs no key: exactly where a rebinding page would read everything.
    open = fixtureApp({ policy: undefined });
    server = await startServer(open.custcode, { port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  it('refuses a name the server was not configured for, before anything is read', async () => {
    const refused = await withHost(server.url, '/sources/k3/customers/C0001', 'attacker.example');
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'HOST_NOT_ALLOWED', category: 'access' } });
    expect(refused.body).not.toContain('C0001');
    expect((await withHost(server.url, '/health', 'attacker.example:8080')).status).toBe(403);
    expect(open.accessLog.entries).toEqual([]);
  });

  it('answers to IP addresses, localhost and configured names', async () => {
    const port = new URL(server.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'LOCALHOST.', `app.localhost:${port}`, `[::1]:${port}`, '10.1.2.3', 'custcode.test']) {
      expect((await withHost(server.url, '/sources/k3/customers/C0001', host)).status, host).toBe(200);
    }
    expect((await open.custcode.fetch(new Request('http://custcode.test/health'))).status).toBe(200);
    expect((await open.custcode.fetch(new Request('http://other.test/health'))).status).toBe(403);
  });
});

describe('response headers', () => {
  it('forbid MIME sniffing and caching on every API answer, errors and streams included', async () => {
    const answers = [
      await request('/health'),
      await request('/sources', { key: API_KEYS.admin }),
      await request('/sources/k3/customers/NOPE', { key: API_KEYS.admin }),
      await request('/sources/k3/export?format=ndjson', { key: API_KEYS.admin }),
      await request('/nowhere'),
      await request('/sources'),
    ];
    expect(answers.map((answer) => [answer.status, answer.headers.get('x-content-type-options'), answer.headers.get('cache-control')])).toEqual([
      [200, 'nosniff', 'no-store'], [200, 'nosniff', 'no-store'], [404, 'nosniff', 'no-store'], [200, 'nosniff', 'no-store'], [404, 'nosniff', 'no-store'], [401, 'nosniff', 'no-store'],
    ]);
    await Promise.all(answers.map((answer) => answer.body?.cancel()));
  });

  it('let no other site frame the console', async () => {
    const page = await request('/');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('a source the caller may not use', () => {
  it('is answered exactly as a source that does not exist, on every route, and logged as denied', async () => {
    const routes: [string, RequestInit?][] = [
      ['/sources/NAME'],
      ['/sources/NAME/customers/C0001'],
      ['/sources/NAME/customers?text=a'],
      ['/sources/NAME/export'],
      ['/sources/NAME/customers:lookup', { method: 'POST', body: '{"codes":["C0001"]}' }],
      ['/sources/NAME/audit', { method: 'POST', body: '{}' }],
    ];
    for (const [path, init] of routes) {
      const denied = await request(path.replace('NAME', 'crm'), { ...init, key: API_KEYS.viewer });
      const unknown = await request(path.replace('NAME', 'nope'), { ...init, key: API_KEYS.viewer });
      expect(denied.status, path).toBe(404);
      expect(unknown.status, path).toBe(404);
      expect((await denied.text()).replace('crm', 'NAME'), path).toBe((await unknown.text()).replace('nope', 'NAME'));
    }
    const denials = accessLog.entries.filter((entry) => entry.source === 'crm' && entry.outcome === 'denied');
    expect(denials).toHaveLength(routes.length);
    expect(await json(await request('/sources/crm/customers/C0001', { key: API_KEYS.admin }))).toMatchObject({ code: 'C0001' });
  });

  it('is still a 403 for a command the role lacks on a source it sees', async () => {
    expect((await request('/sources/k3/export', { key: API_KEYS.viewer })).status).toBe(403);
  });
});

describe('a NUL character', () => {
  it('is a 400 on every route, in the path, the query or the body', async () => {
    const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });
    const cases: [string, RequestInit?][] = [
      ['/sources/k3/customers/C0001%00'],
      ['/sources/k3%00/customers/C0001'],
      ['/sources/k3/customers?text=%00'],
      ['/sources/k3/customers?codePrefix=C%00'],
      ['/sources/k3/customers?cursor=C%00'],
      ['/sources/k3/customers/C0001?org=1%00'],
      ['/sources/k3/export?name=a%00b'],
      ['/sources/k3/customers:lookup', post({ codes: ['C0001', 'C\u00000002'] })],
      ['/sources/k3/customers:lookup', post({ codes: ['C0001'], org: '\u0000' })],
      ['/sources/k3/audit', post({ rule: 'KH\u0000{seq:4}' })],
      ['/sources/k3?x=%00'],
    ];
    for (const [path, init] of cases) {
      const response = await request(path, { ...init, key: API_KEYS.admin });
      expect(response.status, path).toBe(400);
      expect((await json(response)).error, path).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('NUL') });
    }
  });
});

describe('logged query text', () => {
  it('is cut to its head and length: a 3 MB code is not written to the log', async () => {
    const before = accessLog.entries.length;
    const huge = `C${'7'.repeat(3 * 1024 * 1024)}`;
    await request('/sources/k3/customers:lookup', { method: 'POST', body: JSON.stringify({ codes: [huge, 'C0002'] }), key: API_KEYS.admin });
    await request(`/sources/k3/customers?text=${'x'.repeat(100_000)}`, { key: API_KEYS.admin });
    const written = JSON.stringify(accessLog.entries.slice(before));
    expect(written.length).toBeLessThan(5_000);
    expect(written).toContain(`…[${huge.length} characters]`);
    expect(written).toContain('…[100000 characters]');
  });
});

describe('every source route', () => {
  it('opens its entry in the access log before it serves, and a source call closes it', async () => {
    const before = accessLog.entries.length;
    const found = (await (await request('/sources/k3/customers/C0002', { key: API_KEYS.viewer })).json()) as Customer;
    expect(found.code).toBe('C0002');
    const [opening, closing] = accessLog.entries.slice(before);
    expect(opening).toMatchObject({ user: 'vera', role: 'viewer', command: 'get', operation: 'request', outcome: 'started', source: 'k3', via: 'api', path: '/sources/k3/customers/C0002' });
    expect(closing).toMatchObject({ operation: 'get', outcome: 'ok', records: 1, request: opening?.request });
    await request('/sources', { key: API_KEYS.viewer });
    expect(accessLog.entries.slice(-2)).toMatchObject([
      { command: 'list', operation: 'request', outcome: 'started', source: '*' },
      { command: 'list', operation: 'request', outcome: 'ok', status: 200 },
    ]);
  });
});
