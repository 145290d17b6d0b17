import { accessMatrixSeed, leakedNeedles, maskNeedles } from '@custcode/access/testing';
import { canonicalCustomers } from '@custcode/core/testing';
import { guardSource, MASKABLE_FIELDS } from '@custcode/access';
import { isCustcodeError, type ConnectionError, type Customer } from '@custcode/core';
import { pinyinInitials } from '@custcode/core/adapter';
import { afterEach, describe, expect, it } from 'vitest';
import { buildK3CloudSeedData } from '../src/seed/k3cloud-tables.js';
import { WEBAPI_SERVICES } from '../src/webapi/webapi-services.js';
import { startWebApiFixture, WEBAPI_USER, type WebApiFixture } from './k3cloud-webapi-fixture.js';

const collect = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};
const billQueries = (fixture: WebApiFixture) =>
  fixture.emulator.calls.filter((call) => call.service === WEBAPI_SERVICES.executeBillQuery).map((call) => (call.body as { data: Record<string, unknown> }).data);
const logins = (fixture: WebApiFixture) => fixture.emulator.calls.filter((call) => call.service === WEBAPI_SERVICES.validateUser).length;
const withoutRaw = ({ raw: _raw, ...rest }: Customer) => rest;

let fixture: WebApiFixture | undefined;
afterEach(async () => {
  await fixture?.emulator.close();
  fixture = undefined;
});

describe('K/3 Cloud WebAPI session', () => {
  it('logs in again once when the session has expired, and the query then succeeds', async () => {
    fixture = await startWebApiFixture();
    const source = fixture.source();
    const total = await source.count({ org: '100001' });
    expect(logins(fixture)).toBe(1);
    fixture.emulator.expireSessions();
    expect(await source.count({ org: '100001' })).toBe(total);
    expect(logins(fixture)).toBe(2);
    expect(total).toBe(fixture.expected.filter((customer) => customer.org === '100001').length);
  });

  it('a login that fails but sets a cookie (expired password) is a ConnectionError "authentication" without the password', async () => {
    const password = 'Expired-pw-123';
    fixture = await startWebApiFixture({ users: [{ ...WEBAPI_USER, password, passwordExpired: true }] });
    // The emulator really answers with a cookie in this case, as K/3 Cloud does.
    const raw = await fetch(new URL(WEBAPI_SERVICES.validateUser, fixture.emulator.url), {
      method: 'POST',
      body: JSON.stringify({ acctID: WEBAPI_USER.acctId, username: WEBAPI_USER.username, password, lcid: 2052 }),
    });
    expect(raw.headers.getSetCookie().length).toBeGreaterThan(0);
    expect(await raw.json()).toMatchObject({ IsSuccessByAPI: false, MessageCode: 'CheckPasswordPolicy' });

    const error = await fixture.source({ password }).get('KH2023010001').catch((caught: unknown) => caught);
    expect(isCustcodeError(error, 'CONNECTION_FAILED')).toBe(true);
    expect((error as ConnectionError).reason).toBe('authentication');
    expect((error as ConnectionError).message).toContain('CheckPasswordPolicy');
    expect((error as ConnectionError).message).toContain('cookie');
    expect(JSON.stringify({ ...(error as ConnectionError).toJSON(), stack: (error as Error).stack })).not.toContain(password);
    expect(billQueries(fixture)).toHaveLength(0);
  });

  it('a wrong password is a ConnectionError "authentication" that does not echo the password', async () => {
    fixture = await startWebApiFixture();
    const error = await fixture.source({ password: 'Wrong-pw-987' }).count().catch((caught: unknown) => caught);
    expect(isCustcodeError(error, 'CONNECTION_FAILED')).toBe(true);
    expect((error as ConnectionError).reason).toBe('authentication');
    expect(String((error as Error).message) + String((error as ConnectionError).hint)).not.toContain('Wrong-pw-987');
  });

  it('logs in with LoginByAppSecret when appId and appSecret are given', async () => {
    fixture = await startWebApiFixture({ users: [{ acctId: WEBAPI_USER.acctId, username: WEBAPI_USER.username, appId: '123456_abc', appSecret: 'app-secret-xyz' }] });
    const source = fixture.source({ webApi: { appId: '123456_abc', appSecret: 'app-secret-xyz' } });
    expect((await source.get('C-200', { org: '100002' }))?.name).toBe("O'Brien Trading Co., Ltd.");
    expect(fixture.emulator.calls[0]!.service).toBe(WEBAPI_SERVICES.loginByAppSecret);
  });
});

