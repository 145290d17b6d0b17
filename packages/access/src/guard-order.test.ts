import { describe, expect, it } from 'vitest';
import { type Customer, createMemorySource, isCustcodeError } from '@custcode/core';
import { cursorAfter } from '@custcode/core/adapter';
import { createMemoryAccessLog } from './access-log.js';
import type { AccessPolicy } from './access-policy-schema.js';
import { guardSource } from './guard-source.js';

const row = (code: string, name: string, shortName: string): Customer => ({ source: 'f', erp: 'file', code, name, shortName, status: 'active', raw: { NAME: name } });
// For "ab": C1's name starts with it (tier 2) but its short name only has it as a word (tier 3); C2's short name starts with it (tier 2).
const rows = [row('C1', 'Ab Corp', 'xx ab'), row('C2', 'zz', 'ab shop'), row('C3', 'Gamma', 'none')];
const policy: AccessPolicy = {
  roles: {
    nameless: { sources: { f: { commands: ['search'], mask: ['name'] } } },
    all: { sources: { '*': { commands: '*' } } },
  },
  users: { masked: { role: 'nameless' }, open: { role: 'all' } },
};
const source = () => createMemorySource({ name: 'f', customers: rows, rawColumns: { name: ['NAME'] } });
const codes = async (items: AsyncIterable<Customer>) => {
  const list: string[] = [];
  for await (const item of items) list.push(item.code);
  return list;
};

describe('guardSource: ordered searches', () => {
  it('ranks a masked name out: the hidden name never moves a row up', async () => {
    const open = guardSource(source(), { policy, user: 'open', command: 'search' });
    const masked = guardSource(source(), { policy, user: 'masked', command: 'search' });
    const query = { text: 'ab', sort: [{ field: 'relevance' as const }] };
    expect(await codes(open.search(query))).toEqual(['C1', 'C2']);
    // Without the name, C1 matches only through a word of its short name: it ranks after C2.
    expect(await codes(masked.search(query))).toEqual(['C2', 'C1']);
    // Paged one row at a time with the cursor the API hands out (ranked with the role's text fields): same order.
    const paged: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const found: Customer[] = [];
      for await (const item of masked.search({ ...query, limit: 1, ...(after === undefined ? {} : { after }) })) found.push(item);
      paged.push(...found.map((item) => item.code));
      if (found.length < 1) break;
      after = cursorAfter(found, 'as-is', after, { ...query, textFields: masked.access.textFields });
    }
    expect(paged).toEqual(['C2', 'C1']);
  });

  it('refuses to sort by a masked field (its order would reveal it) and logs the denial', async () => {
    const accessLog = createMemoryAccessLog();
    const masked = guardSource(source(), { policy, user: 'masked', command: 'search', accessLog });
    const error = await codes(masked.search({ sort: [{ field: 'name' }] })).catch((caught: unknown) => caught);
    expect(isCustcodeError(error, 'NOT_AUTHORIZED')).toBe(true);
    expect(accessLog.entries.at(-1)).toMatchObject({ operation: 'search', outcome: 'denied' });
    // Sorting by a visible field works, and the masked name stays masked in the rows.
    const open = await codes(masked.search({ sort: [{ field: 'shortName', direction: 'desc' }] }));
    expect(open).toEqual(['C1', 'C3', 'C2']);
  });
});
