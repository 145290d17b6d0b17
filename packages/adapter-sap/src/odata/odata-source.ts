import { createCustomerSource, type CustomerSource } from '@custcode/core';
import { createODataHttpClient } from './odata-http.js';
import { parseSapODataOptions, type SapODataSourceOptions } from './odata-options.js';
import { createSapODataReader } from './odata-reader.js';

/** SAP S/4HANA customers over the OData V2 service API_BUSINESS_PARTNER (read-only, plain fetch). */
export function createSapODataSource(options: SapODataSourceOptions): CustomerSource {
  const parsed = parseSapODataOptions(options);
  return createCustomerSource(createSapODataReader(parsed, createODataHttpClient(parsed)));
}
