import { ConfigError, createCustomerSource, type CustomerSource } from '@custcode/core';
import { createRfcTransport } from './rfc/rfc-transport.js';
import { createSapDriver } from './sap-driver.js';
import { sapSourceOptionsSchema, type SapSourceOptions } from './sap-options.js';

/**
 * A read-only customer source over SAP KNA1 (+ KNB1 company codes or KNVV sales areas), read through
 * RFC_READ_TABLE or a module with its interface. Pass `client` (anything with node-rfc's `call`) or
 * `connectionParameters` (node-rfc, an optional peer, is then loaded on first use).
 */
export function createSapSource(options: SapSourceOptions): CustomerSource {
  const parsed = sapSourceOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.') || 'options';
    throw new ConfigError({
      message: `Invalid SAP source options at "${key}": ${issue.message}.`,
      hint: 'createSapSource({ name, client }) or createSapSource({ name, connectionParameters: { ashost, sysnr, client, user, passwd } }); see the adapter README for the other options.',
    });
  }
  const transport = createRfcTransport(parsed.data);
  return createCustomerSource(createSapDriver(parsed.data, transport));
}
