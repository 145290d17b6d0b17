import type { CustomerSource } from '@custcode/core';
import { createSqlSource, sqlSourceSettings } from '@custcode/sql';
import { tcaMapping } from './mappings/tca-mapping.js';
import { parseOracleEbsOptions, type OracleEbsOptions } from './oracle-ebs-options.js';

/**
 * A read-only source over Oracle E-Business Suite TCA customer accounts. Oracle through `oracledb` in
 * thin mode (no Instant Client; database 12.1+) by default; any dialect @custcode/sql supports by URL.
 */
export function createOracleEbsSource(options: OracleEbsOptions): CustomerSource {
  const parsed = parseOracleEbsOptions(options);
  const mapping = tcaMapping({
    ...(parsed.schema === undefined ? {} : { schema: parsed.schema }),
    ...(parsed.nameColumn === undefined ? {} : { nameColumn: parsed.nameColumn }),
    ...(parsed.taxIdColumns === undefined ? {} : { taxIdColumns: parsed.taxIdColumns }),
    ...(parsed.shortNameColumn === undefined ? {} : { shortNameColumn: parsed.shortNameColumn }),
    ...(parsed.org === undefined ? {} : { defaultOrg: String(parsed.org) }),
  });
  return createSqlSource({
    name: parsed.name,
    mapping,
    connection: options.connection,
    defaultDialect: 'oracle',
    ...sqlSourceSettings(parsed),
    // A configured short-name column is not confirmed for EBS: check it against the catalog first.
    validateSchema: parsed.validateSchema ?? parsed.shortNameColumn !== undefined,
  });
}
