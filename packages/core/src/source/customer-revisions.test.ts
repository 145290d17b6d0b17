import { describe, expect, it } from 'vitest';
import type { Customer } from '../customer/customer-schema.js';
import { isCustcodeError } from '../errors/custcode-error.js';
import { createCustomerSource } from './create-customer-source.js';
import type { SourceReader } from './v1/source-reader.js';

const customer = (code: string): Customer => ({ source: 'sap', erp: 'sap', code, name: `Kunde ${code}`, status: 'active', raw: {} });

/** A sap-alpha reader with a change log of batch size 2 that records what it is asked. */
function readerWithRevisions(withRevisions = true) {
  const asked: Array<{ codes: string[]; since: string; org?: string }> = [];
  const reader: SourceReader = {
    name: 'sap',
    erp: 'sap',
    codeForm: 'sap-alpha',
    describe: () => ({ fields: ['source', 'erp', 'code', 'name', 'status'], orgScope: { kind: 'none' }, changeTracking: 'change-documents', pinyinSearch: 'scan', unsupportedFilters: [], limits: { lookupBatch: 2, page: 10 }, resumable: true, details: {} }),
    page: async () => [],
    lookup: async () => [],
    count: async () => 0,
    close: async () => {},
    ...(withRevisions
      ? {
          async revisions(codes: string[], options: { since: string; org?: string }) {
            asked.push({ codes, ...options });
            return codes.map((code) => ({ current: customer(code.replace(/^0+/, '')), before: { ...customer(code.replace(/^0+/, '')), name: 'old' } }));
          },
        }
      : {}),
  };
  return { source: createCustomerSource(reader), asked };
}

describe('CustomerSource.revisions', () => {
  it('hands the reader stored codes, once each, in batches of lookupBatch, with since and org checked', async () => {
    const { source, asked } = readerWithRevisions();
    const revisions = await source.revisions!([' 1000 ', '１００１', '0000001000', 'C-1'], { since: '2025-06-01T08:30', org: '1000' });
    expect(asked).toEqual([
      { codes: ['0000001000', '0000001001'], since: '2025-06-01T08:30', org: '1000' },
      { codes: ['C-1'], since: '2025-06-01T08:30', org: '1000' },
    ]);
    expect(revisions.map((revision) => [revision.current.code, revision.before.name])).toEqual([['1000', 'old'], ['1001', 'old'], ['C-1', 'old']]);
  });

  it('refuses a date that is not one, and is absent when the reader has no change log', async () => {
    const { source, asked } = readerWithRevisions();
    const error = await source.revisions!(['1000'], { since: '2025-13-01' }).catch((caught: unknown) => caught);
    expect(isCustcodeError(error, 'QUERY_UNSUPPORTED'), String(error)).toBe(true);
    expect(asked).toEqual([]);
    expect(readerWithRevisions(false).source.revisions).toBeUndefined();
  });
});
