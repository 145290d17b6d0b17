import { parseOptions } from '@custcode/core/adapter';
import { z } from 'zod';

/** Basic (on-premise, a technical user) or OAuth 2.0 client credentials (S/4HANA Cloud, BTP communication arrangements). */
export const odataAuthSchema = z.union([
  z.object({ basic: z.object({ user: z.string().min(1), password: z.string().min(1) }).strict() }).strict(),
  z
    .object({
      oauth: z
        .object({
          /** The token endpoint, e.g. `https://<tenant>-api.s4hana.cloud.sap/sap/bc/sec/oauth2/token`. */
          tokenUrl: z.string().url(),
          clientId: z.string().min(1),
          clientSecret: z.string().min(1),
          scope: z.string().optional(),
        })
        .strict(),
    })
    .strict(),
]);

export const sapODataSourceOptionsSchema = z
  .object({
    name: z.string().min(1),
    transport: z.literal('odata'),
    /** The service root: `https://host:port/sap/opu/odata/sap/API_BUSINESS_PARTNER` (no trailing entity set). */
    url: z.string().url(),
    auth: odataAuthSchema,
    /** `sap-client` (three digits); omitted = the system's default client. */
    client: z.string().regex(/^\d{3}$/, 'expected a three-digit SAP client such as 100').optional(),
    /** `sap-language` for texts: ZH, EN, DE… (ISO), or the one-character SPRAS key. */
    language: z.string().min(1).max(2).optional(),
    orgScope: z.enum(['none', 'company-code', 'sales-area']).default('none'),
    /** Which A_Customer property is `category`: CustomerAccountGroup (KTOKD) or CustomerClassification (KUKLA). */
    categoryField: z.enum(['KTOKD', 'KUKLA']).default('KTOKD'),
    /**
     * The ERP's time zone (IANA, e.g. Asia/Shanghai): Edm.DateTimeOffset values (`/Date(ms+0000)/`) are shown in
     * it. Edm.DateTime values (dates, LastChangeDate) are the ERP's wall time already and are kept as they are.
     */
    timeZone: z.string().default('UTC'),
    /** `$top` of a request; the server may page smaller (its `__next` is followed). */
    pageSize: z.number().int().min(1).max(5_000).default(500),
    /** Longest request URL sent: batched lookups and OR-lists are split to stay under it (SAP Gateway and proxies reject long URLs). */
    maxUrlLength: z.number().int().min(512).max(32_000).default(4_096),
    /** Codes per lookup request at most (the URL limit may make batches smaller). */
    lookupBatch: z.number().int().min(1).max(500).default(50),
    timeoutMs: z.number().int().min(100).default(60_000),
    /** Retries of a 429/503 answer (waiting its Retry-After, else a doubling back-off from `retryDelayMs`). */
    retries: z.number().int().min(0).max(10).default(4),
    retryDelayMs: z.number().int().min(0).default(500),
    /** The fetch to use (tests, proxies); default the global fetch of Node 20. */
    fetch: z.custom<typeof fetch>((value) => typeof value === 'function', 'expected a fetch function').optional(),
  })
  .strict();

export type SapODataSourceOptions = z.input<typeof sapODataSourceOptionsSchema>;
export type ResolvedSapODataOptions = z.output<typeof sapODataSourceOptionsSchema>;

/** Validates OData options as createSapSource does; a mistake is a ConfigError naming the key. */
export function parseSapODataOptions(options: SapODataSourceOptions): ResolvedSapODataOptions {
  return parseOptions(sapODataSourceOptionsSchema, options, {
    what: 'SAP OData source options',
    hint: "createSapSource({ name, transport: 'odata', url: 'https://host/sap/opu/odata/sap/API_BUSINESS_PARTNER', auth: { basic: { user, password } } }); see the adapter README.",
  });
}

/** createSapSource's switch: options with `transport: 'odata'` are for this transport. */
export const isODataOptions = (options: object): options is SapODataSourceOptions => (options as { transport?: unknown }).transport === 'odata';
