import { createCustomerSource, type CustomerSource } from '@custcode/core';
import { isODataOptions, type SapODataSourceOptions } from './odata/odata-options.js';
import { createSapODataSource } from './odata/odata-source.js';
import { createRfcTransport } from './rfc/rfc-transport.js';
import { createSapReader } from './sap-reader.js';
import { parseSapSourceOptions, type SapSourceOptions } from './sap-options.js';

/**
 * A read-only customer source over SAP KNA1 (+ KNB1 company codes or KNVV sales areas), read through
 * RFC_READ_TABLE or a module with its interface. Pass `client` (anything with node-rfc's `call`) or
 * `connectionParameters` (node-rfc, an optional peer, is then loaded on first use). With `transport: 'odata'`,
 * S/4HANA's OData V2 service API_BUSINESS_PARTNER instead (`url`, `auth`).
 */
export function createSapSource(options: SapSourceOptions | SapODataSourceOptions): CustomerSource {
  if (isODataOptions(options)) return createSapODataSource(options);
  const parsed = parseSapSourceOptions(options);
  return createCustomerSource(createSapReader(parsed, createRfcTransport(parsed)));
}
