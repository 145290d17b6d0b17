import { type AccessPolicy, createMemoryAccessLog, hashApiKey } from '@custcode/access';
import { type Customer, type CustomerSource, createMemorySource } from '@custcode/core';
import { makeUscc } from '@custcode/core/fixtures';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditBudget } from '../audit/audit-budget.js';
import { createCustcodeApp } from '../create-app.js';
import { entryOf, gatedSource } from '../testing/api-fixtures.js';

const USCC_A = makeUscc('110108', 60003734);
const USCC_B = makeUscc('310115', 12345678);
/** The old 15-character tax registration number embedding USCC_A's organisation code (region + org code). */
const OLD_TAX_A = USCC_A.slice(2, 17);
const PHONE = '13912345678';

const record = (source: string, erp: Customer['erp']) => (code: string, name: string, org: string, fields: Partial<Customer> = {}): Customer => ({
  source, erp, code, name, org, status: 'active', raw: { CODE: code, ...(fields.taxId ? { TAX: fields.taxId } : {}), ...(fields.phone ? { TEL: fields.phone } : {}) }, ...fields,
});
const u8 = record('u8', 'yonyou-u8');
const sap = record('sap', 'sap');

function u8Customers(): Customer[] {
  return [
    u8('KH1', '北京华信科技有限公司', '01', { taxId: USCC_A }),
    u8('KH2', '上海远大物流有限公司', '02', { taxId: USCC_B }),
    u8('KH3', '杭州星辰贸易有限公司', '01', { phone: PHONE }),
    // Odd codes: a leading space and the empty code are kept exactly as stored.
    u8(' KH4', '成都蓝天电子有限公司', '01'),
    u8('', '无编号客户', '01'),
  ];
}
function sapCustomers(): Customer[] {
  return [
    sap('100259', '华信科技（北京）有限责任公司', '1000', { taxId: OLD_TAX_A }),
    sap('100300', '远大物流（上海）有限公司', '1000', { taxId: USCC_B }),
    sap('100400', '星辰贸易（杭州）有限公司', '2000', { phone: `+86 ${PHONE}` }),
  ];
}

const KEYS = { matcher: 'matcher-key-0001', admin: 'admin-key-0002', viewer: 'viewer-key-0003' } as const;
const policy: AccessPolicy = {
  roles: {
    // Matches u8 without its tax ids and phones, and only org 01; k3 may be looked at but not matched; crm not at all.
    matcher: { sources: { u8: { commands: ['match'], mask: ['taxId', 'phone'], filter: { org: '01' } }, sap: { commands: ['match'] }, k3: { commands: ['get'] } } },
    viewer: { sources: { u8: { commands: ['get', 'search'] }, sap: { commands: ['get', 'search'] } } },
    admin: { sources: { '*': { commands: '*' } } },
  },
  users: {
    mia: { role: 'matcher', apiKey: { sha256: hashApiKey(KEYS.matcher) } },
    vic: { role: 'viewer', apiKey: { sha256: hashApiKey(KEYS.viewer) } },
    root: { role: 'admin', apiKey: { sha256: hashApiKey(KEYS.admin) } },
  },
};

const apps: { close(): Promise<void> }[] = [];
afterAll(() => Promise.all(apps.map((app) => app.close())));

