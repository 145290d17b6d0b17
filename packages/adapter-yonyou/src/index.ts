export { createYonyouSource } from './yonyou-source.js';
export { yonyouOptionsSchema, type YonyouOptions } from './yonyou-options.js';
export { u8CustomerMapping, type U8MappingOptions } from './mappings/u8-customer-mapping.js';
export { ncBdCustomerMapping, NC_LIKELY_COLUMNS, type NcMappingOptions, type NcOptionalColumns } from './mappings/nc-bd-customer-mapping.js';
export { yonyouU8Descriptor, yonyouNcDescriptor } from './yonyou-descriptors.js';
/** @deprecated Seeders live at `@custcode/adapter-yonyou/testing`; these root re-exports stay for existing imports. */
export { seedU8Database, seedNcDatabase, ncOrgId, type SeedU8Options, type SeedNcOptions } from './testing.js';
