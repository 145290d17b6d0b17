import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { createMemorySource } from '@custcode/core';
import { changesSince } from './changes-since.js';
import { diffSnapshot } from './diff-snapshot.js';
import { parseSnapshot, writeSnapshot } from './snapshot.js';

const customer = (code: string, extra: Partial<Customer> = {}): Customer => ({ source: 's', erp: 'generic-sql', code, name: `客户${code}`, status: 'active', raw: {}, ...extra });
const options = { source: 's', erp: 'generic-sql', generatedAt: '2026-01-01T00:00:00' };

async function snapshotText(customers: Customer[]): Promise<string> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeSnapshot(customers, output, { source: 's', takenAt: '2025-12-31T23:00:00' });
  return Buffer.concat(chunks).toString('utf8');
}

describe('snapshot files', () => {
  it('round-trips as NDJSON with a header, compact (no raw, no updatedAt)', async () => {
    const text = await snapshotText([customer('A1', { org: '100', phone: '010-1', updatedAt: '2025-01-01T00:00:00', raw: { big: 'x'.repeat(100) } })]);
    expect(text.split('\n')[1]).toBe('{"code":"A1","org":"100","fields":{"name":"客户A1","phone":"010-1","status":"active"}}');
    const parsed = parseSnapshot(text);
    expect(parsed.header?.takenAt).toBe('2025-12-31T23:00:00');
    expect(parsed.entries).toEqual([{ code: 'A1', org: '100', fields: { name: '客户A1', phone: '010-1', status: 'active' } }]);
  });

  it('also reads a JSON array, and says what is wrong with a broken file', () => {
    expect(parseSnapshot('[{"code":"A","fields":{"name":"x"}}]').entries).toEqual([{ code: 'A', fields: { name: 'x' } }]);
    expect(() => parseSnapshot('{"custcode":"snapshot"}\n{"name":"no code"}', 'state.ndjson')).toThrow(/state.ndjson line 2 is not a snapshot entry/);
    expect(() => parseSnapshot('{"code":', 'state.ndjson')).toThrow(/not valid JSON/);
  });
});

describe('diffSnapshot', () => {
  const before = [
    customer('001', { phone: '111' }),
    customer('002'),
    customer('003', { status: 'blocked' }),
    customer('004'),
    customer('005', { taxId: '91110000MA0000000X', org: 'A' }),
    customer('006', { status: 'active' }),
  ];
  const after = [
    customer('001', { phone: '222', name: '新名称' }), // changed
    customer('002', { status: 'blocked' }), // blocked
    customer('003'), // unblocked
    // 004 physically deleted
    customer('105', { taxId: '91110000MA0000000X', org: 'A', name: '客户005' }), // renumbered 005 → 105
    customer('006', { status: 'deleted' }), // flagged deleted
    customer('007'), // added
  ];

  it('lists added, changed (old → new), blocked, unblocked, deleted, and renumbered codes', async () => {
    const list = await diffSnapshot(parseSnapshot(await snapshotText(before)), after, options);
    expect(list.mode).toBe('snapshot');
    expect(list.since).toBe('2025-12-31T23:00:00');
    expect(list.added).toEqual([{ code: '007', name: '客户007', status: 'active' }]);
    expect(list.changed).toEqual([
      { code: '001', name: '新名称', status: 'active', changes: { name: { from: '客户001', to: '新名称' }, phone: { from: '111', to: '222' } } },
      { code: '105', org: 'A', name: '客户005', status: 'active', changes: { code: { from: '005', to: '105' } } },
    ]);
    expect(list.blocked.map((entry) => entry.code)).toEqual(['002']);
    expect(list.unblocked.map((entry) => entry.code)).toEqual(['003']);
    expect(list.deleted.map((entry) => entry.code)).toEqual(['006', '004']);
  });

  it('reports nothing when nothing changed', async () => {
    const list = await diffSnapshot(parseSnapshot(await snapshotText(before)), before, options);
    expect([list.added, list.changed, list.blocked, list.unblocked, list.deleted].every((kind) => kind.length === 0)).toBe(true);
  });
});

describe('changesSince', () => {
  it('infers added / blocked / changed from the timestamps and says what it cannot see', async () => {
    const source = createMemorySource({
      name: 's',
      customers: [
        customer('001', { createdAt: '2024-01-01T00:00:00', updatedAt: '2024-01-01T00:00:00' }),
        customer('002', { createdAt: '2025-06-02T00:00:00', updatedAt: '2025-06-02T00:00:00' }),
        customer('003', { createdAt: '2024-01-01T00:00:00', updatedAt: '2025-06-03T00:00:00', status: 'blocked' }),
        customer('004', { createdAt: '2024-01-01T00:00:00', updatedAt: '2025-06-04T00:00:00' }),
      ],
    });
    const list = await changesSince(source, '2025-06-01', { generatedAt: '2026-01-01T00:00:00' });
    expect(list.added.map((entry) => entry.code)).toEqual(['002']);
    expect(list.blocked.map((entry) => entry.code)).toEqual(['003']);
    expect(list.changed).toEqual([{ code: '004', name: '客户004', status: 'active', changes: {} }]);
    expect(list.limitations.join(' ')).toMatch(/only added, changed and blocked/);
  });

  it('refuses a source without change tracking, pointing to snapshots', async () => {
    const source = createMemorySource({ name: 's', customers: [customer('001')] });
    await expect(changesSince(source, '2025-06-01', { generatedAt: 'x' })).rejects.toMatchObject({ code: 'QUERY_UNSUPPORTED', hint: expect.stringMatching(/--save-snapshot/) });
  });
});
