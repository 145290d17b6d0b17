import type { Customer } from '../customer/customer-schema.js';
import type { CustomerSource } from '../source/v1/customer-source.js';
import type { SourceDescription } from '../source/v1/source-description.js';
import { registerErrorCases } from './cases/error-cases.js';
import { registerGetManyCases } from './cases/get-many-cases.js';
import { registerHostileCases } from './cases/hostile-cases.js';
import { registerLookupCases } from './cases/lookup-cases.js';
import { registerOrgCases } from './cases/org-cases.js';
import { registerPagingCases } from './cases/paging-cases.js';
import { registerOrderCases } from './cases/order-cases.js';
import { registerProjectionCases } from './cases/projection-cases.js';
import { registerRecordCases } from './cases/record-cases.js';
import { registerSearchCases } from './cases/search-cases.js';
import type { ConformanceContext, ConformanceOptions, ConformanceSetup } from './conformance-options.js';
import { orderCustomers } from './expectations.js';
import { expect, it, vitestApi } from './vitest-api.js';

/**
 * The conformance suite every `CustomerSource` must pass: call it at the top level of a vitest file,
 * once per (adapter, backend) pair.
 *
 * ```ts
 * import { testCustomerSource, CONFORMANCE_PASSWORD } from '@custcode/core/testing';
 * for (const backend of testBackends()) {
 *   testCustomerSource({
 *     name: `yonyou-u8 on ${backend.name}`,
 *     unavailable: backend.unavailable,           // skipped with this reason printed, never silently
 *     async setup() {
 *       const database = await backend.createDatabase();
 *       const expected = await seedU8(database);   // writes canonicalCustomers(); returns projectSeedCustomer(...) rows
 *       const source = createU8Source({ name: 'u8', url: database.url });
 *       return { source, expected, teardown: () => database.drop() };
 *     },
 *     errorCases: {
 *       badCredentials: () => createU8Source({ url: `mysql://root:${CONFORMANCE_PASSWORD}@127.0.0.1:3306/x` }).count(),
 *       unreachable: () => createU8Source({ url: 'mysql://root@127.0.0.1:1/x' }).count(),
 *       missingDriver: () => ...,                   // e.g. inject an importer that fails with ERR_MODULE_NOT_FOUND
 *     },
 *     readOnly: () => executor.query('DELETE FROM Customer'),   // lowest layer: must reject READ_ONLY_VIOLATION
 *   });
 * }
 * ```
 *
 * How it works
 * - `setup` runs once in `beforeAll`; `teardown` (after `source.close()`) in `afterAll`. A failing setup fails every case.
 * - `expected` is the truth, computed by the seeder from what it wrote (use `projectSeedCustomer` from
 *   `@custcode/core` so every seeder projects the same way: category/region → names, SAP codes in ALPHA output
 *   form, fields outside `describe().fields` absent, `raw: {}`). One row per (code, org): a customer distributed
 *   to several orgs is several rows with the same code. Records are compared on every field except `raw`.
 * - Order is (code in stored form, org) in binary JS string order: `describe().codeForm` 'sap-alpha' orders
 *   `0000001000` before `C-100`. Test databases must use binary collations (utf8mb4_bin, "C").
 * - Search answers must equal `expected.filter(c => matchesFilter(c, filter))` (with `pinyinSearch: 'none'`, text
 *   matches code, name and short name only). Filters in `describe().unsupportedFilters` must reject with
 *   UnsupportedQueryError from both `search` and `count`. Filter values are taken from `expected` (most common
 *   category/region/org) plus fixed probes (`C_`, `100%`, `O'Brien`, `Back\Slash`, dates around 2023-06-30).
 * - Opt-outs come only from `describe()`: codeForm (leading-zero cases), orgScope (org cases; `none` means no
 *   record has an org and codes are unique), unsupportedFilters, pinyinSearch. A case a capability rules out is
 *   asserted as declared instead (a filter it cannot apply is refused, an org it has no scope for finds nothing).
 * - vitest (≥ 4, an optional peer) is not imported: the suite uses the running worker's API, so this entry also
 *   loads with require(). Call it at the top level of a vitest test file.
 * - Lookups: exact codes, surrounding/ideographic/zero-width spaces, full-width forms, ALPHA padding; misses are
 *   `undefined`; getMany with 1,001 and 2,101 inputs returns one result per input in input order; malformed codes in
 *   getMany are misses; `get` of '', blanks, NUL or >200 characters rejects with MalformedCodeError.
 * - Hostile strings (`' OR 1=1 --`, `%`, `_`, `\`, `'`, `"`, NUL, 10,000 characters) as text/name/codePrefix/phone
 *   must give the correct result or a CustcodeError — a raw driver error fails.
 * - `errorCases` (each optional, a warning is printed when one is missing) must reject with the typed error, and no
 *   message, hint or cause along the chain may contain `S3cr3t-pw` (`CONFORMANCE_PASSWORD`): use that password.
 * - Projection: `search({ fields })` gives the same rows as without, each record with exactly the asked fields and
 *   source, erp, code, org (when set), `raw` only when asked; filters on fields not asked still apply; unknown
 *   fields reject with UnsupportedQueryError.
 * - `readOnly` must reject with READ_ONLY_VIOLATION. The last case closes the source.
 * - `additionalTests` registers adapter-specific `it`s inside the same describe, with the same source.
 */
export function testCustomerSource(options: ConformanceOptions): void {
  const { describe, beforeAll, afterAll } = vitestApi();
  // A backend that cannot be reached here (no server URL locally) registers its cases as skipped, with the reason printed.
  if (options.unavailable) console.warn(`[custcode conformance] ${options.name} not run: ${options.unavailable}`);

  describe.skipIf(options.unavailable !== undefined)(`conformance: ${options.name}${options.unavailable ? ` (unavailable: ${options.unavailable})` : ''}`, () => {
    let setup: ConformanceSetup | undefined;
    let description: SourceDescription | undefined;
    let ordered: Customer[] = [];
    let closed = false;

    const ready = (): ConformanceSetup => {
      if (!setup) throw new Error(`conformance ${options.name}: setup() has not completed (see the beforeAll error).`);
      return setup;
    };
    const source = (): CustomerSource => ready().source;
    const expected = (): Customer[] => ready().expected;
    const context: ConformanceContext = {
      source,
      expected,
      description: () => description ?? (description = source().describe()),
      ordered: () => ordered,
    };

    beforeAll(async () => {
      setup = await options.setup();
      description = setup.source.describe();
      ordered = orderCustomers(setup.expected, description.codeForm);
    });

    afterAll(async () => {
      try {
        if (setup && !closed) await setup.source.close();
      } finally {
        await setup?.teardown?.();
      }
    });

    registerRecordCases(context);
    registerLookupCases(context);
    registerGetManyCases(context);
    registerSearchCases(context);
    registerPagingCases(context);
    registerProjectionCases(context);
    registerOrderCases(context);
    registerOrgCases(context);
    registerHostileCases(context);
    registerErrorCases(options);
    options.additionalTests?.({ source, expected });

    it('close() resolves', async () => {
      closed = true;
      await expect(source().close()).resolves.toBeUndefined();
    });
  });
}
