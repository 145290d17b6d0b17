import { expect, it } from '../vitest-api.js';
import type { Customer } from '../../customer/customer-schema.js';
import type { ConformanceContext } from '../conformance-options.js';
import { collect, rowKey, withoutRaw } from '../expectations.js';
import { expectLookup } from './lookup-cases.js';

/** Codes grouped with their rows, for codes held by more than one org. */
function sharedCodes(context: ConformanceContext): Map<string, Customer[]> {
  const byCode = new Map<string, Customer[]>();
  for (const customer of context.ordered()) byCode.set(customer.code, [...(byCode.get(customer.code) ?? []), customer]);
  return new Map([...byCode].filter(([, rows]) => rows.length > 1));
}

export function registerOrgCases(context: ConformanceContext): void {
  it('describe().orgScope matches the records: org set on every row when scoped, never when not', () => {
    const scope = context.description().orgScope;
    const withOrg = context.expected().filter((customer) => customer.org !== undefined).length;
    if (scope.kind === 'none') {
      expect(withOrg, 'orgScope none: no record has an org').toBe(0);
      expect(sharedCodes(context).size, 'orgScope none: codes are unique').toBe(0);
    } else {
      expect(scope.withoutOrg.length, 'withoutOrg documents what get(code) returns without org').toBeGreaterThan(0);
      expect(withOrg, `orgScope ${scope.kind}: every record has an org`).toBe(context.expected().length);
    }
  });

  it('get with org returns that org\u2019s row; an org the customer is not in gives undefined', async () => {
    if (context.description().orgScope.kind === 'none') {
      // Without org scope no customer is in any org: asking for one finds nothing.
      for (const row of context.ordered().filter((_, index) => index % 15 === 0)) {
        expectLookup(context, row.code, await context.source().get(row.code));
        expect(await context.source().get(row.code, { org: '100' }), `get(${row.code}, { org: '100' }) on an unscoped source`).toBeUndefined();
      }
      return;
    }
    const orgs = [...new Set(context.expected().map((customer) => customer.org!))];
    const rows = [...sharedCodes(context).values()].slice(0, 12).flat().concat(context.ordered().filter((_, index) => index % 15 === 0));
    for (const row of rows) {
      const found = await context.source().get(row.code, { org: row.org! });
      expect(found && withoutRaw(found), `get(${row.code}, { org: ${row.org} })`).toEqual(withoutRaw(row));
      for (const other of orgs) {
        if (context.expected().some((customer) => customer.code === row.code && customer.org === other)) continue;
        expect(await context.source().get(row.code, { org: other }), `get(${row.code}, { org: ${other} })`).toBeUndefined();
      }
    }
    expect(await context.source().get(context.ordered()[0]!.code, { org: 'NO-SUCH-ORG' })).toBeUndefined();
  });

  it('get without org returns one of the code\u2019s rows (the documented default), the same every time', async () => {
    for (const [code] of sharedCodes(context)) {
      const first = await context.source().get(code);
      expectLookup(context, code, first);
      expect(rowKey(await context.source().get(code))).toBe(rowKey(first));
    }
  });

  it('getMany with org returns that org\u2019s rows and misses elsewhere', async () => {
    const codes = [...new Set(context.ordered().map((customer) => customer.code))];
    if (context.description().orgScope.kind === 'none') {
      const results = await collect(context.source().getMany(codes, { org: '100' }));
      expect(results.map((result) => result.code)).toEqual(codes);
      expect(results.filter((result) => result.customer !== undefined), 'getMany with an org on an unscoped source').toEqual([]);
      return;
    }
    const orgs = [...new Set(context.expected().map((customer) => customer.org!))].sort();
    for (const org of orgs) {
      const results = await collect(context.source().getMany(codes, { org }));
      expect(results.map((result) => result.code)).toEqual(codes);
      for (const result of results) {
        const expected = context.expected().find((customer) => customer.code === result.code && customer.org === org);
        expect(result.customer && withoutRaw(result.customer), `getMany ${result.code} in ${org}`).toEqual(expected && withoutRaw(expected));
      }
    }
  });
}
