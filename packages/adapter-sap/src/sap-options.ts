import { parseOptions } from '@custcode/core/adapter';
import { z } from 'zod';
import type { RfcClient } from './rfc/rfc-client.js';

const ddicName = z.string().regex(/^[A-Z][A-Z0-9_/]{0,29}$/, 'expected a DDIC field name in capitals, e.g. NAME3');

export const sapSourceOptionsSchema = z
  .object({
    /** Source name (`Customer.source`). */
    name: z.string().min(1),
    /** Any object with node-rfc's `call(functionModule, parameters)`: an open Client, a pool-acquired client, the emulator. */
    client: z.custom<RfcClient>((value) => typeof (value as RfcClient | undefined)?.call === 'function', 'expected an object with call(functionModule, parameters)').optional(),
    /** node-rfc connection parameters (ashost, sysnr, client, user, passwd, lang, ...); a client is opened lazily. */
    connectionParameters: z.record(z.string(), z.string()).optional(),
    /** RFC_READ_TABLE, BBP_RFC_READ_TABLE, /BODS/RFC_READ_TABLE2 or a Z copy with the same interface. */
    functionModule: z.string().regex(/^[A-Z0-9_/]{1,30}$/, 'expected a function module name such as RFC_READ_TABLE').default('RFC_READ_TABLE'),
    /** No org scope, company codes (KNB1.BUKRS) or sales areas (KNVV VKORG/VTWEG/SPART). */
    orgScope: z.enum(['none', 'company-code', 'sales-area']).default('none'),
    /** Which KNA1 field is `category`: account group KTOKD or classification KUKLA. */
    categoryField: z.enum(['KTOKD', 'KUKLA']).default('KTOKD'),
    /** Read category and region names from the text tables (T077X or TKUKT, T005U); false = report the codes. */
    texts: z.boolean().default(true),
    /** Language key (SPRAS, one character) of those texts: '1' Chinese, 'E' English, 'D' German... */
    language: z.string().length(1).default('1'),
    /** `updatedSince` from the change documents (CDHDR/CDPOS, object class DEBI) and ERDAT; false = ERDAT only (no S_TABU_NAM for CDHDR/CDPOS). */
    changeDocuments: z.boolean().default(true),
    /** Further KNA1 fields to read into `raw` (the read is split across calls when wider than one line). */
    extraFields: z.array(ddicName).default([]),
    /** Customers per page of a stream (ROWCOUNT of the data calls is never needed: pages are exact key ranges). */
    pageSize: z.number().int().min(1).max(100_000).default(500),
    /** ROWCOUNT of the key-only calls that find complete key ranges (see README: paging). */
    keyWindow: z.number().int().min(2).max(1_000_000).default(10_000),
    /** Codes per lookup call (`KUNNR IN (...)` over several 72-character OPTIONS lines). */
    lookupBatch: z.number().int().min(1).max(500).default(100),
    /** Characters in the function module's output line: 512 for RFC_READ_TABLE (TAB512). */
    rowWidth: z.number().int().min(32).default(512),
  })
  .strict()
  .refine((options) => (options.client === undefined) !== (options.connectionParameters === undefined), {
    message: 'pass exactly one of client or connectionParameters',
  });

export type SapSourceOptions = z.input<typeof sapSourceOptionsSchema>;
export type ResolvedSapSourceOptions = z.output<typeof sapSourceOptionsSchema>;

/** Validates options as createSapSource does; a mistake is a ConfigError naming the key. */
export function parseSapSourceOptions(options: SapSourceOptions): ResolvedSapSourceOptions {
  return parseOptions(sapSourceOptionsSchema, options, {
    what: 'SAP source options',
    // The client/connectionParameters rule covers the whole object.
    rootKey: 'options',
    hint: 'createSapSource({ name, client }) or createSapSource({ name, connectionParameters: { ashost, sysnr, client, user, passwd } }); see the adapter README for the other options.',
  });
}
