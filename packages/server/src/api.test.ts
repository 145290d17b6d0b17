import { type Customer, createMemorySource } from '@custcode/core';
import { hashApiKey } from '@custcode/access';
import { afterAll, describe, expect, it } from 'vitest';
import { API_KEYS, entryOf, fixtureApp, fixtureCustomers } from './testing/api-fixtures.js';

const { custcode, accessLog, request } = fixtureApp();
afterAll(() => custcode.close());
const json = async (response: Response) => (await response.json()) as Record<string, unknown>;

describe('authentication', () => {
  it('answers /health and /openapi.json without a key', async () => {
    expect(await json(await request('/health'))).toMatchObject({ status: 'ok' });
    const document = await json(await request('/openapi.json'));
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths as object)).toEqual(expect.arrayContaining(['/sources/{name}/customers:lookup', '/sources/{name}/export']));
    const schemas = (document.components as { schemas: Record<string, { properties?: Record<string, { items?: { properties?: object } }> }> }).schemas;
    expect(schemas.Customer?.properties).toHaveProperty('taxId');
    expect(Object.keys(schemas.SourceList?.properties?.sources?.items?.properties ?? {})).toEqual(['name', 'erp', 'label', 'commands']);
  });

  it('refuses a missing or wrong key with 401 and a typed error', async () => {
    const missing = await request('/sources');
    expect(missing.status).toBe(401);
    expect(await json(missing)).toMatchObject({ error: { code: 'NOT_AUTHENTICATED', category: 'access' } });
    expect((await request('/sources', { key: 'guess' })).status).toBe(401);
  });

  it('lists only the sources and commands a role has, with hashed and env keys', async () => {
    expect(await json(await request('/sources', { key: API_KEYS.viewer }))).toEqual({ sources: [{ name: 'k3', erp: 'kingdee-k3cloud', label: 'Kingdee K/3 Cloud (T_BD_CUSTOMER)', commands: ['get', 'search'] }] });
    expect(await json(await request('/sources', { key: API_KEYS.analyst }))).toMatchObject({ sources: [{ commands: ['get', 'search', 'export', 'audit'] }] });
  });

  it('labels a source given no product label by its ERP value', async () => {
    const unlabelled = fixtureApp({ sources: { mem: entryOf(createMemorySource({ name: 'mem', erp: 'file', customers: [] })) } });
    try {
      expect(await json(await unlabelled.request('/sources', { key: API_KEYS.admin }))).toEqual({ sources: [{ name: 'mem', erp: 'file', label: 'file', commands: ['get', 'search', 'export', 'audit', 'migrate', 'match'] }] });
    } finally {
      await unlabelled.custcode.close();
    }
  });
});

describe('source description', () => {
  it('describes a source to a caller with any right on it', async () => {
    const body = (await (await request('/sources/k3', { key: API_KEYS.viewer })).json()) as { name: string; commands: string[]; description: { fields: string[]; orgScope: { kind: string } } };
    expect(body).toMatchObject({ name: 'k3', label: 'Kingdee K/3 Cloud (T_BD_CUSTOMER)', commands: ['get', 'search'], description: { orgScope: { kind: 'org' } } });
    expect(body.description.fields).toContain('taxId');
    expect((await request('/sources/nope', { key: API_KEYS.viewer })).status).toBe(404);
  });
});

