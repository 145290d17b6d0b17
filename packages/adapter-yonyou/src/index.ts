export { createYonyouSource } from './yonyou-source.js';
export { yonyouOptionsSchema, type YonyouOptions } from './yonyou-options.js';
export { u8CustomerMapping, type U8MappingOptions } from './mappings/u8-customer-mapping.js';
export { ncBdCustomerMapping, NC_LIKELY_COLUMNS, type NcMappingOptions, type NcOptionalColumns } from './mappings/nc-bd-customer-mapping.js';
export { seedU8Database, type SeedU8Options } from './seed/seed-u8-database.js';
export { seedNcDatabase, ncOrgId, type SeedNcOptions } from './seed/seed-nc-database.js';
