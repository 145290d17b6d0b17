import { parseCodeInput, parseCustomerQuery, type CustomerSource, type LookupResult } from '@custcode/core';
import { createSqlSource, type SqlSourceOptions } from '@custcode/sql';
import { k3cloudCustomerMapping } from './mappings/k3cloud-customer-mapping.js';

/** K/3 Cloud organisation ids (FORGID) are integers; anything else names no org. */
const isOrgId = (org: string | undefined) => org === undefined || /^\d{1,18}$/.test(org);

/**
 * K/3 Cloud over SQL. Two rules that `@custcode/sql` does not express yet (see README, "Open points"):
 * - lookups without an org read the creating org's row (`withoutOrg`), while `search`/`count` without an org
 *   stream every use-org's row: lookups go to a source whose mapping has `withoutOrg`, streams to one without;
 * - `FUSEORGID` is an int column: an org that is not an integer matches nothing and is never bound against it
 *   (SQL Server and PostgreSQL would fail to convert it).
 */
export function createK3CloudSqlSource(options: Omit<SqlSourceOptions, 'mapping'> & { locale: number }): CustomerSource {
  const { locale, ...sqlOptions } = options;
  const lookups = createSqlSource({ ...sqlOptions, mapping: k3cloudCustomerMapping({ locale }) });
  const streamMapping = k3cloudCustomerMapping({ locale });
  if (streamMapping.org?.kind === 'column') delete streamMapping.org.withoutOrg;
  let streams: CustomerSource | undefined;
  const stream = () => (streams ??= createSqlSource({ ...sqlOptions, mapping: streamMapping }));

  async function* getMany(codes: Iterable<string> | AsyncIterable<string>, lookup: { org?: string } = {}): AsyncGenerator<LookupResult> {
    if (isOrgId(lookup.org)) return yield* lookups.getMany(codes, lookup);
    for await (const code of codes) yield { code, customer: undefined };
  }

  return {
    specificationVersion: 'v1',
    name: lookups.name,
    erp: lookups.erp,
    async get(code, lookup = {}) {
      if (isOrgId(lookup.org)) return lookups.get(code, lookup);
      parseCodeInput(code); // a malformed code is still an error
      return undefined;
    },
    getMany,
    async *search(query = {}) {
      if (!isOrgId(parseCustomerQuery(query).org)) return;
      yield* stream().search(query);
    },
    async count(query = {}) {
      return isOrgId(parseCustomerQuery(query).org) ? stream().count(query) : 0;
    },
    describe: () => lookups.describe(),
    async close() {
      await Promise.all([lookups.close(), streams?.close()]);
    },
  };
}
