import type { CustomerSource } from '@custcode/core';
import { createSqlSource, sqlSourceSettings } from '@custcode/sql';
import { NC_LIKELY_COLUMNS, ncBdCustomerMapping } from './mappings/nc-bd-customer-mapping.js';
import { u8CustomerMapping } from './mappings/u8-customer-mapping.js';
import { DEFAULT_DIALECT, parseYonyouOptions, type YonyouOptions } from './yonyou-options.js';

/**
 * A read-only source over Yonyou U8 (`Customer` + class tables; SQL Server by default) or NC
 * (`bd_customer`; Oracle by default). Any dialect @custcode/sql supports can be given by URL.
 */
export function createYonyouSource(options: YonyouOptions): CustomerSource {
  const parsed = parseYonyouOptions(options);
  const schema = parsed.schema === undefined ? {} : { schema: parsed.schema };
  const columns = parsed.product === 'nc' ? (parsed.columns === 'likely' ? NC_LIKELY_COLUMNS : parsed.columns) : undefined;
  const mapping = parsed.product === 'u8' ? u8CustomerMapping(schema) : ncBdCustomerMapping({ ...schema, ...(columns ? { columns } : {}) });
  // Unconfirmed NC columns are checked against the catalog first, so a wrong guess names the column.
  const validateSchema = parsed.validateSchema ?? (columns !== undefined && Object.keys(columns).length > 0);
  return createSqlSource({
    name: parsed.name,
    mapping,
    connection: options.connection,
    defaultDialect: DEFAULT_DIALECT[parsed.product],
    ...sqlSourceSettings(parsed),
    validateSchema,
  });
}
