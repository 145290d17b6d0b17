import { expect, it } from '../vitest-api.js';
import { CustcodeError, isCustcodeError } from '../../errors/custcode-error.js';
import type { CustomerFilter } from '../../source/v1/customer-query.js';
import type { ConformanceContext } from '../conformance-options.js';
import { collect, expectedSearch, HOSTILE_STRINGS, rejectionOf, rowKey } from '../expectations.js';
import { expectLookup } from './lookup-cases.js';

/** A driver error leaking through (not a CustcodeError) fails with the driver's own message shown. */
function expectTypedError(error: unknown, label: string): void {
  expect(CustcodeError.isInstance(error), `${label}: expected a CustcodeError, got ${String((error as Error)?.stack ?? error)}`).toBe(true);
}

async function expectSearchOrTypedError(context: ConformanceContext, filter: CustomerFilter, label: string): Promise<void> {
  let rows;
  try {
    rows = await collect(context.source().search(filter));
  } catch (error) {
    expectTypedError(error, label);
    return;
  }
  expect(rows.map(rowKey), label).toEqual(expectedSearch(context, filter).map(rowKey));
  let total: number;
  try {
    total = await context.source().count(filter);
  } catch (error) {
    expectTypedError(error, `${label}: count`);
    return;
  }
  expect(total, `${label}: count`).toBe(rows.length);
}

export function registerHostileCases(context: ConformanceContext): void {
  for (const { label, value } of HOSTILE_STRINGS) {
    it(`hostile string (${label}) as text, name and codePrefix: a correct result or a typed error`, async () => {
      const unsupported = context.description().unsupportedFilters;
      for (const key of ['text', 'name', 'codePrefix', 'phone'] as const) {
        if (unsupported.includes(key)) continue;
        await expectSearchOrTypedError(context, { [key]: value }, `${key} = ${label}`);
      }
    });

    it(`hostile string (${label}) as a code: a correct lookup or a typed error`, async () => {
      let found;
      try {
        found = await context.source().get(value);
      } catch (error) {
        expectTypedError(error, `get(${label})`);
        if (value.includes('\u0000') || value.length > 200) expect(isCustcodeError(error, 'CODE_MALFORMED'), label).toBe(true);
        return;
      }
      expect(value.includes('\u0000') || value.length > 200, `get(${label}) must reject with MalformedCodeError`).toBe(false);
      expectLookup(context, value, found);
    });
  }

  it('getMany treats malformed and hostile codes as misses without failing the batch', async () => {
    const first = context.ordered()[0]!.code;
    const inputs = [first, '', '   ', 'A\u0000B', 'x'.repeat(10_000), "' OR 1=1 --", '%', first];
    let results;
    try {
      results = await collect(context.source().getMany(inputs));
    } catch (error) {
      expectTypedError(error, 'getMany with malformed codes');
      return;
    }
    expect(results.map((result) => result.code)).toEqual(inputs);
    expectLookup(context, first, results[0]!.customer);
    expectLookup(context, first, results[7]!.customer);
    for (const result of results.slice(1, 7)) expect(result.customer, JSON.stringify(result.code.slice(0, 20))).toBeUndefined();
  });

  it('get of an empty or blank code rejects with MalformedCodeError', async () => {
    for (const code of ['', '   ', '\u3000']) {
      expect(isCustcodeError(await rejectionOf(() => context.source().get(code)), 'CODE_MALFORMED'), JSON.stringify(code)).toBe(true);
    }
  });
}
