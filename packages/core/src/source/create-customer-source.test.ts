import { describe, expect, it } from 'vitest';
import type { Customer } from '../customer/customer-schema.js';
import { ConnectionError } from '../errors/connection-error.js';
import { isCustcodeError } from '../errors/custcode-error.js';
import { createCustomerSource } from './create-customer-source.js';
import { parseCustomerQuery } from './parse-customer-query.js';
import { pagesOf } from './customer-pages.js';
import { matchesFilter } from './match-filter.js';
import type { CustomerFilter } from './v1/customer-query.js';
import type { SourceDescription } from './v1/source-description.js';
import type { SourceDriver } from '../index.js';
import type { Cursor, SourceReader } from './v1/source-reader.js';

const customer = (code: string, name: string, extra: Partial<Customer> = {}): Customer => ({
  source: 'fake', erp: 'generic-sql', code, name, status: 'active', raw: {}, ...extra,
});

const rows: Customer[] = [
  customer('0000001000', '北京星辰科技有限公司'),
  customer('1001', 'Acme Trading Co., Ltd.'),
  customer('C-100', '上海明辉贸易有限公司', { status: 'blocked' }),
  customer('KH01', '深圳华信电子有限公司'),
  customer('KH02', '北京鼎盛物流有限公司', { status: 'deleted' }),
];

interface Calls {
  lookups: string[][];
  lookupOrgs: Array<string | undefined>;
  pages: Array<{ filter: CustomerFilter; after?: Cursor; limit: number }>;
  counts: CustomerFilter[];
}

/** A reader over `data` that records what the core asked of it; code order is JS string order. */
function fakeReader(data: Customer[], capabilities: Partial<ReturnType<SourceReader['describe']>> = {}, codeForm: 'as-is' | 'sap-alpha' = 'as-is') {
  const calls: Calls = { lookups: [], lookupOrgs: [], pages: [], counts: [] };
  const sorted = [...data].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const description: Omit<SourceDescription, 'name' | 'erp' | 'readOnly' | 'codeForm'> = {
    fields: ['source', 'erp', 'code', 'name', 'status'],
    orgScope: { kind: 'none' },
    changeTracking: 'none',
    pinyinSearch: 'pushdown',
    unsupportedFilters: [],
    limits: { lookupBatch: 3, page: 2 },
    resumable: true,
    details: {},
    ...capabilities,
  };
  const reader: SourceReader = {
    name: 'fake',
    erp: 'generic-sql',
    codeForm,
    describe: () => description,
    async page(request) {
      calls.pages.push(request);
      return sorted.filter((row) => (request.after ? row.code > request.after.code : true) && matchesFilter(row, request.filter)).slice(0, request.limit);
    },
    async lookup(codes, options) {
      calls.lookups.push(codes);
      calls.lookupOrgs.push(options.org);
      return sorted.filter((row) => codes.includes(row.code));
    },
    async count(filter) {
      calls.counts.push(filter);
      return sorted.filter((row) => matchesFilter(row, filter)).length;
    },
    async close() {},
  };
  return { source: createCustomerSource(reader), reader, calls };
}

const collect = async <T>(iterable: AsyncIterable<T>) => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};
const rejection = async (action: () => Promise<unknown>) => action().then(() => undefined, (error: unknown) => error);

