import { afterAll, beforeAll, describe, expect, it as vitestIt } from 'vitest';

/**
 * vitest's API for the suite. `@custcode/core/testing` is published as ESM only (vitest 4 cannot be
 * `require()`d), and vitest is an optional peer: only this entry imports it, never `@custcode/core`.
 */
export function vitestApi() {
  return { describe, it: vitestIt, expect, beforeAll, afterAll };
}

export { expect };

/** What a case body gets: `skip(note)` marks the case skipped, with the declared capability that rules it out. */
export interface CaseContext {
  skip(note: string): never;
}

/** `it(name, body)` with a typed skip. */
export const it = (name: string, body: (test: CaseContext) => unknown): void => {
  vitestIt(name, ((test: { skip(note?: string): never }) => body({ skip: (note) => test.skip(note) })) as () => Promise<void>);
};
