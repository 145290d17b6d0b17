import { afterAll, beforeAll, describe, expect, it as vitestIt } from 'vitest';

/**
 * vitest's API for the suite. `@custcode/core/testing` is published as ESM only (vitest 4 cannot be
 * `require()`d), and vitest is an optional peer: only this entry imports it, never `@custcode/core`.
 */
export function vitestApi() {
  return { describe, it: vitestIt, expect, beforeAll, afterAll };
}

export { expect };

/** `it(name, body)`: a case asserts what the source declares (a capability it lacks is asserted as refused or empty, never skipped). */
export const it = (name: string, body: () => unknown): void => {
  vitestIt(name, body as () => Promise<void>);
};