describe('createCustomerSource: lookups', () => {
  it('get normalises the code and converts it to the stored form', async () => {
    const { source, calls } = fakeReader(rows, {}, 'sap-alpha');
    expect((await source.get(' １０００ '))?.name).toBe('北京星辰科技有限公司');
    expect(calls.lookups).toEqual([['0000001000']]);
    expect(await source.get('NOPE')).toBeUndefined();
  });

  it('get rejects a malformed code before the reader sees it', async () => {
    const { source, calls } = fakeReader(rows);
    expect(isCustcodeError(await rejection(() => source.get('A\u0000B')), 'CODE_MALFORMED')).toBe(true);
    expect(calls.lookups).toEqual([]);
  });

  it('getMany batches distinct codes at limits.lookupBatch and answers every input in order', async () => {
    const { source, calls } = fakeReader(rows);
    const inputs = ['KH01', 'MISS1', 'KH01', ' C-100 ', 'KH02', 'MISS2', '1001', 'KH01'];
    const results = await collect(source.getMany(inputs));
    expect(results.map((result) => result.code)).toEqual(inputs);
    expect(results.map((result) => result.customer?.code)).toEqual(['KH01', undefined, 'KH01', 'C-100', 'KH02', undefined, '1001', 'KH01']);
    for (const batch of calls.lookups) {
      expect(batch.length).toBeLessThanOrEqual(3);
      expect(new Set(batch).size).toBe(batch.length);
    }
    expect(calls.lookups.flat().sort()).toEqual(['1001', 'C-100', 'KH01', 'KH02', 'MISS1', 'MISS2', 'KH01'].sort());
  });

  it('getMany answers a long run of one repeated code in bounded batches', async () => {
    const { source, calls } = fakeReader(rows);
    const inputs = Array.from({ length: 100 }, () => 'KH01');
    const results = await collect(source.getMany(inputs));
    expect(results.every((result) => result.customer?.code === 'KH01')).toBe(true);
    expect(results).toHaveLength(100);
    // lookupBatch 3: at most 24 answers wait for one lookup.
    expect(calls.lookups.length).toBeGreaterThanOrEqual(Math.ceil(100 / 24));
  });

  it('getMany treats malformed codes as misses and keeps going', async () => {
    const { source } = fakeReader(rows);
    const results = await collect(source.getMany(['', 'KH01', 'A\u0000B', 'x'.repeat(500), 'KH02']));
    expect(results.map((result) => result.customer?.code)).toEqual([undefined, 'KH01', undefined, undefined, 'KH02']);
  });

  it('getMany passes org through and accepts async iterables', async () => {
    const { source, calls } = fakeReader(rows);
    async function* codes() {
      yield 'KH01';
      yield 'KH02';
    }
    expect((await collect(source.getMany(codes(), { org: '100' }))).map((result) => result.customer?.code)).toEqual(['KH01', 'KH02']);
    expect(calls.lookupOrgs).toEqual(['100']);
    expect(await collect(source.getMany([]))).toEqual([]);
    expect(calls.lookups).toHaveLength(1);
  });
});

