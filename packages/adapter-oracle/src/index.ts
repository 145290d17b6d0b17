export { createOracleEbsSource } from './oracle-ebs-source.js';
export { oracleEbsOptionsSchema, type OracleEbsOptions } from './oracle-ebs-options.js';
export { tcaMapping, type TcaMappingOptions, type TcaNameColumn, type TcaTaxIdColumn } from './mappings/tca-mapping.js';
export { seedEbsDatabase, ebsOrgId, type SeedEbsOptions } from './seed/seed-tca-database.js';