describe('K/3 Cloud WebAPI queries', () => {
  it('pages with StartRow/Limit past the per-call row limit and never asks for more than it', async () => {
    fixture = await startWebApiFixture({ maxLimit: 7 });
    const all = await collect(fixture.source().search());
    expect(all).toHaveLength(fixture.expected.length);
    const queries = billQueries(fixture);
    expect(queries.length).toBeGreaterThanOrEqual(Math.ceil(fixture.expected.length / 7));
    expect(queries.every((query) => query.Limit === 7)).toBe(true);
    expect(queries.map((query) => query.StartRow)).toEqual(expect.arrayContaining([0, 7, 14, 21, 28]));
    // Keyset pages resume with a FilterString bound, StartRow pages inside them.
    expect(queries.some((query) => String(query.FilterString).includes('FNumber >'))).toBe(true);
  });

  it('quotes hostile text inside FilterString literals and still finds the right rows', async () => {
    const hostile = "x' or '1'='1";
    const data = buildK3CloudSeedData(
      [
        ...canonicalCustomers().slice(0, 20),
        { code: "Q'1", name: `Hostile ${hostile} [a]_100% Co.`, status: 'active', org: 'ORG1' },
        { code: 'Q-2', name: 'Hostile plain Co.', status: 'active', org: 'ORG1' },
      ],
      { source: 'k3api' },
    );
    fixture = await startWebApiFixture({ data });
    const source = fixture.source();
    for (const needle of [hostile, "'", '[a]_100%', '_1', '%', "' or 1=1 --", 'plain']) {
      const found = await collect(source.search({ name: needle }));
      const expected = data.expected.filter((customer) => customer.name.toLowerCase().includes(needle.toLowerCase()));
      expect(found.map((customer) => customer.code), needle).toEqual(expected.map((customer) => customer.code).sort());
    }
    expect((await source.get("Q'1"))?.name).toContain(hostile);
    const filters = billQueries(fixture).map((query) => String(query.FilterString));
    expect(filters).toContain("FName like '%x'' or ''1''=''1%'");
    expect(filters).toContain("FName like '%[[]a][_]100[%]%'");
    expect(filters.some((filter) => filter.includes("FNumber in ('Q''1')"))).toBe(true);
  });

  it('get(code, { org }) returns that use-org\u2019s row; without org the creating org\u2019s row', async () => {
    fixture = await startWebApiFixture();
    const source = fixture.source();
    const code = 'KH2024080001'; // created in ORG1, distributed to ORG2 and ORG3
    const rows = await Promise.all(['100001', '100002', '100003'].map((org) => source.get(code, { org })));
    expect(rows.map((row) => row?.org)).toEqual(['100001', '100002', '100003']);
    expect(new Set(rows.map((row) => row?.raw.FCUSTID)).size).toBe(3);
    expect(rows.every((row) => row?.raw.FCreateOrgId === 100001)).toBe(true);
    expect((await source.get(code))?.org).toBe('100001');
    expect(await source.get('KH2024080002', { org: '100001' })).toBeUndefined(); // created in ORG2 only
    expect((await source.get('KH2024080002'))?.org).toBe('100002');
  });

  it('reads names in the session locale: 1033 gives the English _L rows', async () => {
    const english = buildK3CloudSeedData(canonicalCustomers(), { source: 'k3api', locale: 1033 }).expected;
    fixture = await startWebApiFixture();
    const source = fixture.source({ locale: 1033 });
    const row = await source.get('KH2024080001', { org: '100002' });
    const expected = english.find((customer) => customer.code === 'KH2024080001' && customer.org === '100002')!;
    expect(row && withoutRaw(row)).toEqual(withoutRaw(expected));
    expect(row?.name).toBe('北京星辰科技有限公司 (EN)');
    expect(await collect(source.search({ category: '批发客户 (EN)', limit: 3 }))).toHaveLength(3);
  });

  it('unaudited customers (FDocumentStatus Z/A/B/D) are blocked, with the status kept in raw', async () => {
    const data = buildK3CloudSeedData(canonicalCustomers().slice(0, 12), { source: 'k3api' });
    const first = data.tables.T_BD_CUSTOMER.find((row) => row.FFORBIDSTATUS === 'A')!;
    first.FDOCUMENTSTATUS = 'A';
    fixture = await startWebApiFixture({ data });
    const row = await fixture.source().get(String(first.FNUMBER), { org: String(first.FUSEORGID) });
    expect(row?.status).toBe('blocked');
    expect(row?.raw.FDocumentStatus).toBe('A');
    expect(await collect(fixture.source().search({ status: 'blocked', codePrefix: String(first.FNUMBER) }))).toHaveLength(1);
  });

  it('category and region filters accept the number as well as the name', async () => {
    fixture = await startWebApiFixture();
    const source = fixture.source();
    const byName = await collect(source.search({ region: '上海' }));
    expect(byName.length).toBeGreaterThan(0);
    expect((await collect(source.search({ region: '31' }))).map((customer) => `${customer.code}|${customer.org}`)).toEqual(
      byName.map((customer) => `${customer.code}|${customer.org}`),
    );
  });
});

describe('K/3 Cloud WebAPI through a role that masks a field', () => {
  it('holds no masked value in any record or raw column, and text does not find a masked name', async () => {
    fixture = await startWebApiFixture({ data: buildK3CloudSeedData(accessMatrixSeed().filter((customer) => customer.code !== ''), { source: 'k3api' }) });
    for (const field of MASKABLE_FIELDS) {
      const policy = { roles: { masked: { sources: { k3api: { commands: '*' as const, mask: [field] } } } }, users: { mia: { role: 'masked' } } };
      const guarded = guardSource(fixture.source(), { policy, user: 'mia', command: 'search' });
      const shown = JSON.stringify([...(await collect(guarded.search())), ...(await collect(guarded.getMany(fixture.expected.map((customer) => customer.code))))]);
      expect(leakedNeedles(shown, maskNeedles(fixture.expected, field)), `${field} masked`).toEqual([]);
    }
    const maskName = { roles: { masked: { sources: { k3api: { commands: '*' as const, mask: ['name' as const] } } } }, users: { mia: { role: 'masked' } } };
    const guarded = guardSource(fixture.source(), { policy: maskName, user: 'mia', command: 'search' });
    for (const customer of fixture.expected) {
      expect(await collect(guarded.search({ text: customer.name })), customer.name).toEqual([]);
      expect(await collect(guarded.search({ text: pinyinInitials(customer.name).slice(0, 6) }))).toEqual([]);
    }
  });
});
