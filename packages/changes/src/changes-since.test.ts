import { describe, expect, it } from 'vitest';
import type { Customer, CustomerSource } from '@custcode/core';
import { createMemorySource } from '@custcode/core';
import { CHANGE_DOCUMENT_LIMITATIONS, changesSince, SINCE_LIMITATIONS } from './changes-since.js';

const customer = (code: string, extra: Partial<Customer> = {}): Customer => ({
  source: 's', erp: 'sap', code, name: `客户${code}`, status: 'active', createdAt: '2020-01-01T00:00:00', raw: {}, ...extra,
});
const current = [
  customer('A', { name: '新名称', updatedAt: '2025-06-02T10:00:00' }),
  customer('B', { updatedAt: '2025-06-02T11:00:00' }),
  customer('C', { updatedAt: '2025-06-03T09:00:00' }),
  customer('D', { createdAt: '2025-06-05T00:00:00' }),
  customer('E', { status: 'blocked', phone: '010-2', updatedAt: '2025-06-04T08:00:00' }),
  customer('F', { updatedAt: '2024-01-01T00:00:00' }),
];
/** As they were on 2025-06-01: A had another name, E was active with another phone; B reads the same; C has no revision. */
const before: Record<string, Customer> = {
  A: { ...current[0]!, name: '旧名称' },
  B: current[1]!,
  E: { ...current[4]!, status: 'active', phone: '010-1' },
};

/** A memory source that answers like a source with a change log. */
function changeLogSource(): CustomerSource & { asked: string[][] } {
  const base = createMemorySource({ name: 's', erp: 'sap', customers: current });
  const asked: string[][] = [];
  return {
    ...base,
    asked,
    describe: () => ({ ...base.describe(), changeTracking: 'change-documents' }),
    async revisions(codes) {
      asked.push([...codes]);
      return current.filter((row) => asked.at(-1)!.includes(row.code) && before[row.code]).map((row) => ({ current: row, before: before[row.code]! }));
    },
  };
}

describe('changesSince with a change log (revisions)', () => {
  it('reports fields old → new and status changes as a snapshot comparison does; unchanged-looking records are left out', async () => {
    const source = changeLogSource();
    const list = await changesSince(source, '2025-06-01', { generatedAt: '2025-06-06T00:00:00' });
    // Only the customers found and not added are asked for.
    expect(source.asked).toEqual([['A', 'B', 'C', 'E']]);
    expect(list.added).toEqual([{ code: 'D', name: '客户D', status: 'active' }]);
    expect(list.changed).toEqual([
      { code: 'A', name: '新名称', status: 'active', changes: { name: { from: '旧名称', to: '新名称' } } },
      { code: 'C', name: '客户C', status: 'active', changes: {} },
      { code: 'E', name: '客户E', status: 'blocked', changes: { phone: { from: '010-1', to: '010-2' } } },
    ]);
    expect(list.blocked).toEqual([{ code: 'E', name: '客户E', status: 'blocked' }]);
    expect([list.unblocked, list.deleted]).toEqual([[], []]);
    expect(list.limitations).toEqual(CHANGE_DOCUMENT_LIMITATIONS);
  });

  it('without a change log, infers from timestamps as before', async () => {
    const base = createMemorySource({ name: 's', erp: 'sap', customers: current });
    const list = await changesSince(base, '2025-06-01', { generatedAt: '2025-06-06T00:00:00' });
    expect(list.changed.map((entry) => [entry.code, entry.changes])).toEqual([['A', {}], ['B', {}], ['C', {}]]);
    expect(list.blocked.map((entry) => entry.code)).toEqual(['E']);
    expect(list.limitations).toEqual(SINCE_LIMITATIONS);
  });
});
