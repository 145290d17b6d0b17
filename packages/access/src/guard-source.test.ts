import { describe, expect, it } from 'vitest';
import type { Customer, CustomerSource } from '@custcode/core';
import { isCustcodeError } from '@custcode/core';
import { createMemorySource } from '@custcode/core';
import { createMemoryAccessLog } from './access-log.js';
import type { AccessPolicy } from './access-policy-schema.js';
import { guardSource } from './guard-source.js';

const customer = (code: string, org: string, phone: string): Customer => ({
  source: 'k3', erp: 'kingdee-k3cloud', code, name: `客户${code}`, taxId: `9111010${code}MA01C2341L`, phone, contact: '王小明', status: 'active', org,
  raw: { FNUMBER: code, FTEL: phone },
});
const customers = [customer('C001', '100001', '13800000001'), customer('C002', '100002', '13800000002'), customer('C003', '100002', '13800000003')];
const policy: AccessPolicy = {
  roles: {
    viewer: { sources: { k3: { commands: ['get', 'search'], mask: ['taxId', 'phone', 'contact'], filter: { org: '100002' } } } },
    admin: { sources: { '*': { commands: '*' } } },
  },
  users: { alice: { role: 'viewer' }, root: { role: 'admin' } },
};
const source = () => createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers });
const collect = async <T>(items: AsyncIterable<T>) => {
  const list: T[] = [];
  for await (const item of items) list.push(item);
  return list;
};

describe('guardSource', () => {
  it('masks and filters rows for a viewer, and logs counts without records', async () => {
    const accessLog = createMemoryAccessLog();
    const guarded = guardSource(source(), { policy, user: 'alice', command: 'search', accessLog, via: 'cli' });
    const found = await collect(guarded.search({}));
    expect(found.map((row) => row.code)).toEqual(['C002', 'C003']);
    expect(found[0]).toMatchObject({ phone: '138****0002', contact: '王**', raw: { FTEL: '138****0002' } });
    expect(await guarded.count({})).toBe(2);
    expect(await guarded.get('C001')).toBeUndefined();
    expect((await guarded.get('C002'))?.phone).toBe('138****0002');
    const lookups = await collect(guarded.getMany(['C001', 'C003']));
    expect(lookups.map((result) => result.customer?.code)).toEqual([undefined, 'C003']);
    expect(accessLog.entries.map((entry) => [entry.operation, entry.records, entry.outcome])).toEqual([
      ['search', 2, 'ok'], ['count', 0, 'ok'], ['get', 0, 'ok'], ['get', 1, 'ok'], ['getMany', 1, 'ok'],
    ]);
    expect(accessLog.entries[4]).toMatchObject({ user: 'alice', role: 'viewer', command: 'search', source: 'k3', via: 'cli', query: { codes: ['C001', 'C003'], codeCount: 2 } });
    expect(JSON.stringify(accessLog.entries)).not.toContain('13800000002');
  });

  it('returns nothing when the viewer asks for an org outside the role', async () => {
    const guarded = guardSource(source(), { policy, user: 'alice', command: 'search' });
    expect(await collect(guarded.search({ org: '100001' }))).toEqual([]);
    expect(await guarded.get('C001', { org: '100001' })).toBeUndefined();
  });

  it('denies commands the role lacks, unknown users, and filters on masked fields — and logs each denial', async () => {
    const accessLog = createMemoryAccessLog();
    expect(() => guardSource(source(), { policy, user: 'alice', command: 'export', accessLog })).toThrowError(/may not export/);
    expect(() => guardSource(source(), { policy, user: 'mallory', command: 'get', accessLog })).toThrowError(/no role/);
    const guarded = guardSource(source(), { policy, user: 'alice', command: 'search', accessLog });
    const error = await collect(guarded.search({ phone: '0002' })).catch((caught: unknown) => caught);
    expect(isCustcodeError(error, 'NOT_AUTHORIZED')).toBe(true);
    expect(accessLog.entries.map((entry) => [entry.user, entry.operation, entry.outcome, entry.error])).toEqual([
      ['alice', 'open', 'denied', 'NOT_AUTHORIZED'], ['mallory', 'open', 'denied', 'NOT_AUTHORIZED'], ['alice', 'search', 'denied', 'NOT_AUTHORIZED'],
    ]);
  });

  it('lets an admin see everything unmasked, and allows everything without roles', async () => {
    const admin = guardSource(source(), { policy, user: 'root', command: 'export' });
    expect((await collect(admin.search())).map((row) => row.phone)).toEqual(['13800000001', '13800000002', '13800000003']);
    const open = guardSource(source(), { policy: { users: {} }, user: 'anyone', command: 'migrate' });
    expect(await open.count()).toBe(3);
  });

  it('logs a partly read stream with the records actually returned', async () => {
    const accessLog = createMemoryAccessLog();
    const guarded = guardSource(source(), { policy, user: 'root', command: 'search', accessLog });
    for await (const _row of guarded.search()) break;
    expect(accessLog.entries).toMatchObject([{ operation: 'search', records: 1, outcome: 'aborted' }]);
  });
});

