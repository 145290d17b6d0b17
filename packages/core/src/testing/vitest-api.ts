import type * as Vitest from 'vitest';

type VitestApi = Pick<typeof Vitest, 'describe' | 'it' | 'expect' | 'beforeAll' | 'afterAll'>;

/**
 * vitest's API, taken from the running test worker instead of `import 'vitest'`: vitest refuses to be
 * `require()`d, and the CommonJS build of `@custcode/core/testing` must still load (vitest is an
 * optional peer). Every vitest worker exposes its API as `__vitest_index__` (what in-source tests'
 * `import.meta.vitest` returns).
 */
export function vitestApi(): VitestApi {
  const api = (globalThis as { __vitest_index__?: Partial<VitestApi> }).__vitest_index__;
  if (typeof api?.describe !== 'function' || typeof api.it !== 'function' || typeof api.expect !== 'function') {
    throw new Error('@custcode/core/testing runs inside vitest 4: call testCustomerSource at the top level of a test file run by vitest.');
  }
  return api as VitestApi;
}

/** `expect(actual, message)`, resolved when called. */
export const expect = ((actual: unknown, message?: string) => vitestApi().expect(actual, message)) as unknown as Vitest.ExpectStatic;
/** `it(name, body)`, resolved when called. */
export const it = (name: string, body: () => unknown): void => {
  vitestApi().it(name, body as () => Promise<void>);
};
