import { createCustomerSource, type CustomerSource } from '@custcode/core';
import { createRfcTransport } from './rfc/rfc-transport.js';
import { createSapReader } from './sap-reader.js';
import { parseSapSourceOptions, type SapSourceOptions } from './sap-options.js';

/**
 * A read-only customer source over SAP KNA1 (+ KNB1 company codes or KNVV sales areas), read through
 * RFC_READ_TABLE or a module with its interface. Pass `client` (anything with node-rfc's `call`) or
 * `connectionParameters` (node-rfc, an optional peer, is then loaded on first use).
 */
export function createSapSource(options: SapSourceOptions): CustomerSource {
  const parsed = parseSapSourceOptions(options);
  return createCustomerSource(createSapReader(parsed, createRfcTransport(parsed)));
}