describe('createCustomerSource: search and count', () => {
  it('streams every page in code order and stops on a short page', async () => {
    const { source, calls } = fakeReader(rows);
    expect((await collect(source.search())).map((row) => row.code)).toEqual(['0000001000', '1001', 'C-100', 'KH01', 'KH02']);
    expect(calls.pages.map((page) => page.after?.code)).toEqual([undefined, '1001', 'KH01']);
  });

  it('applies limit without reading further pages', async () => {
    const { source, calls } = fakeReader(rows);
    expect((await collect(source.search({ limit: 3 }))).map((row) => row.code)).toEqual(['0000001000', '1001', 'C-100']);
    expect(calls.pages.map((page) => page.limit)).toEqual([2, 1]);
  });

  it('asks for the next page while the current one is still being read', async () => {
    const { source, calls } = fakeReader(rows);
    const iterator = source.search()[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.code).toBe('0000001000');
    expect(calls.pages.map((page) => page.after?.code)).toEqual([undefined, '1001']);
    await iterator.return?.(undefined);
  });

  it('reports a failed prefetched page where it is read, and drops it when the caller stopped first', async () => {
    const requested: Array<Cursor | undefined> = [];
    // Every page after the first fails with an error that is not retried.
    const failingSource = createCustomerSource({
      name: 'fake',
      erp: 'generic-sql',
      codeForm: 'as-is',
      describe: () => ({ fields: ['source', 'erp', 'code', 'name', 'status'], orgScope: { kind: 'none' }, changeTracking: 'none', pinyinSearch: 'pushdown', unsupportedFilters: [], limits: { lookupBatch: 3, page: 2 }, resumable: true, details: {} }),
      async page(request) {
        requested.push(request.after);
        if (request.after) throw new Error('page failed');
        return rows.slice(0, request.limit);
      },
      lookup: async () => [],
      count: async () => 0,
      close: async () => {},
    });
    const seen: string[] = [];
    const error = await rejection(async () => {
      for await (const row of failingSource.search()) seen.push(row.code);
    });
    expect(seen).toHaveLength(2);
    expect((error as Error).message).toBe('page failed');
    // Stopping after one row leaves a failing prefetch behind; it must not surface as an unhandled rejection.
    for await (const _row of failingSource.search()) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(requested.filter((cursor) => cursor !== undefined)).toHaveLength(2);
  });

  it('offers the same rows page by page, with limit and a scanned text filter applied to the pages', async () => {
    const { source } = fakeReader(rows, { pinyinSearch: 'scan' });
    const pages = await collect(pagesOf(source.search()));
    expect(pages.map((page) => page.map((row) => row.code))).toEqual([['0000001000', '1001'], ['C-100', 'KH01'], ['KH02']]);
    const limited = await collect(pagesOf(source.search({ limit: 3 })));
    expect(limited.map((page) => page.map((row) => row.code))).toEqual([['0000001000', '1001'], ['C-100']]);
    // Pages whose rows all miss the text are skipped, never yielded empty.
    const filtered = await collect(pagesOf(source.search({ text: 'bj', status: ['active', 'deleted'] })));
    expect(filtered.map((page) => page.map((row) => row.code))).toEqual([['0000001000'], ['KH02']]);
  });

  it('resumes after a cursor', async () => {
    const { source } = fakeReader(rows);
    expect((await collect(source.search({ after: 'C-100' }))).map((row) => row.code)).toEqual(['KH01', 'KH02']);
  });

  it('evaluates text itself when pinyinSearch is scan, paging on past rows that miss', async () => {
    const { source, calls } = fakeReader(rows, { pinyinSearch: 'scan' });
    expect((await collect(source.search({ text: 'bj', status: ['active', 'deleted'] }))).map((row) => row.code)).toEqual(['0000001000', 'KH02']);
    for (const page of calls.pages) expect(page.filter).toEqual({ status: ['active', 'deleted'] });
    expect((await collect(source.search({ text: 'bj', limit: 1 }))).map((row) => row.code)).toEqual(['0000001000']);
    expect(await source.count({ text: 'bj' })).toBe(2);
    expect(calls.counts).toEqual([]);
  });

  it('pushes text down when pinyinSearch is pushdown, and drops an empty text', async () => {
    const { source, calls } = fakeReader(rows);
    await collect(source.search({ text: 'bj' }));
    expect(calls.pages[0]!.filter).toEqual({ text: 'bj' });
    expect(await source.count({ text: '' })).toBe(5);
    expect(calls.counts).toEqual([{}]);
  });

  it('refuses filters the reader declares unsupported, from search and count', async () => {
    const { source, calls } = fakeReader(rows, { unsupportedFilters: ['phone'] });
    const searchError = await rejection(() => collect(source.search({ phone: '010' })));
    expect(isCustcodeError(searchError, 'QUERY_UNSUPPORTED')).toBe(true);
    expect((searchError as Error).message).toContain('phone');
    expect(isCustcodeError(await rejection(() => source.count({ phone: '010' })), 'QUERY_UNSUPPORTED')).toBe(true);
    expect(calls.pages).toEqual([]);
    expect(calls.counts).toEqual([]);
  });

  it('refuses unknown keys, bad values and NUL characters with UnsupportedQueryError', () => {
    for (const query of [{ colour: 'red' }, { status: 'asleep' }, { createdTo: '31/12/2024' }, { limit: -1 }, { name: 'a\u0000' }]) {
      let error: unknown;
      try {
        parseCustomerQuery(query);
      } catch (caught) {
        error = caught;
      }
      expect(isCustcodeError(error, 'QUERY_UNSUPPORTED'), JSON.stringify(query)).toBe(true);
    }
    expect(parseCustomerQuery(undefined)).toEqual({});
  });

  it('describe() adds the name, erp, code form and read-only flag', () => {
    const { source } = fakeReader(rows, {}, 'sap-alpha');
    expect(source.describe()).toMatchObject({ name: 'fake', erp: 'generic-sql', codeForm: 'sap-alpha', readOnly: true });
    expect(source.specificationVersion).toBe('v1');
  });

  it('still takes a reader typed by its deprecated name SourceDriver', async () => {
    const { reader } = fakeReader(rows);
    const typedByOldName: SourceDriver = reader;
    expect(await createCustomerSource(typedByOldName).count()).toBe(rows.length);
  });

  it('describe() shows what the reader learnt while reading (warnings), not a copy taken when the source was built', async () => {
    const { reader } = fakeReader(rows);
    const warnings: string[] = [];
    const source = createCustomerSource({ ...reader, describe: () => ({ ...reader.describe(), ...(warnings.length === 0 ? {} : { warnings: [...warnings] }) }) });
    expect(source.describe().warnings).toBeUndefined();
    warnings.push('text table T005U not readable');
    expect(source.describe()).toMatchObject({ name: 'fake', readOnly: true, warnings: ['text table T005U not readable'] });
  });
});