function appWith(options: { sources?: Record<string, CustomerSource>; matchBudget?: Partial<AuditBudget> } = {}) {
  const accessLog = createMemoryAccessLog();
  const sources = options.sources ?? {
    u8: createMemorySource({ name: 'u8', erp: 'yonyou-u8', customers: u8Customers(), pageSize: 2 }),
    sap: createMemorySource({ name: 'sap', erp: 'sap', customers: sapCustomers() }),
    k3: createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers: [] }),
    crm: createMemorySource({ name: 'crm', erp: 'generic-sql', customers: [] }),
  };
  const custcode = createCustcodeApp({
    sources: Object.fromEntries(Object.entries(sources).map(([name, source]) => [name, entryOf(source)])),
    policy,
    accessLog,
    console: false,
    ...(options.matchBudget ? { matchBudget: options.matchBudget } : {}),
  });
  apps.push(custcode);
  const post = (body: unknown, key: string | null = KEYS.admin, query = '') =>
    custcode.fetch(new Request(`http://localhost/match${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key === null ? {} : { authorization: `Bearer ${key}` }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }));
  return { post, accessLog, health: () => custcode.fetch(new Request('http://localhost/health')), openapi: () => custcode.fetch(new Request('http://localhost/openapi.json')) };
}

interface MatchAnswer {
  summary: { records: number; clusters: number; crossSourceClusters: number; review: number; linkedBy: Record<string, number> };
  links: Array<{ globalId: string; source: string; code: string; org: string; evidence: string | null; name: string }>;
  golden: Array<{ globalId: string; sources: string[]; fields: Record<string, { value: string; from: string }> }>;
  review: unknown[];
}
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string; hint?: string; retryable: boolean } }).error;
const idOf = (answer: MatchAnswer, source: string, code: string) => answer.links.find((link) => link.source === source && link.code === code)?.globalId;
/** Only deterministic evidence: the answers below do not depend on weights estimated from five records. */
const DETERMINISTIC = { sources: ['u8', 'sap'], evidence: ['uscc', 'org-code', 'phone-name'] };

describe('POST /match', () => {
  it('links the same customer across sources for a key that sees everything', async () => {
    const { post } = appWith();
    const response = await post(DETERMINISTIC);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const answer = (await response.json()) as MatchAnswer;
    expect(answer.summary).toMatchObject({ records: 8, crossSourceClusters: 3 });
    expect(idOf(answer, 'u8', 'KH1')).toBe(idOf(answer, 'sap', '100259'));
    expect(idOf(answer, 'u8', 'KH2')).toBe(idOf(answer, 'sap', '100300'));
    expect(idOf(answer, 'u8', 'KH3')).toBe(idOf(answer, 'sap', '100400'));
    expect(Object.fromEntries(answer.links.filter((link) => link.evidence !== null).map((link) => [`${link.source}:${link.code}`, link.evidence]))).toEqual({
      'u8:KH1': 'org-code', 'sap:100259': 'org-code', 'u8:KH2': 'uscc', 'sap:100300': 'uscc', 'u8:KH3': 'phone-name', 'sap:100400': 'phone-name',
    });
    // The odd codes come back exactly as stored, each its own customer.
    const odd = answer.links.filter((link) => link.code === ' KH4' || link.code === '');
    expect(odd.map((link) => [link.code, link.org, link.evidence])).toEqual([['', '01', null], [' KH4', '01', null]]);
    expect(new Set(odd.map((link) => link.globalId)).size).toBe(2);
    const golden = answer.golden.find((record) => record.globalId === idOf(answer, 'u8', 'KH1'))!;
    expect(golden.fields.taxId).toEqual({ value: USCC_A, from: 'u8:KH1@01' });
  });

  it('with a restricted key: masked fields are neither evidence nor shown, row filters hold, every read logged', async () => {
    const { post, accessLog } = appWith();
    const response = await post(DETERMINISTIC, KEYS.matcher);
    expect(response.status).toBe(200);
    const text = await response.text();
    const answer = JSON.parse(text) as MatchAnswer;
    // u8's tax ids and phones are masked: no tax-id or phone link reaches u8, and neither value is in the answer.
    expect(idOf(answer, 'u8', 'KH1')).not.toBe(idOf(answer, 'sap', '100259'));
    expect(idOf(answer, 'u8', 'KH3')).not.toBe(idOf(answer, 'sap', '100400'));
    expect(answer.summary.crossSourceClusters).toBe(0);
    expect(text).not.toContain(USCC_A);
    expect(text).not.toContain(`"${PHONE}"`);
    const u8Golden = answer.golden.filter((record) => record.sources.includes('u8'));
    expect(u8Golden.map((record) => [record.fields.taxId?.value, record.fields.phone?.value])).toEqual(u8Golden.map(() => ['', '']));
    // The row filter (org 01) holds: KH2 (org 02) is not read, so neither shown nor linked.
    expect(answer.links.filter((link) => link.source === 'u8').map((link) => link.code)).toEqual(['', ' KH4', 'KH1', 'KH3']);
    expect(text).not.toContain('KH2');
    expect(answer.summary.records).toBe(7);
    const reads = accessLog.entries.filter((entry) => entry.operation === 'search');
    expect(reads.map((entry) => [entry.user, entry.command, entry.source, entry.via, entry.records, entry.outcome])).toEqual([
      ['mia', 'match', 'u8', 'api', 4, 'ok'],
      ['mia', 'match', 'sap', 'api', 3, 'ok'],
    ]);
  });

  it('refuses a source the key may not match with 403 and an invisible or unknown one with 404, before reading any', async () => {
    const { post, accessLog } = appWith();
    const refused = await post({ sources: ['u8', 'k3'] }, KEYS.matcher);
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toMatchObject({ code: 'NOT_AUTHORIZED' });
    const viewer = await post({ sources: ['u8', 'sap'] }, KEYS.viewer);
    expect(viewer.status).toBe(403);
    for (const hidden of ['crm', 'nowhere']) {
      const response = await post({ sources: ['sap', hidden] }, KEYS.matcher);
      expect(response.status, hidden).toBe(404);
      expect(await errorOf(response)).toMatchObject({ code: 'SOURCE_NOT_FOUND' });
    }
    expect(accessLog.entries.filter((entry) => entry.operation === 'search')).toEqual([]);
    expect(accessLog.entries.filter((entry) => entry.outcome === 'denied').map((entry) => [entry.user, entry.source])).toEqual(
      expect.arrayContaining([['mia', 'k3'], ['vic', 'u8'], ['mia', 'crm']]),
    );
    expect((await post(DETERMINISTIC, null)).status).toBe(401);
    expect((await post(DETERMINISTIC, 'not-a-key')).status).toBe(401);
  });

  it('answers a bad body with 400 saying what was wrong', async () => {
    const { post, accessLog } = appWith();
    const cases: Array<[unknown, RegExp]> = [
      ['', /has no body/],
      ['{"sources": ["u8",', /not valid JSON/],
      [[], /Invalid match request/],
      [{}, /sources/],
      [{ sources: ['u8'] }, /at least two sources/],
      [{ sources: ['u8', 'u8'] }, /names a source twice/],
      [{ sources: 'u8,sap' }, /sources must be an array/],
      [{ sources: ['u8', 'sap'], threshold: 2 }, /threshold is a probability from 0 to 1.*at threshold/],
      [{ sources: ['u8', 'sap'], threshold: 0 }, /threshold must be above 0/],
      [{ sources: ['u8', 'sap'], threshold: '0.9' }, /threshold must be a number/],
      [{ sources: ['u8', 'sap'], threshold: 0.8, reviewFrom: 0.9 }, /reviewFrom 0.9 is above the threshold 0.8/],
      [{ sources: ['u8', 'sap'], evidence: ['dna'] }, /evidence kinds are confirmed, same-code, uscc/],
      [{ sources: ['u8', 'sap'], sourcePriority: ['k3'] }, /sourcePriority names k3, not among the sources/],
      [{ sources: ['u8', 'sap'], decisions: [{ a: { source: 'u8', code: 'KH1' }, b: { source: 'sap', code: '100259' }, decision: 'maybe' }] }, /decision is confirm or reject/],
      [{ sources: ['u8', 'sap'], weights: {} }, /Unrecognized key.*weights|weights/],
      [{ sources: ['u8', 'sap\u0000'] }, /NUL/],
      [{ sources: ['u8', 'x'.repeat(201)] }, /at most 200 characters/],
      [{ sources: Array.from({ length: 11 }, (_, index) => `s${index}`) }, /at most 10 sources/],
      [{ sources: ['u8', 'sap'], reviewLimit: 10_001 }, /reviewLimit is at most 10000/],
    ];
    for (const [body, message] of cases) {
      const response = await post(body, KEYS.matcher);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const error = await errorOf(response);
      expect(error.code, JSON.stringify(body)).toBe('BAD_REQUEST');
      expect(error.message, JSON.stringify(body)).toMatch(message);
    }
    const format = await post(DETERMINISTIC, KEYS.matcher, '?format=xml');
    expect(format.status).toBe(400);
    expect((await errorOf(format)).message).toBe('Unknown format "xml".');
    expect(accessLog.entries.filter((entry) => entry.operation === 'search')).toEqual([]);
  });

  it('honours decisions and earlier global ids, and caps the review list it returns', async () => {
    const { post } = appWith();
    const first = (await (await post(DETERMINISTIC)).json()) as MatchAnswer;
    const previous = first.links.map(({ globalId, source, code, org }) => ({ globalId, source, code, org }));
    const rejected = (await (await post({
      ...DETERMINISTIC,
      previous,
      decisions: [{ a: { source: 'u8', code: 'KH3', org: '01' }, b: { source: 'sap', code: '100400', org: '2000' }, decision: 'reject' }],
      reviewLimit: 0,
    })).json()) as MatchAnswer;
    expect(idOf(rejected, 'u8', 'KH3')).not.toBe(idOf(rejected, 'sap', '100400'));
    // Every earlier id survives: KH3 keeps the cluster's id, 100400 gets a new one.
    expect(idOf(rejected, 'u8', 'KH1')).toBe(idOf(first, 'u8', 'KH1'));
    expect(idOf(rejected, 'u8', 'KH3')).toBe(idOf(first, 'u8', 'KH3'));
    expect(rejected.review).toEqual([]);
  });

  it('returns the bilingual HTML report with ?format=html', async () => {
    const { post } = appWith();
    const response = await post(DETERMINISTIC, KEYS.matcher, '?format=html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('跨系统客户匹配');
    expect(html).not.toContain(USCC_A);
    expect(html).not.toContain('KH2');
  });

  it('is listed in the OpenAPI document with its request schema', async () => {
    const { openapi } = appWith();
    const document = (await (await openapi()).json()) as { paths: Record<string, { post?: { requestBody?: unknown } }>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    expect(document.paths['/match']?.post?.requestBody).toBeDefined();
    expect(Object.keys(document.components.schemas.MatchRequest?.properties ?? {})).toEqual(['sources', 'evidence', 'threshold', 'reviewFrom', 'sourcePriority', 'decisions', 'previous', 'reviewLimit']);
  });
});

describe('the match budget', () => {
  const many = (source: string, count: number): Customer[] =>
    Array.from({ length: count }, (_, index) => ({ source, erp: 'yonyou-u8', code: `KH${String(index).padStart(7, '0')}`, name: `第${index}号测试贸易有限公司${'（华东区域销售服务中心）'.repeat(4)}`, status: 'active', raw: {} }));

  it('refuses more records than the budget, stops reading, and the server keeps answering', async () => {
    const { post, health, accessLog } = appWith({ matchBudget: { maxRecords: 6 } });
    const response = await post(DETERMINISTIC);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'BUDGET_EXCEEDED', message: 'The match reads more than 6 records, the server\'s budget for one match.' });
    expect(accessLog.entries.filter((entry) => entry.operation === 'search').map((entry) => [entry.source, entry.outcome])).toEqual([['u8', 'ok'], ['sap', 'aborted']]);
    expect((await health()).status).toBe(200);
  });

  it('ends a match that needs more heap than its budget, not the server', async () => {
    const sources = { u8: createMemorySource({ name: 'u8', erp: 'yonyou-u8', customers: many('u8', 25_000) }), sap: createMemorySource({ name: 'sap', erp: 'yonyou-u8', customers: many('sap', 25_000) }) };
    const { post, health } = appWith({ sources, matchBudget: { memoryMb: 8 } });
    const response = await post({ sources: ['u8', 'sap'] });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'BUDGET_EXCEEDED', message: expect.stringContaining('more than 8 MB') });
    expect((await health()).status).toBe(200);
  });

  it('runs one match at a time by default: another is refused with a retryable 503', async () => {
    const { source, release, waiting } = gatedSource(u8Customers());
    const { post } = appWith({ sources: { u8: source, sap: createMemorySource({ name: 'sap', erp: 'sap', customers: sapCustomers() }) } });
    const first = post(DETERMINISTIC);
    await waiting;
    const busy = await post(DETERMINISTIC);
    expect(busy.status).toBe(503);
    expect(await errorOf(busy)).toMatchObject({ code: 'SERVER_BUSY', retryable: true });
    release();
    expect((await first).status).toBe(200);
    expect((await post(DETERMINISTIC)).status).toBe(200);
  });

  it('refuses a body larger than 4 MB before reading it', async () => {
    const { post } = appWith();
    const response = await post({ ...DETERMINISTIC, previous: Array.from({ length: 60_000 }, (_, index) => ({ globalId: `G${index}`, source: 'u8', code: `KH${index}`.padEnd(60, 'x'), org: '01' })) });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain('larger than 4 MB');
  });
});
