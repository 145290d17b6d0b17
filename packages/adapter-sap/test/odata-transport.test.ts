import { createSapSource } from '@custcode/adapter-sap';
import { seedODataService, startODataEmulator, type ODataEmulator } from '@custcode/adapter-sap/emulator';
import { alphaOutput, isCustcodeError } from '@custcode/core';
import { canonicalCustomers } from '@custcode/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeODataDate, decodeODataTime } from '../src/odata/odata-date.js';
import { createODataHttpClient, retryAfterMs } from '../src/odata/odata-http.js';
import { parseSapODataOptions } from '../src/odata/odata-options.js';

const basic = { basic: { user: 'ODATA_USER', password: 'password' } };
let emulator: ODataEmulator | undefined;
afterEach(async () => {
  const running = emulator;
  emulator = undefined;
  await running?.close();
});

async function seeded(options: Parameters<typeof startODataEmulator>[1] = {}, orgScope: 'none' | 'company-code' | 'sales-area' = 'none') {
  const seed = seedODataService(canonicalCustomers(), { orgScope });
  emulator = await startODataEmulator(seed.tables, { lastChanged: seed.lastChanged, ...options });
  return { ...seed, emulator };
}

const rejection = async (promise: Promise<unknown>) => promise.then(() => expect.unreachable('expected a rejection'), (error: unknown) => error);

describe('SAP over OData: reading', () => {
  it('a full scan takes ⌈rows / server page⌉ requests per entity set, follows __next and selects only mapped properties', async () => {
    const { emulator, expected } = await seeded({ serverPageSize: 10 });
    const source = createSapSource({ name: 'sap', transport: 'odata', url: emulator.url, auth: basic, pageSize: 1000 });
    const records = [];
    for await (const record of source.search({})) records.push(record);
    expect(records.length).toBe(expected.length);
    const customers = emulator.requests.filter((request) => request.resource === 'A_Customer');
    const partners = emulator.requests.filter((request) => request.resource === 'A_BusinessPartner');
    expect(customers.length).toBe(Math.ceil(expected.length / 10));
    // One range read of the page's business partners, paged by the server the same way.
    expect(partners.length).toBe(Math.ceil(expected.length / 10));
    expect(customers.slice(1).every((request) => request.query.has('$skiptoken'))).toBe(true);
    const select = customers[0]!.query.get('$select')!.split(',');
    expect(select).toContain('CustomerFullName');
    expect(select).not.toContain('CustomerCorporateGroup');
    expect(partners[0]!.query.get('$expand')).toBe('to_BusinessPartnerAddress,to_BusinessPartnerAddress/to_PhoneNumber');
    expect(emulator.requests.every((request) => request.method === 'GET' && request.headers['x-csrf-token'] === undefined && request.query.get('$format') === 'json')).toBe(true);
  });

  it('batches lookups as Customer eq OR-lists within maxUrlLength, ALPHA-padded', async () => {
    const { emulator, tables } = await seeded();
    const source = createSapSource({ name: 'sap', transport: 'odata', url: emulator.url, auth: basic, maxUrlLength: 1_400, lookupBatch: 100 });
    const codes = tables.KNA1.map((row) => alphaOutput(row.KUNNR!)).slice(0, 60);
    let found = 0;
    for await (const { customer } of source.getMany(codes)) if (customer) found++;
    expect(found).toBe(60);
    const lookups = emulator.requests.filter((request) => request.resource === 'A_Customer');
    expect(lookups.length).toBeGreaterThan(2);
    const origin = new URL(emulator.url).origin;
    for (const request of emulator.requests) expect(`${origin}${request.target}`.length).toBeLessThanOrEqual(1_400);
    emulator.requests.length = 0;
    expect((await source.get('1000'))?.code).toBe('1000');
    expect(emulator.requests[0]!.query.get('$filter')).toBe("Customer eq '0000001000'");
  });

  it('pushes Customer startswith, substringof for names without cased letters, status and CreationDate ranges; counts with $count', async () => {
    const { emulator, expected } = await seeded();
    const source = createSapSource({ name: 'sap', transport: 'odata', url: emulator.url, auth: basic });
    const named = [];
    for await (const record of source.search({ name: '北京', createdFrom: '2020-01-01' })) named.push(record);
    const filter = emulator.requests.find((request) => request.resource === 'A_Customer')!.query.get('$filter')!;
    expect(filter).toContain("substringof('北京',CustomerFullName) eq true");
    expect(filter).toContain("CreationDate ge datetime'2020-01-01T00:00:00'");
    expect(named.length).toBe(expected.filter((record) => record.name.includes('北京') && (record.createdAt ?? '') >= '2020-01-01').length);
    // A name with letters is not pushed (substringof is case-sensitive in SAP): matched after reading, case-insensitively.
    emulator.requests.length = 0;
    for await (const _ of source.search({ name: 'obrien' })) void _;
    expect(emulator.requests.find((request) => request.resource === 'A_Customer')!.query.get('$filter') ?? '').not.toContain('substringof');
    emulator.requests.length = 0;
    expect(await source.count({ status: 'deleted' })).toBe(expected.filter((record) => record.status === 'deleted').length);
    expect(emulator.requests.map((request) => request.resource)).toEqual(['A_Customer/$count']);
    expect(emulator.requests[0]!.query.get('$filter')).toBe('DeletionIndicator eq true');
  });

  it('sends sap-client and sap-language on every request, including __next links', async () => {
    const { emulator } = await seeded({ serverPageSize: 5 });
    const source = createSapSource({ name: 'sap', transport: 'odata', url: emulator.url, auth: basic, client: '100', language: 'ZH', pageSize: 20 });
    for await (const _ of source.search({ limit: 20 })) void _;
    expect(emulator.requests.length).toBeGreaterThan(4);
    expect(emulator.requests.every((request) => request.query.get('sap-client') === '100' && request.query.get('sap-language') === 'ZH')).toBe(true);
  });

  it('reads updatedAt from the business partner change date and time', async () => {
    const { emulator, expected } = await seeded();
    const source = createSapSource({ name: 'sap', transport: 'odata', url: emulator.url, auth: basic });
    const withChange = expected.find((record) => record.updatedAt !== undefined)!;
    expect((await source.get(withChange.code))?.updatedAt).toBe(withChange.updatedAt);
    expect(source.describe().changeTracking).toBe('modified-column');
  });
});