describe('customers', () => {
  it('masks fields and raw columns for a viewer and hides other orgs', async () => {
    const found = await request('/sources/k3/customers/C0002', { key: API_KEYS.viewer });
    expect(found.status).toBe(200);
    const customer = (await found.json()) as Customer;
    expect(customer).toMatchObject({ code: 'C0002', taxId: '9111********021L', phone: '138****0002', contact: '王**', raw: { FTEL: '138****0002', FCONTACT: '王**' } });
    const other = await request('/sources/k3/customers/C0001', { key: API_KEYS.viewer });
    expect(other.status).toBe(404);
    expect(await json(other)).toMatchObject({ error: { code: 'CUSTOMER_NOT_FOUND' } });
    const admin = (await (await request('/sources/k3/customers/C0001', { key: API_KEYS.admin })).json()) as Customer;
    expect(admin.phone).toBe('13800000001');
  });

  it('looks up a batch in order, with null for codes the role cannot see', async () => {
    const response = await request('/sources/k3/customers:lookup', { key: API_KEYS.viewer, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ codes: ['C0004', 'C0001', 'NOPE'] }) });
    const body = (await response.json()) as { results: { code: string; customer: Customer | null }[] };
    expect(body.results.map((result) => [result.code, result.customer?.phone ?? null])).toEqual([['C0004', '138****0004'], ['C0001', null], ['NOPE', null]]);
    const bad = await request('/sources/k3/customers:lookup', { key: API_KEYS.viewer, method: 'POST', body: '{"codes": []}' });
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });

  it('pages through a search with a cursor', async () => {
    const codes: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const response = await request(`/sources/k3/customers?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { key: API_KEYS.analyst });
      const page = (await response.json()) as { items: Customer[]; nextCursor?: string };
      codes.push(...page.items.map((item) => item.code));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== undefined && pages < 10);
    expect(codes).toEqual(['C0001', 'C0002', 'C0003', 'C0004', 'C0005']);
    const filtered = (await (await request('/sources/k3/customers?status=active&org=100002&count=true', { key: API_KEYS.viewer })).json()) as { items: Customer[]; total: number };
    expect(filtered.items.map((item) => item.code)).toEqual(['C0002', 'C0004', 'C0005']);
    expect(filtered.total).toBe(3);
    expect((await request('/sources/k3/customers?createdFrom=yesterday', { key: API_KEYS.analyst })).status).toBe(400);
  });

  it('answers 403 for a command the role lacks and for filtering on a masked field, and logs both', async () => {
    const denied = await request('/sources/k3/export?format=csv', { key: API_KEYS.viewer });
    expect(denied.status).toBe(403);
    expect(await json(denied)).toMatchObject({ error: { code: 'NOT_AUTHORIZED', category: 'access' } });
    expect((await request('/sources/k3/customers?phone=0002', { key: API_KEYS.viewer })).status).toBe(403);
    expect((await request('/sources/k3/audit', { key: API_KEYS.viewer, method: 'POST' })).status).toBe(403);
    const denials = accessLog.entries.filter((entry) => entry.outcome === 'denied');
    expect(denials.map((entry) => [entry.user, entry.command, entry.via])).toEqual([['vera', 'export', 'api'], ['vera', 'search', 'api'], ['vera', 'audit', 'api']]);
    expect(JSON.stringify(accessLog.entries)).not.toContain('13800000002');
  });

  it('answers 404 with a typed code for an unknown source', async () => {
    const response = await request('/sources/nope/customers/C1', { key: API_KEYS.admin });
    expect(response.status).toBe(404);
    expect(await json(response)).toMatchObject({ error: { code: 'SOURCE_NOT_FOUND' } });
  });
});

describe('a role confined to a code prefix, with the name masked (issue 15)', () => {
  const policy = {
    roles: { c00: { sources: { my: { commands: '*' as const, filter: { codePrefix: 'C00' }, mask: ['name' as const] } } } },
    users: { cora: { role: 'c00', apiKey: { sha256: hashApiKey('cora-key-0004') } } },
  };
  const customers = [...fixtureCustomers(), { ...fixtureCustomers()[0]!, code: 'KH2015', name: '丰贝澜贸易有限公司' }].map((customer) => ({ ...customer, source: 'my' }));
  const { custcode: app, request: ask } = fixtureApp({ policy, sources: { my: entryOf(createMemorySource({ name: 'my', customers })) } });
  afterAll(() => app.close());

  it('gets nothing outside the prefix by code or lookup', async () => {
    expect((await ask('/sources/my/customers/KH2015', { key: 'cora-key-0004' })).status).toBe(404);
    const lookup = await ask('/sources/my/customers:lookup', { key: 'cora-key-0004', method: 'POST', body: JSON.stringify({ codes: ['KH2015', 'C0001'] }), headers: { 'content-type': 'application/json' } });
    expect(((await json(lookup)).results as Array<{ customer: Customer | null }>).map((result) => result.customer?.code ?? null)).toEqual([null, 'C0001']);
  });

  it('does not let text match the masked name, and says what it matched', async () => {
    const search = await ask(`/sources/my/customers?text=${encodeURIComponent('华信科技')}`, { key: 'cora-key-0004' });
    expect(search.headers.get('custcode-text-fields')).toBe('code,shortName');
    expect(await json(search)).toEqual({ items: [], textFields: ['code', 'shortName'] });
    const exported = await ask(`/sources/my/export?format=ndjson&text=bjhx`, { key: 'cora-key-0004' });
    expect(exported.headers.get('custcode-text-fields')).toBe('code,shortName');
    expect(await exported.text()).toBe('');
  });
});

describe('export and audit', () => {
  it('streams CSV and NDJSON with the filters applied', async () => {
    const csv = await request('/sources/k3/export?format=csv&fields=code,phone&status=active', { key: API_KEYS.analyst });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="k3.csv"');
    expect((await csv.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/)).toEqual(['code,phone', 'C0001,13800000001', 'C0002,13800000002', 'C0004,13800000004', 'C0005,13800000005']);
    const ndjson = await request('/sources/k3/export?format=ndjson&org=100002', { key: API_KEYS.analyst });
    expect((await ndjson.text()).trim().split('\n').map((line) => (JSON.parse(line) as Customer).code)).toEqual(['C0002', 'C0003', 'C0004', 'C0005']);
    const xlsx = await request('/sources/k3/export?format=xlsx', { key: API_KEYS.analyst });
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await request('/sources/k3/export?format=docx', { key: API_KEYS.analyst })).status).toBe(400);
  });

  it('refuses a bad audit rule and an oversized body with 400', async () => {
    const badRule = await request('/sources/k3/audit', { key: API_KEYS.analyst, method: 'POST', body: JSON.stringify({ rule: 'KH{seq:' }) });
    expect(badRule.status).toBe(400);
    expect(await json(badRule)).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    const huge = await request('/sources/k3/customers:lookup', { key: API_KEYS.analyst, method: 'POST', body: JSON.stringify({ codes: Array.from({ length: 600_000 }, (_, index) => `C${index}`) }) });
    expect(huge.status).toBe(400);
    expect(await json(huge)).toMatchObject({ error: { code: 'BAD_REQUEST', message: expect.stringContaining('larger than 4 MB') } });
  });

  it('runs an audit and returns the report', async () => {
    const response = await request('/sources/k3/audit', { key: API_KEYS.analyst, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nearDuplicates: false }) });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ source: 'k3', total: 5 });
  });
});

describe('without roles', () => {
  it('needs no key and shows everything', async () => {
    const open = fixtureApp({ policy: undefined });
    try {
      const customer = (await (await open.request('/sources/k3/customers/C0001')).json()) as Customer;
      expect(customer.phone).toBe('13800000001');
      expect(open.accessLog.entries).toMatchObject([
        { user: 'anonymous', role: null, command: 'get', operation: 'request', outcome: 'started', method: 'GET', path: '/sources/k3/customers/C0001' },
        { user: 'anonymous', role: null, operation: 'get', records: 1, outcome: 'ok' },
      ]);
    } finally {
      await open.custcode.close();
    }
  });
});

describe('denied requests', () => {
  it('are refused before the source is opened, and logged once', async () => {
    let opened = 0;
    const source = createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers: fixtureCustomers() });
    const counted = fixtureApp({ sources: { k3: { erp: 'kingdee-k3cloud', open: async () => ((opened += 1), { source, secrets: [] }) } } });
    try {
      expect((await counted.request('/sources/k3/export', { key: API_KEYS.viewer })).status).toBe(403);
      expect(opened).toBe(0);
      expect(counted.accessLog.entries).toMatchObject([
        { user: 'vera', command: 'export', operation: 'request', outcome: 'started' },
        { user: 'vera', command: 'export', operation: 'open', outcome: 'denied' },
      ]);
      expect((await counted.request('/sources/k3/customers/C0002', { key: API_KEYS.viewer })).status).toBe(200);
      expect(opened).toBe(1);
    } finally {
      await counted.custcode.close();
    }
  });
});
