import type { CustomerSource } from '@custcode/core';
import { createSqlSource, sqlSourceSettings, type SqlSourceConnection } from '@custcode/sql';
import { parseKingdeeOptions, type KingdeeOptions } from './kingdee-options.js';
import { k3cloudCustomerMapping } from './mappings/k3cloud-customer-mapping.js';
import { k3wiseOrganizationMapping } from './mappings/k3wise-organization-mapping.js';
import { createK3CloudWebApiSource } from './webapi/k3cloud-webapi-source.js';

/**
 * A CustomerSource over Kingdee customers:
 * - `product: 'k3cloud'` with `connection`: T_BD_CUSTOMER ⋈ T_BD_CUSTOMER_L in `locale` (default 2052);
 * - `product: 'k3cloud'` with `webApi`: BD_Customer through ExecuteBillQuery (cookie session);
 * - `product: 'k3wise'` with `connection`: t_Item (class 1, detail) ⋈ t_Organization.
 * Nothing connects until the first call.
 */
export function createKingdeeSource(options: KingdeeOptions): CustomerSource {
  const parsed = parseKingdeeOptions(options);
  if (parsed.webApi) return createK3CloudWebApiSource({ ...parsed, webApi: parsed.webApi });
  const mapping = parsed.product === 'k3cloud' ? k3cloudCustomerMapping({ locale: parsed.locale }) : k3wiseOrganizationMapping();
  return createSqlSource({
    name: parsed.name,
    // createExecutor checks the dialect name of a { client } connection.
    connection: parsed.connection as SqlSourceConnection,
    defaultDialect: 'mssql',
    mapping,
    ...sqlSourceSettings(parsed),
  });
}
