import { parseOptions } from '@custcode/core/adapter';
import { sqlSourceOptionsShape } from '@custcode/sql';
import { z } from 'zod';
import { MAX_PAGE_ROWS } from './webapi/webapi-services.js';

/** How to reach K/3 Cloud's WebAPI instead of its database. */
export const kingdeeWebApiOptionsSchema = z
  .object({
    /** Site root, e.g. `http://erp.example.com/k3cloud/`. */
    url: z.url({ protocol: /^https?$/ }),
    /** 数据中心 id (acctID). */
    acctId: z.string().min(1),
    username: z.string().min(1),
    /** For LoginByAppSecret instead of ValidateUser (the password then stays unused). */
    appId: z.string().min(1).optional(),
    appSecret: z.string().min(1).optional(),
    /** Rows per ExecuteBillQuery call; K/3 Cloud serves at most 2000. */
    pageRows: z.number().int().min(1).max(MAX_PAGE_ROWS).default(MAX_PAGE_ROWS),
    /** Codes per lookup call. */
    lookupBatch: z.number().int().min(1).max(500).default(200),
    timeoutMs: z.number().int().positive().default(30_000),
    /** Injected fetch (tests, proxies); global fetch otherwise. */
    fetch: z.custom<typeof fetch>((value) => typeof value === 'function').optional(),
  })
  .strict()
  .refine((options) => (options.appId === undefined) === (options.appSecret === undefined), {
    message: 'appId and appSecret go together (LoginByAppSecret)',
  });

export const kingdeeOptionsSchema = z
  .object({
    name: z.string().min(1),
    product: z.enum(['k3cloud', 'k3wise']),
    ...sqlSourceOptionsShape,
    /** A database connection as `@custcode/sql` accepts it: a URL (`mssql://sa@host/AIS2024`) or `{ dialect?, client }` (SQL Server by default). */
    connection: sqlSourceOptionsShape.connection.optional(),
    webApi: kingdeeWebApiOptionsSchema.optional(),
    /** K/3 Cloud language of names (FLOCALEID / lcid): 2052 zh-CN (default), 1033 en-US, 3076 zh-TW. */
    locale: z.number().int().positive().default(2052),
  })
  .strict()
  .superRefine((options, context) => {
    const issue = (message: string) => context.addIssue({ code: 'custom', message });
    if ((options.connection === undefined) === (options.webApi === undefined)) issue('give exactly one of "connection" and "webApi"');
    if (options.webApi && options.product !== 'k3cloud') issue('"webApi" exists for K/3 Cloud only; K/3 WISE is read from its database');
    if (options.product === 'k3wise' && options.locale !== 2052) issue('"locale" applies to K/3 Cloud only; K/3 WISE keeps one name per customer');
    if (options.webApi && options.webApi.appSecret === undefined && options.password === undefined) {
      issue('the WebAPI needs "password" (ValidateUser) or webApi.appId + webApi.appSecret (LoginByAppSecret)');
    }
  });

export type KingdeeOptions = z.input<typeof kingdeeOptionsSchema>;
export type KingdeeWebApiOptions = z.input<typeof kingdeeWebApiOptionsSchema>;
export type ParsedKingdeeOptions = z.output<typeof kingdeeOptionsSchema>;

/** Validates options; the message names the key and never echoes a value (it may be a secret). */
export function parseKingdeeOptions(options: unknown): ParsedKingdeeOptions {
  return parseOptions(kingdeeOptionsSchema, options, {
    what: 'Kingdee source options',
    hint: "Pass { name, product: 'k3cloud' | 'k3wise', connection } or, for K/3 Cloud, { name, product: 'k3cloud', webApi: { url, acctId, username }, password }.",
  });
}