describe('createCustomerSource: scans', () => {
  /** A reader whose scan hands on pages of 2 after the cursor; `failAfter` pages into the first scan, it loses the connection. */
  function scanningReader(options: { busy?: boolean; failAfter?: number } = {}) {
    const sorted = [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const scans: Array<{ after?: string; limit?: number }> = [];
    let open = 0;
    const base = fakeReader(rows);
    const calls = base.calls;
    const reader: SourceReader = {
      name: 'fake',
      erp: 'generic-sql',
      codeForm: 'as-is',
      describe: () => ({ ...base.source.describe(), limits: { lookupBatch: 3, page: 2 } }),
      async page(request) {
        calls.pages.push(request);
        return sorted.filter((row) => !request.after || row.code > request.after.code).slice(0, request.limit);
      },
      scan(request) {
        if (options.busy) return undefined;
        scans.push({ ...(request.after ? { after: request.after.code } : {}), ...(request.limit === undefined ? {} : { limit: request.limit }) });
        const first = scans.length === 1;
        return (async function* () {
          open += 1;
          try {
            const after = sorted.filter((row) => !request.after || row.code > request.after.code).slice(0, request.limit ?? Infinity);
            for (let start = 0; start < after.length; start += 2) {
              if (first && options.failAfter !== undefined && start / 2 === options.failAfter) {
                throw new ConnectionError({ reason: 'closed', message: 'killed' });
              }
              yield after.slice(start, start + 2);
            }
          } finally {
            open -= 1;
          }
        })();
      },
      lookup: async () => [],
      count: async () => 0,
      close: async () => {},
    };
    return { source: createCustomerSource(reader, { retryDelayMs: 1 }), scans, calls, open: () => open };
  }

  it('reads a search with one scan, and scans again after the last row handed on when the connection is lost', async () => {
    const { source, scans, calls } = scanningReader({ failAfter: 1 });
    expect((await collect(source.search())).map((row) => row.code)).toEqual(['0000001000', '1001', 'C-100', 'KH01', 'KH02']);
    expect(scans).toEqual([{}, { after: '1001' }]);
    expect(calls.pages).toEqual([]);
    const limited = scanningReader();
    expect((await collect(limited.source.search({ limit: 3 }))).map((row) => row.code)).toEqual(['0000001000', '1001', 'C-100']);
    expect(limited.scans).toEqual([{ limit: 3 }]);
  });

  it('reads pages when the reader has no connection free to stream', async () => {
    const { source, calls } = scanningReader({ busy: true });
    expect((await collect(source.search())).map((row) => row.code)).toEqual(['0000001000', '1001', 'C-100', 'KH01', 'KH02']);
    expect(calls.pages.map((page) => page.after?.code)).toEqual([undefined, '1001', 'KH01']);
  });

  it('ends the scan when the reader stops on its first page', async () => {
    const reader = scanningReader();
    for await (const _row of reader.source.search()) break;
    expect(reader.open()).toBe(0);
  });
});

describe('createCustomerSource: projected searches', () => {
  /** A reader that fills exactly the asked fields (in the asked order) and says so, or says nothing. */
  function projectingReader(projectsExactly: boolean | undefined, pinyinSearch: 'pushdown' | 'scan' = 'pushdown') {
    const handed: Customer[] = [];
    const base = fakeReader(rows, { pinyinSearch });
    const reader: SourceReader = {
      ...base.reader,
      ...(projectsExactly === undefined ? {} : { projectsExactly }),
      async page(request) {
        const full = await base.reader.page(request);
        const records = full.map((row) => {
          if (request.fields === undefined) return row;
          const picked: Record<string, unknown> = {};
          for (const field of request.fields) if (row[field] !== undefined) picked[field] = row[field];
          return picked as Customer;
        });
        handed.push(...records);
        return records;
      },
    };
    return { source: createCustomerSource(reader), handed };
  }

  it('hands on the records of a reader that projects exactly as they are', async () => {
    const { source, handed } = projectingReader(true);
    const found = await collect(source.search({ fields: ['code', 'name'] }));
    expect(found.map((row) => row.code)).toEqual(rows.map((row) => row.code).sort());
    expect(found.every((row, index) => row === handed[index])).toBe(true);
    expect(found[0]).toEqual({ source: 'fake', erp: 'generic-sql', code: '0000001000', name: '北京星辰科技有限公司' });
  });

  it('copies them down to the asked fields when the reader does not say it projects exactly', async () => {
    for (const flag of [undefined, false]) {
      const { source, handed } = projectingReader(flag);
      const found = await collect(source.search({ fields: ['code', 'name'] }));
      expect(found.some((row, index) => row === handed[index])).toBe(false);
      expect(Object.keys(found[0]!)).toEqual(['source', 'erp', 'code', 'name']);
    }
  });

  it('still cuts records down when the core asked for more than the caller (a text filter it checks itself)', async () => {
    const { source, handed } = projectingReader(true, 'scan');
    const found = await collect(source.search({ fields: ['code'], text: '北京' }));
    expect(found.map((row) => row.code)).toEqual(['0000001000', 'KH02']);
    // The reader was asked for the name fields too (to match the text); the caller gets only code and identity.
    expect(handed.some((row) => row.name !== undefined)).toBe(true);
    expect(found.map((row) => Object.keys(row))).toEqual([['source', 'erp', 'code'], ['source', 'erp', 'code']]);
  });
});
