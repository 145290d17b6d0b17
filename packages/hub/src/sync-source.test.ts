import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guardSource } from '@custcode/access';
import { type Customer, type CustomerQuery, type CustomerSource, createMemorySource } from '@custcode/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type Hub, openHub } from './open-hub.js';
import { syncSource } from './sync-source.js';

const customer = (code: string, fields: Partial<Customer> = {}): Customer => ({
  source: 'u8', erp: 'yonyou-u8', code, name: `客户${code}`, status: 'active', updatedAt: '2024-01-10T08:00:00', raw: { cCusCode: code }, ...fields,
});
const source = (customers: Customer[], name = 'u8'): CustomerSource => createMemorySource({ name, erp: 'yonyou-u8', customers, pageSize: 2 });
const at = (day: number) => new Date(Date.UTC(2024, 1, day, 12));

let hub: Hub | undefined;
let directory: string | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

describe('syncSource', () => {
  it('writes every record with its fields, raw JSON and first/last seen, odd records included', async () => {
    hub = await openHub(':memory:');
    const rows = [
      customer('KH001', { taxId: '91110000600037341L', org: '001', region: '北京' }),
      customer('KH001', { org: '002', name: '同码另一组织' }),
      customer('', { name: '无编码' }),
      customer(' KH002', { updatedAt: undefined }),
    ];
    const result = await syncSource(hub, source(rows), { now: at(1) });
    expect(result).toMatchObject({ mode: 'snapshot', read: 4, inserted: 4, updated: 0, deleted: 0, present: 4 });
    const stored = await hub.customers();
    expect(stored.map((row) => [row.code, row.org])).toEqual([['', null], [' KH002', null], ['KH001', '001'], ['KH001', '002']]);
    expect(stored[2]).toMatchObject({ source: 'u8', erp: 'yonyou-u8', tax_id: '91110000600037341L', region: '北京', status: 'active', updated_at: '2024-01-10T08:00:00', deleted_at: null });
    expect(JSON.parse(stored[2]!.raw)).toEqual({ cCusCode: 'KH001' });
    expect(stored[2]!.first_seen).toBe(stored[2]!.last_seen);
  });

  it('applies changes incrementally, keeps first_seen, and marks rows deleted in the source', async () => {
    hub = await openHub(':memory:');
    await syncSource(hub, source([customer('A'), customer('B'), customer('C')]), { now: at(1) });
    const changed = [customer('A', { name: '改名', updatedAt: '2024-02-01T09:00:00' }), customer('B'), customer('C', { status: 'deleted', updatedAt: '2024-02-01T10:00:00' }), customer('D', { updatedAt: '2024-02-01T11:00:00' })];
    const second = await syncSource(hub, source(changed), { now: at(2) });
    expect(second).toMatchObject({ mode: 'incremental', read: 4, inserted: 1, updated: 2, deleted: 0, present: 3 });
    const rows = await hub.customers({ includeDeleted: true });
    expect(rows.find((row) => row.code === 'A')).toMatchObject({ name: '改名', first_seen: expect.stringContaining('2024-02-01'), last_seen: expect.stringContaining('2024-02-02') });
    expect(rows.find((row) => row.code === 'C')!.deleted_at).toContain('2024-02-02');
    expect((await hub.customers()).map((row) => row.code)).toEqual(['A', 'B', 'D']);

    // B was re-read (the watermark is a day: the feed may repeat rows) but did not change.
    // A row removed outright is not in any change feed: the count shows it, and a snapshot diff finds it.
    const third = await syncSource(hub, source(changed.filter((row) => row.code !== 'B')), { now: at(3) });
    expect(third).toMatchObject({ mode: 'snapshot', deleted: 1 });
    expect((await hub.customers()).map((row) => row.code)).toEqual(['A', 'D']);
    // Back again: the deletion is cleared, first_seen kept.
    await syncSource(hub, source(changed), { now: at(4), full: true });
    const back = (await hub.customers()).find((row) => row.code === 'B')!;
    expect(back).toMatchObject({ deleted_at: null, first_seen: expect.stringContaining('2024-02-01') });
  });

  it('keeps every row of a code held twice in one org, and a later change or removal reaches the right row', async () => {
    hub = await openHub(':memory:');
    const twice = [customer('A', { name: '甲一', org: '001' }), customer('A', { name: '甲二', org: '001' }), customer('A', { name: '甲三', org: '002' }), customer('B')];
    const first = await syncSource(hub, source(twice), { now: at(1) });
    expect(first).toMatchObject({ read: 4, inserted: 4, present: 4 });
    const rows = async () => (await hub!.customers()).map((row) => [row.code, row.org, row.occurrence, row.name]);
    expect(await rows()).toEqual([['A', '001', 1, '甲一'], ['A', '001', 2, '甲二'], ['A', '002', 1, '甲三'], ['B', null, 1, '客户B']]);

    // The second duplicate changes: an incremental read cannot say which row that is, so the sync diffs the whole source.
    const renamed = [twice[0]!, customer('A', { name: '甲二改', org: '001', updatedAt: '2024-02-01T09:00:00' }), twice[2]!, twice[3]!];
    const second = await syncSource(hub, source(renamed), { now: at(2) });
    expect(second).toMatchObject({ mode: 'snapshot', read: 4, inserted: 0, updated: 1, deleted: 0, present: 4 });
    expect(await rows()).toEqual([['A', '001', 1, '甲一'], ['A', '001', 2, '甲二改'], ['A', '002', 1, '甲三'], ['B', null, 1, '客户B']]);

    // One of the two is removed (the duplicate repaired): one row is left for that code and org, nothing is doubled.
    const third = await syncSource(hub, source([renamed[0]!, renamed[2]!, renamed[3]!]), { now: at(3) });
    expect(third).toMatchObject({ mode: 'snapshot', deleted: 1, present: 3 });
    expect(await rows()).toEqual([['A', '001', 1, '甲一'], ['A', '002', 1, '甲三'], ['B', null, 1, '客户B']]);
  });

  it('stages text that CSV must quote: quotes, commas, line breaks, empty text apart from absent fields', async () => {
    hub = await openHub(':memory:');
    const odd = customer('Q"1', { name: '甲,"乙"\n丙', address: '', contact: 'a\r\nb', raw: { cCusName: '甲,"乙"\n丙', note: 'x\\y' } });
    await syncSource(hub, source([odd]), { now: at(1) });
    const [row] = await hub.customers();
    expect(row).toMatchObject({ code: 'Q"1', name: '甲,"乙"\n丙', address: '', contact: 'a\r\nb', phone: null, org: null });
    expect(JSON.parse(row!.raw)).toEqual({ cCusName: '甲,"乙"\n丙', note: 'x\\y' });
    // The same rows again are no change at all.
    expect(await syncSource(hub, source([odd]), { now: at(2), full: true })).toMatchObject({ inserted: 0, updated: 0, deleted: 0, present: 1 });
  });

  it('writes only rows that changed: an unchanged row keeps its stored last_seen, readers get the latest sync', async () => {
    hub = await openHub(':memory:');
    const rows = [customer('A'), customer('B'), customer('C')];
    await syncSource(hub, source(rows), { now: at(1) });
    const changed = [customer('A', { name: '改名', updatedAt: '2024-02-01T09:00:00' }), rows[1]!, rows[2]!];
    expect(await syncSource(hub, source(changed), { now: at(2) })).toMatchObject({ mode: 'incremental', updated: 1, inserted: 0 });
    expect(await syncSource(hub, source(changed), { now: at(3), full: true })).toMatchObject({ mode: 'snapshot', updated: 0, inserted: 0, deleted: 0 });
    const stored = await hub.query<{ code: string; last_seen: string }>('SELECT code, last_seen::VARCHAR AS last_seen FROM customers ORDER BY code');
    expect(stored).toEqual([{ code: 'A', last_seen: '2024-02-02 12:00:00' }, { code: 'B', last_seen: '2024-02-01 12:00:00' }, { code: 'C', last_seen: '2024-02-01 12:00:00' }]);
    expect((await hub.customers()).map((row) => row.last_seen.slice(0, 10))).toEqual(['2024-02-03', '2024-02-03', '2024-02-03']);
    // A row removed outright after an incremental sync: the count held since then tells, and the snapshot finds it.
    expect(await syncSource(hub, source([changed[0]!, changed[2]!]), { now: at(4) })).toMatchObject({ mode: 'snapshot', deleted: 1, present: 2 });
    const gone = (await hub.customers({ includeDeleted: true })).find((row) => row.code === 'B')!;
    expect(gone).toMatchObject({ deleted_at: expect.stringContaining('2024-02-04'), last_seen: expect.stringContaining('2024-02-04') });
  });

  it('leaves the hub as it was when a sync fails half way, and the next run adds no duplicate', async () => {
    directory = mkdtempSync(join(tmpdir(), 'hub-'));
    const path = join(directory, 'hub.duckdb');
    hub = await openHub(path);
    await syncSource(hub, source([customer('A'), customer('B')]), { now: at(1) });
    const rows = [customer('A', { name: '新', updatedAt: '2024-03-01' }), customer('B'), customer('C'), customer('E'), customer('F')];
    const failing = source(rows);
    const crashing: CustomerSource = {
      ...failing,
      name: 'u8',
      search: (query?: CustomerQuery) => (async function* () {
        let n = 0;
        for await (const row of failing.search(query)) {
          if (++n === 3) throw new Error('connection lost');
          yield row;
        }
      })(),
    };
    await expect(syncSource(hub, crashing, { now: at(2), full: true })).rejects.toThrow('connection lost');
    await hub.close();
    hub = await openHub(path);
    expect((await hub.customers()).map((row) => [row.code, row.name])).toEqual([['A', '客户A'], ['B', '客户B']]);
    expect(await syncSource(hub, source(rows), { now: at(3), full: true })).toMatchObject({ inserted: 3, updated: 1 });
    expect((await hub.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM customers'))[0]!.n).toBe(5);
    expect((await hub.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM customers_stage'))[0]!.n).toBe(0);
  });

  it('reads through the caller\'s role: masked fields never reach the hub, filtered rows are not synced', async () => {
    hub = await openHub(':memory:');
    const policy = {
      roles: { clerk: { sources: { u8: { commands: '*' as const, mask: ['taxId' as const, 'phone' as const], filter: { org: '001' } } } } },
      users: { ann: { role: 'clerk' } },
    };
    const rows = [
      customer('A', { org: '001', taxId: '91110000600037341L', phone: '13912345678', raw: { cCusCode: 'A', cCusRegCode: '91110000600037341L', cCusPhone: '13912345678' } }),
      customer('B', { org: '002', name: '别组织客户' }),
    ];
    const guarded = guardSource(source(rows), { policy, user: 'ann', command: 'export' });
    await syncSource(hub, guarded, { now: at(1) });
    const stored = await hub.query('SELECT * FROM customers');
    expect(stored.map((row) => row.code)).toEqual(['A']);
    const text = JSON.stringify(stored);
    expect(text).not.toContain('91110000600037341L');
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('别组织客户');
  });
});
