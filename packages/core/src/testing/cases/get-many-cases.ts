import { expect, it } from '../vitest-api.js';
import { alphaInput } from '../../code/normalize-code.js';
import type { ConformanceContext } from '../conformance-options.js';
import { collect, toFullWidth } from '../expectations.js';
import { distinctCodes, expectLookup } from './lookup-cases.js';

/**
 * `count` lookup inputs cycling through the data set's codes in every usual form, with misses
 * (every 5th) and repeats of an earlier input (every 7th) mixed in.
 */
export function lookupInputs(context: ConformanceContext, count: number): string[] {
  const codes = distinctCodes(context);
  const forms = [
    (code: string) => code,
    (code: string) => `  ${code} `,
    (code: string) => toFullWidth(code),
    (code: string) => alphaInput(code),
  ];
  const inputs: string[] = [];
  for (let index = 0; inputs.length < count; index++) {
    if (index % 7 === 6 && inputs.length > 0) inputs.push(inputs[Math.floor(inputs.length / 2)]!);
    else if (index % 5 === 4) inputs.push(`MISS-${index}`);
    else {
      const code = codes[index % codes.length]!;
      inputs.push(forms[Math.floor(index / codes.length + index) % forms.length]!(code));
    }
  }
  return inputs;
}

async function expectGetMany(context: ConformanceContext, inputs: string[]): Promise<void> {
  const results = await collect(context.source().getMany(inputs));
  expect(results.map((result) => result.code), 'one result per input code, in input order').toEqual(inputs);
  const seen = new Map<string, string | undefined>();
  for (const [index, result] of results.entries()) {
    expectLookup(context, inputs[index]!, result.customer);
    // A code asked twice gets the same answer twice.
    const previous = seen.get(inputs[index]!);
    if (seen.has(inputs[index]!)) expect(result.customer?.org).toBe(previous);
    seen.set(inputs[index]!, result.customer?.org);
  }
}

export function registerGetManyCases(context: ConformanceContext): void {
  it('getMany answers 1,001 codes (hits, misses, duplicates) in input order', async () => {
    await expectGetMany(context, lookupInputs(context, 1_001));
  });

  it('getMany answers 2,101 codes, above the SQL Server parameter limit', async () => {
    await expectGetMany(context, lookupInputs(context, 2_101));
  });

  it('getMany accepts an async iterable and an empty input', async () => {
    const inputs = lookupInputs(context, 30);
    async function* stream() {
      yield* inputs;
    }
    const results = await collect(context.source().getMany(stream()));
    expect(results.map((result) => result.code)).toEqual(inputs);
    for (const [index, result] of results.entries()) expectLookup(context, inputs[index]!, result.customer);
    expect(await collect(context.source().getMany([]))).toEqual([]);
  });

  it('getMany agrees with get', async () => {
    const inputs = lookupInputs(context, 60);
    const results = await collect(context.source().getMany(inputs));
    for (const [index, result] of results.entries()) {
      const single = await context.source().get(inputs[index]!);
      expect(result.customer?.code).toBe(single?.code);
      expect(result.customer?.org).toBe(single?.org);
    }
  });
}
