export { createSapSource } from './sap-source.js';
export { sapSourceOptionsSchema, type SapSourceOptions } from './sap-options.js';
export { sapODataSourceOptionsSchema, type SapODataSourceOptions } from './odata/odata-options.js';
export type { RfcClient } from './rfc/rfc-client.js';
export { checkSapAccess, type SapAccessReport, type SapAuthorizationCheck } from './sap-access-check.js';
export { sapDescriptor } from './sap-descriptor.js';
