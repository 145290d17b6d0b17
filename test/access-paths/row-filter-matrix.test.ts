import { describe, expect, it } from 'vitest';
import { audit } from '@custcode/audit';
import { changesSince } from '@custcode/changes';
import { toSnapshotEntry, viewSnapshot } from '@custcode/changes';
import type { Customer } from '@custcode/core';
import { buildReport } from '@custcode/report';
import { projectSeedCustomer, seedOrgs } from '@custcode/core/fixtures';
import { createMemorySource } from '@custcode/core';
import { accessMatrixSeed, ROW_FILTER_CASES } from '@custcode/access/testing';
import type { RowFilter } from '@custcode/access';
import { type GuardedSource, guardSource } from '@custcode/access';
import { ROW_FILTER_FIELDS } from '@custcode/access';
import { findStoredRecord } from '../../packages/server/src/routes/stored-record.js';

/** Two layouts of the matrix data: codes as stored, and SAP ALPHA (`0042` is shown as `42`, `1050` is stored `0000001050`). */
const ORG_IDS: Record<string, string> = { ORG1: '100001', ORG2: '100002', ORG3: '100003' };
function layout(codeForm: 'as-is' | 'sap-alpha'): Customer[] {
  const erp = codeForm === 'sap-alpha' ? 'sap' : 'generic-sql';
  const fields = ['source', 'erp', 'code', 'name', 'shortName', 'taxId', 'phone', 'contact', 'address', 'category', 'region', 'status', 'createdAt', 'updatedAt', 'org'] as const;
  return accessMatrixSeed().flatMap((seed) => seedOrgs(seed).map((org) => projectSeedCustomer(seed, { source: 'm', erp, org: ORG_IDS[org]!, fields, codeForm })));
}

const key = (customer: Pick<Customer, 'code' | 'org'>) => `${customer.code}|${customer.org ?? ''}`;
const collect = async <T>(items: AsyncIterable<T>) => {
  const list: T[] = [];
  for await (const item of items) list.push(item);
  return list;
};
const comparable = (code: string) => code.normalize('NFKC').trim().toLowerCase();

/** Every code an audit report names, wherever it names one. */
function auditedCodes(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) auditedCodes(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) {
      if (name === 'code' && typeof item === 'string') found.push(item);
      else if (name === 'codes' && Array.isArray(item)) found.push(...item.filter((code): code is string => typeof code === 'string'));
      else auditedCodes(item, found);
    }
  }
  return found;
}

/**
 * What one access path of the library hands out: record keys (all of those inside the filter when
 * `complete`; a lookup may return fewer), a total that must equal the records inside, codes it names.
 */
interface Seen {
  keys?: string[];
  complete?: boolean;
  total?: number;
  codes?: string[];
}

const PATHS: Array<{ name: string; read(source: GuardedSource, records: Customer[]): Promise<Seen> }> = [
  { name: 'search', read: async (source) => ({ keys: (await collect(source.search())).map(key), complete: true }) },
  { name: 'search with the user\'s own code prefix', read: async (source) => ({ keys: (await collect(source.search({ codePrefix: 'C' }))).map(key) }) },
  { name: 'count', read: async (source) => ({ total: await source.count() }) },
  {
    name: 'get (each code, typed with spaces)',
    read: async (source, records) => {
      const codes = [...new Set(records.map((record) => record.code).filter((code) => code.trim() !== ''))];
      const found = await Promise.all(codes.map((code) => source.get(` ${code} `)));
      return { keys: found.filter((customer): customer is Customer => customer !== undefined).map(key) };
    },
  },
  {
    // The console's detail page (GET /record): every stored record by its exact code and org.
    name: 'the exact stored record of each row',
    read: async (source, records) => {
      const found = await Promise.all(records.map((record) => findStoredRecord(source, record.code, record.org)));
      return { keys: found.filter((customer): customer is Customer => customer !== undefined).map(key), complete: true };
    },
  },
  {
    name: 'getMany (every code)',
    read: async (source, records) => ({ keys: (await collect(source.getMany(records.map((record) => record.code)))).flatMap((result) => (result.customer ? [key(result.customer)] : [])) }),
  },
  {
    name: 'audit',
    read: async (source) => {
      const report = await audit(source.search(), { source: 'm' });
      return { total: report.total, codes: auditedCodes(report) };
    },
  },
  {
    name: 'changes since 2000-01-01',
    read: async (source) => {
      const list = await changesSince(source, '2000-01-01', { generatedAt: '2026-01-01T00:00:00' });
      return { keys: [...list.added, ...list.changed, ...list.blocked, ...list.deleted].map(key) };
    },
  },
  {
    name: 'report (detail)',
    read: async (source) => {
      const document = await buildReport([{ source }], { template: 'detail', generatedAt: '2026-01-01T00:00:00' });
      return { keys: document.sections[0]!.tables[0]!.rows.map((row) => `${row[0]}|${row[5]}`), complete: true };
    },
  },
  {
    name: 'a saved snapshot seen through the role',
    read: async (source, records) => {
      const entries = records.map((record) => ({ ...toSnapshotEntry(record), org: record.org! }));
      return { keys: viewSnapshot({ header: undefined, entries }, source.access.view, { name: 'm', erp: source.erp }).entries.map(key), complete: true };
    },
  },
];

describe.each(['as-is', 'sap-alpha'] as const)('row filters on every library path (%s codes)', (codeForm) => {
  const records = layout(codeForm);
  const cases = ROW_FILTER_FIELDS.flatMap((field) => {
    const rowCase = ROW_FILTER_CASES[field] as (typeof ROW_FILTER_CASES)[keyof RowFilter];
    return rowCase.values(records).map((value) => ({ field, value, within: (customer: Customer) => (rowCase.within as (c: Customer, v: unknown) => boolean)(customer, value) }));
  });

  it('covers every row-filter field of the schema', () => {
    expect(new Set(cases.map((rowCase) => rowCase.field))).toEqual(new Set(ROW_FILTER_FIELDS));
  });

  for (const { field, value, within } of cases) {
    for (const path of PATHS) {
      it(`${field} ${JSON.stringify(value)} — ${path.name}`, async () => {
        const source = createMemorySource({ name: 'm', erp: codeForm === 'sap-alpha' ? 'sap' : 'generic-sql', customers: records, codeForm, pageSize: 3, lookupBatch: 4 });
        const policy = { roles: { confined: { sources: { m: { commands: '*' as const, filter: { [field]: value } as RowFilter } } } }, users: { ana: { role: 'confined' } } };
        const guarded = guardSource(source, { policy, user: 'ana', command: 'search' });
        const inside = records.filter(within);
        const seen = await path.read(guarded, records);
        const allowed = new Set(inside.map(key));
        if (seen.keys !== undefined) {
          expect(seen.keys.filter((found) => !allowed.has(found)), 'records outside the filter').toEqual([]);
          if (seen.complete) expect(new Set(seen.keys)).toEqual(allowed);
        }
        if (seen.total !== undefined) expect(seen.total).toBe(inside.length);
        const insideCodes = new Set(inside.map((record) => comparable(record.code)));
        expect((seen.codes ?? []).filter((code) => !insideCodes.has(comparable(code))), 'codes outside the filter').toEqual([]);
      });
    }
  }
});
