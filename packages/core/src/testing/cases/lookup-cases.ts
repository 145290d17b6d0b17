import { expect, it } from '../vitest-api.js';
import { alphaInput, alphaOutput } from '../../code/normalize-code.js';
import type { Customer } from '../../customer/customer-schema.js';
import type { ConformanceContext } from '../conformance-options.js';
import { expectedForCode, rowKey, toFullWidth, withoutRaw } from '../expectations.js';

/** Asserts that a lookup answer is what `expected` holds for that code (one of the rows when several orgs share it). */
export function expectLookup(context: ConformanceContext, input: string, actual: Customer | undefined): void {
  const candidates = expectedForCode(context, input);
  if (candidates.length === 0) {
    expect(actual, `lookup of ${JSON.stringify(input)} must miss`).toBeUndefined();
    return;
  }
  expect(actual, `lookup of ${JSON.stringify(input)} must find ${candidates.map(rowKey).join(', ')}`).toBeDefined();
  if (candidates.length === 1) {
    expect(withoutRaw(actual!)).toEqual(withoutRaw(candidates[0]!));
  } else {
    const match = candidates.find((candidate) => candidate.org === actual!.org);
    expect(match, `lookup of ${JSON.stringify(input)} without org returned ${rowKey(actual)}`).toBeDefined();
    expect(withoutRaw(actual!)).toEqual(withoutRaw(match!));
  }
}

/** Distinct codes of `expected`, in expected order. */
export const distinctCodes = (context: ConformanceContext) => [...new Set(context.ordered().map((customer) => customer.code))];

/** The shape of a code: letters → A (a for lower case), digits → 9, other characters kept. */
const shapeOf = (code: string) => code.replace(/[A-Z]/g, 'A').replace(/[a-z]/g, 'a').replace(/[0-9]/g, '9');

/** A spread of codes plus the first two of every code shape (numeric, zero-padded, alphanumeric, wildcards, lower case). */
export function sampleCodes(context: ConformanceContext, size = 16): string[] {
  const codes = distinctCodes(context);
  const step = Math.max(1, Math.floor(codes.length / size));
  const perShape = new Map<string, string[]>();
  for (const code of codes) {
    const shape = shapeOf(code);
    const list = perShape.get(shape) ?? [];
    if (list.length < 2) perShape.set(shape, [...list, code]);
  }
  return [...new Set([...codes.filter((_, index) => index % step === 0), ...[...perShape.values()].flat()])];
}

export function registerLookupCases(context: ConformanceContext): void {
  it('get finds every code in its exact form', async () => {
    for (const code of distinctCodes(context)) expectLookup(context, code, await context.source().get(code));
  });

  it('get ignores surrounding spaces, ideographic spaces and zero-width characters', async () => {
    const forms = [(code: string) => ` ${code}  `, (code: string) => `\u3000${code}\u3000`, (code: string) => `\t\u200B${code}\n`];
    for (const [index, code] of sampleCodes(context).entries()) {
      const input = forms[index % forms.length]!(code);
      expectLookup(context, input, await context.source().get(input));
    }
  });

  it('get accepts full-width characters', async () => {
    for (const code of sampleCodes(context)) {
      const input = toFullWidth(code);
      expectLookup(context, input, await context.source().get(input));
    }
  });

  it('get handles leading zeros according to describe().codeForm', async () => {
    const numeric = sampleCodes(context).filter((code) => /^\d+$/.test(code));
    expect(numeric.length, 'the data set should hold numeric codes').toBeGreaterThan(0);
    const sapAlpha = context.description().codeForm === 'sap-alpha';
    for (const code of numeric) {
      // sap-alpha: `1000`, `001000` and `0000001000` are one customer; as-is: zeros are significant.
      const inputs = [code, alphaInput(code), alphaOutput(code), code.length <= 8 ? `00${code}` : code];
      for (const input of inputs) {
        const actual = await context.source().get(input);
        expectLookup(context, input, actual);
        if (sapAlpha && input.length <= 10) expect(actual, `SAP ALPHA form ${input} of ${code}`).toBeDefined();
      }
    }
  });

  it('get of an unknown code returns undefined', async () => {
    for (const code of ['NO-SUCH-CODE', 'KH1999129999', '987654321', '0000000000', 'ZZZZZZZZZZ']) {
      expectLookup(context, code, await context.source().get(code));
      if (expectedForCode(context, code).length === 0) expect(await context.source().get(code)).toBeUndefined();
    }
  });

  it('get returns the same record as expected for its org', async () => {
    const scoped = context.description().orgScope.kind !== 'none';
    for (const row of context.ordered().slice(0, 5)) {
      const found = await context.source().get(row.code, scoped && row.org !== undefined ? { org: row.org } : {});
      expect(found && withoutRaw(found)).toEqual(withoutRaw(row));
    }
  });
}
