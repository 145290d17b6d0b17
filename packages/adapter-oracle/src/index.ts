export { createOracleEbsSource } from './oracle-ebs-source.js';
export { oracleEbsOptionsSchema, type OracleEbsOptions } from './oracle-ebs-options.js';
export { tcaMapping, type TcaMappingOptions, type TcaNameColumn, type TcaTaxIdColumn } from './mappings/tca-mapping.js';
export { oracleEbsDescriptor } from './oracle-ebs-descriptor.js';
/** @deprecated The seeder lives at `@custcode/adapter-oracle/testing`; this root re-export stays for existing imports. */
export { seedEbsDatabase, ebsOrgId, type SeedEbsOptions } from './testing.js';