describe('row filters and masks on lookups and text (issue 15)', () => {
  const kh = (code: string): Customer => ({ source: 'my', erp: 'oracle-ebs', code, name: '丰贝澜贸易有限公司', status: 'active', raw: { ACCOUNT_NUMBER: code, ACCOUNT_NAME: '丰贝澜贸易', PARTY_NAME: '丰贝澜贸易有限公司' } });
  const mine = () => createMemorySource({ name: 'my', erp: 'oracle-ebs', customers: [kh('C001'), kh('KH2015')], rawColumns: { name: ['ACCOUNT_NAME', 'PARTY_NAME'] } });
  const confined: AccessPolicy = {
    roles: { c00: { sources: { my: { commands: '*', filter: { codePrefix: 'C00' }, mask: ['name'] } } } },
    users: { carl: { role: 'c00' } },
  };

  it('a code-prefix role gets nothing outside its prefix from get and getMany, in any typed form', async () => {
    const guarded = guardSource(mine(), { policy: confined, user: 'carl', command: 'get' });
    expect(await guarded.get('KH2015')).toBeUndefined();
    expect(await guarded.get(' ＫＨ２０１５ ')).toBeUndefined();
    expect((await collect(guarded.getMany(['KH2015', 'C001']))).map((result) => result.customer?.code)).toEqual([undefined, 'C001']);
  });

  it('masks the raw columns a source declares for a field, whatever they hold (EBS ACCOUNT_NAME)', async () => {
    const customer = await guardSource(mine(), { policy: confined, user: 'carl', command: 'get' }).get('C001');
    expect(customer).toMatchObject({ name: '丰********', raw: { ACCOUNT_NUMBER: 'C001', ACCOUNT_NAME: '丰****', PARTY_NAME: '丰********' } });
  });

  it('keeps text off a masked name in the query it hands the source, and says so', async () => {
    const source = mine();
    const asked: unknown[] = [];
    const spy = { ...source, search: (query?: Parameters<typeof source.search>[0]) => (asked.push(query), source.search(query)) };
    const guarded = guardSource(spy, { policy: confined, user: 'carl', command: 'search' });
    expect(await collect(guarded.search({ text: '丰贝澜' }))).toEqual([]);
    expect(await collect(guarded.search({ text: 'fblm' }))).toEqual([]);
    expect(asked[0]).toEqual({ text: '丰贝澜', textFields: ['code', 'shortName'], codePrefix: 'C00' });
    expect(await guarded.count({ text: '丰贝澜' })).toBe(0);
    expect(guarded.access).toMatchObject({ role: 'c00', masked: ['name'], textFields: ['code', 'shortName'], rowFilter: { codePrefix: 'C00' } });
    expect((await collect(guarded.search({ text: 'c001' }))).map((customer) => customer.code)).toEqual(['C001']);
  });
});

describe('policy lookups', () => {
  it('does not find inherited object keys as users or roles', () => {
    expect(() => guardSource(source(), { policy, user: 'constructor', command: 'get' })).toThrowError(/no role/);
    expect(() => guardSource(source(), { policy, user: '__proto__', command: 'get' })).toThrowError(/no role/);
  });

  it('revisions: only of records the role sees now, the earlier record masked like the current one, and logged', async () => {
    const accessLog = createMemoryAccessLog();
    const base = source();
    const asked: string[][] = [];
    const withRevisions: CustomerSource = {
      ...base,
      async revisions(codes) {
        asked.push([...codes]);
        return customers.filter((row) => asked.at(-1)!.includes(row.code)).map((current) => ({ current, before: { ...current, phone: '13900000000', raw: { ...current.raw, FTEL: '13900000000' } } }));
      },
    };
    const guarded = guardSource(withRevisions, { policy, user: 'alice', command: 'search', accessLog });
    const revisions = await guarded.revisions!(['C001', 'C002'], { since: '2024-01-01' });
    expect(revisions.map((revision) => revision.current.code)).toEqual(['C002']);
    expect(revisions[0]!.current).toMatchObject({ phone: '138****0002', raw: { FTEL: '138****0002' } });
    expect(revisions[0]!.before).toMatchObject({ phone: '139****0000', contact: '王**', raw: { FTEL: '139****0000' } });
    expect(revisions[0]!.before.taxId).not.toContain('MA01');
    expect(accessLog.entries.at(-1)).toMatchObject({ operation: 'revisions', records: 1, outcome: 'ok', query: { codes: ['C001', 'C002'], since: '2024-01-01' } });
    // Asked for another org than the role's: nothing, without asking the source.
    expect(await guarded.revisions!(['C001'], { since: '2024-01-01', org: '100001' })).toEqual([]);
    expect(asked).toHaveLength(1);
    expect(guardSource(base, { policy, user: 'alice', command: 'search' }).revisions).toBeUndefined();
  });
});