describe('SAP over OData: auth, errors, read-only', () => {
  it('OAuth client credentials: one token for many requests, a new one after it was revoked (401)', async () => {
    const { emulator } = await seeded({ oauth: { clientId: 'COMM_CLIENT', clientSecret: 'client-secret-1' } });
    const source = createSapSource({ name: 'sap', transport: 'odata', url: emulator.url, auth: { oauth: { tokenUrl: emulator.tokenUrl, clientId: 'COMM_CLIENT', clientSecret: 'client-secret-1' } } });
    await source.count({});
    await source.get('1000');
    expect(emulator.tokensIssued).toBe(1);
    emulator.revokeTokens();
    await source.get('1000');
    expect(emulator.tokensIssued).toBe(2);
    expect(emulator.requests.some((request) => request.headers.authorization?.startsWith('Bearer '))).toBe(true);
  });

  it('fetches the token again shortly before it expires', async () => {
    const { emulator } = await seeded({ oauth: { clientId: 'C', clientSecret: 'client-secret-2', expiresIn: 1 } });
    const source = createSapSource({ name: 'sap', transport: 'odata', url: emulator.url, auth: { oauth: { tokenUrl: emulator.tokenUrl, clientId: 'C', clientSecret: 'client-secret-2' } } });
    await source.count({});
    await new Promise((resolve) => setTimeout(resolve, 600));
    await source.count({});
    expect(emulator.tokensIssued).toBe(2);
  });

  it('a refused OAuth client is an authentication failure without the secret', async () => {
    const { emulator } = await seeded({ oauth: { clientId: 'C', clientSecret: 'right-secret' } });
    const error = await rejection(createSapSource({ name: 'sap', transport: 'odata', url: emulator.url, auth: { oauth: { tokenUrl: emulator.tokenUrl, clientId: 'C', clientSecret: 'wrong-secret' } } }).count({}));
    expect(isCustcodeError(error, 'CONNECTION_FAILED') && (error as { reason?: string }).reason).toBe('authentication');
    expect(JSON.stringify(error) + String(error)).not.toContain('wrong-secret');
  });

  it('retries 429 and 503 after Retry-After, then gives up typed', async () => {
    const { emulator } = await seeded();
    const source = createSapSource({ name: 'sap', transport: 'odata', url: emulator.url, auth: basic, retries: 2, retryDelayMs: 1 });
    emulator.throttle(2, { retryAfter: '0' });
    expect(await source.count({})).toBeGreaterThan(0);
    expect(emulator.requestCount).toBe(3);
    emulator.throttle(10, { status: 503, retryAfter: '0' });
    const error = await rejection(createODataHttpClient(parseSapODataOptions({ name: 'sap', transport: 'odata', url: emulator.url, auth: basic, retries: 1, retryDelayMs: 1 })).get('A_Customer/$count', 'A_Customer'));
    expect(isCustcodeError(error, 'BACKEND_ERROR') && (error as { backendCode?: string }).backendCode).toBe('503');
    expect(emulator.requestCount).toBe(3 + 2);
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000);
    expect(retryAfterMs(null)).toBeUndefined();
  });

  it('403 is NotAuthorized naming SAP_COM_0008; 404 is a ConfigError naming /IWFND/MAINT_SERVICE; SAP messages are carried without secrets', async () => {
    const { emulator } = await seeded({ forbidden: ['A_Customer'] });
    const forbidden = await rejection(createSapSource({ name: 'sap', transport: 'odata', url: emulator.url, auth: basic }).count({}));
    expect(isCustcodeError(forbidden, 'NOT_AUTHORIZED')).toBe(true);
    expect(String((forbidden as { hint?: string }).hint)).toContain('SAP_COM_0008');
    expect(String(forbidden)).toContain('No authorization to read A_Customer');
    const inactive = await startODataEmulator({ KNA1: [], KNB1: [], KNVV: [] }, { inactive: true });
    try {
      const error = await rejection(createSapSource({ name: 'sap', transport: 'odata', url: inactive.url, auth: basic }).count({}));
      expect(isCustcodeError(error, 'CONFIG_INVALID')).toBe(true);
      expect(String(error)).toContain('/IWFND/MAINT_SERVICE');
    } finally {
      await inactive.close();
    }
    const echoing = async () => new Response(JSON.stringify({ error: { code: 'SY/530', message: { lang: 'en', value: 'Query failed for user X with password hunter22' } } }), { status: 500 });
    const backend = await rejection(createSapSource({ name: 'sap', transport: 'odata', url: 'http://sap.example/sap/opu/odata/sap/API_BUSINESS_PARTNER', auth: { basic: { user: 'X', password: 'hunter22' } }, fetch: echoing }).count({}));
    expect(isCustcodeError(backend, 'BACKEND_ERROR') && (backend as { backendCode?: string }).backendCode).toBe('SY/530');
    expect(String(backend)).toContain('Query failed');
    expect(String(backend)).not.toContain('hunter22');
  });

  it('a server that does not answer in time is a typed timeout', async () => {
    const hanging = (_url: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const error = await rejection(createSapSource({ name: 'sap', transport: 'odata', url: 'http://sap.example/sap/opu/odata/sap/API_BUSINESS_PARTNER', auth: basic, timeoutMs: 100, fetch: hanging as typeof fetch }).count({}));
    expect(isCustcodeError(error, 'CONNECTION_FAILED') && (error as { reason?: string }).reason).toBe('timeout');
  });

  it('refuses every method but GET before sending, and never follows a next link off the service', async () => {
    let sent = 0;
    const counting = async () => {
      sent++;
      return new Response(JSON.stringify({ d: { results: [], __next: 'https://elsewhere.example/steal?$skiptoken=1' } }), { status: 200 });
    };
    const client = createODataHttpClient(parseSapODataOptions({ name: 'sap', transport: 'odata', url: 'http://sap.example/sap/opu/odata/sap/API_BUSINESS_PARTNER', auth: basic, fetch: counting }));
    for (const method of ['POST', 'PATCH', 'MERGE', 'DELETE', 'HEAD', 'get']) {
      expect(isCustcodeError(await rejection(client.request(method, 'A_Customer', 'A_Customer')), 'READ_ONLY_VIOLATION'), method).toBe(true);
    }
    expect(sent).toBe(0);
    const source = createSapSource({ name: 'sap', transport: 'odata', url: 'http://sap.example/sap/opu/odata/sap/API_BUSINESS_PARTNER', auth: basic, fetch: counting });
    expect(isCustcodeError(await rejection(source.count({ name: 'x' })), 'BACKEND_ERROR')).toBe(true);
    expect(sent).toBe(1);
  });

  it('follows a next link that names an internal host to the configured host, with sap-client kept', async () => {
    const urls: string[] = [];
    const paging = async (url: unknown) => {
      urls.push(String(url));
      const next = urls.length === 1 ? { __next: 'http://gw-internal:8000/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_Customer?$skiptoken=1' } : {};
      return new Response(JSON.stringify({ d: { results: [], ...next } }), { status: 200 });
    };
    const source = createSapSource({ name: 'sap', transport: 'odata', url: 'https://sap.example/sap/opu/odata/sap/API_BUSINESS_PARTNER', auth: basic, client: '200', fetch: paging });
    expect(await source.count({ name: '北' })).toBe(0);
    expect(urls[1]).toBe('https://sap.example/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_Customer?$skiptoken=1&sap-client=200&$format=json');
    // The system query options keep their literal `$`.
    expect(urls[0]).toMatch(/\/A_Customer\?\$filter=.*&\$select=.*&\$orderby=Customer&\$top=500&sap-client=200&\$format=json$/);
  });

  it('a config entry takes exactly one of emulator, rfc and odata; odata secrets come from the environment', async () => {
    const { sapDescriptor } = await import('@custcode/adapter-sap');
    const odata = { url: 'https://sap.example/sap/opu/odata/sap/API_BUSINESS_PARTNER', auth: { basic: { user: 'U', password: { env: 'P' } } } };
    expect(sapDescriptor.optionsSchema.safeParse({ erp: 'sap', odata }).success).toBe(true);
    expect(sapDescriptor.optionsSchema.safeParse({ erp: 'sap', odata, rfc: { client: '100', user: 'U', passwd: { env: 'P' } } }).success).toBe(false);
    expect(sapDescriptor.optionsSchema.safeParse({ erp: 'sap', odata: { ...odata, auth: { basic: { user: 'U', password: 'inline' } } } }).success).toBe(false);
  });

  it('config mistakes are ConfigErrors naming the key', () => {
    expect(() => createSapSource({ name: 'sap', transport: 'odata', url: 'not a url', auth: basic })).toThrow(/url/);
    expect(() => createSapSource({ name: 'sap', transport: 'odata', url: 'http://x/sap', auth: basic, client: '1' })).toThrow(/client/);
  });
});

describe('OData dates', () => {
  it('decodes Edm.DateTime as the ERP wall time and Edm.DateTimeOffset in the ERP time zone', () => {
    expect(decodeODataDate('/Date(1722470400000)/', 'Asia/Shanghai')).toBe('2024-08-01T00:00:00');
    // 2024-08-01T00:00Z is 08:00 in Shanghai.
    expect(decodeODataDate('/Date(1722470400000+0000)/', 'Asia/Shanghai')).toBe('2024-08-01T08:00:00');
    expect(decodeODataDate('/Date(1722470400000+0000)/', 'Europe/Berlin')).toBe('2024-08-01T02:00:00');
    expect(decodeODataDate(null, 'UTC')).toBeUndefined();
    expect(decodeODataDate('/Date(-62135596800000)/', 'UTC')).toBeUndefined();
    expect(decodeODataTime('PT14H30M05S')).toBe('14:30:05');
    expect(decodeODataTime('PT0H0M0S')).toBe('00:00:00');
  });
});
