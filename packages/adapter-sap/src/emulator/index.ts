export { createRfcEmulator, type RfcEmulator, type RfcEmulatorOptions, type RfcCallRecord } from './rfc-emulator.js';
export { SAP_DICTIONARY, type DdicField, type DdicTable, type SapRow, type SapTables } from './ddic.js';
export {
  seedSapTables,
  SAP_COMPANY_CODES,
  SAP_SALES_AREAS,
  type SapOrgScope,
  type SeedSapTablesOptions,
  type SeededSapTables,
  sapCustomerNumber,
} from './seed-sap-tables.js';
export { writeEmulatorData, readEmulatorData, readEmulatorSystem, type EmulatorSystem } from './emulator-data.js';
export type { SapUserAuthorizations } from './user-authorizations.js';
export { addChangeDocuments, type SeedChange } from './seed-change-documents.js';
export { startODataEmulator, ODATA_SERVICE_PATH, type ODataEmulator, type ODataEmulatorOptions, type ODataRequestRecord } from './odata-emulator.js';
export { odataEntitySetsOf, type ODataEntitySets } from './odata-entity-sets.js';
export { seedODataService, type SeededODataService } from './odata-seed.js';
