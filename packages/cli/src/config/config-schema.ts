import { accessLogConfigSchema, CUSTOMER_STATUSES, customerQuerySchema, roleSchema, userSchema } from '@custcode/core';
import { z } from 'zod';

/** A secret is never written in the config: it names an environment variable. */
export const secretSchema = z.object({ env: z.string().min(1) }).strict();
export type SecretRef = z.infer<typeof secretSchema>;

const url = z.string().min(1);
const columns = z.record(z.string(), z.string().min(1));
const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_$#]*$/, 'expected a plain table/column/schema name (letters, digits, _)');

/** Tuning every SQL-backed adapter accepts. */
const sqlTuning = {
  pageSize: z.number().int().positive().optional(),
  queryTimeoutMs: z.number().int().positive().optional(),
  connectTimeoutMs: z.number().int().positive().optional(),
};

const genericSql = z
  .object({
    erp: z.literal('generic-sql'),
    url,
    password: secretSchema.optional(),
    /** The customer table, optionally schema-qualified (`dbo.Customer`). */
    table: z.string().min(1),
    /** Customer field → column (`code` and `name` required; `mnemonic` for a pinyin-initials column). */
    columns,
    /** A status column and the values meaning blocked / deleted (anything else is active). */
    status: z
      .object({ column: z.string().min(1), blocked: z.array(z.union([z.string(), z.number()])).optional(), deleted: z.array(z.union([z.string(), z.number()])).optional() })
      .strict()
      .optional(),
    /** Columns exposed under `raw` (default: every configured column). */
    raw: z.array(z.string().min(1)).optional(),
    ...sqlTuning,
  })
  .strict();

const sqlErp = <Erp extends string>(erp: Erp) =>
  z.object({ erp: z.literal(erp), url, password: secretSchema.optional(), schema: identifier.optional(), validateSchema: z.boolean().optional(), ...sqlTuning });

const yonyouU8 = sqlErp('yonyou-u8').strict();
const ncColumns = z
  .object({ shortName: identifier.optional(), taxId: identifier.optional(), phone: identifier.optional(), createdAt: identifier.optional(), updatedAt: identifier.optional(), mnemonic: identifier.optional() })
  .strict();
const yonyouNc = sqlErp('yonyou-nc').extend({ columns: z.union([z.literal('likely'), ncColumns]).optional() }).strict();

const webApi = z
  .object({
    url: z.string().min(1),
    acctId: z.string().min(1),
    username: z.string().min(1),
    appId: z.string().min(1).optional(),
    appSecret: secretSchema.optional(),
    pageRows: z.number().int().positive().optional(),
    lookupBatch: z.number().int().positive().optional(),
    timeoutMs: z.number().int().positive().optional(),
  })
  .strict();
const kingdeeBase = (erp: 'kingdee-k3cloud' | 'kingdee-k3wise') =>
  z.object({ erp: z.literal(erp), url: url.optional(), password: secretSchema.optional(), validateSchema: z.boolean().optional(), ...sqlTuning });
/** K/3 Cloud is read from its database (`url`) or its WebAPI (`webApi`); `locale` picks the name language (2052 zh-CN). */
const kingdeeK3Cloud = kingdeeBase('kingdee-k3cloud').extend({ webApi: webApi.optional(), locale: z.number().int().positive().optional() }).strict();
const kingdeeK3Wise = kingdeeBase('kingdee-k3wise').strict();
const oracleEbs = sqlErp('oracle-ebs').extend({ org: z.string().optional() }).strict();

const rfc = z
  .object({
    ashost: z.string().optional(),
    sysnr: z.string().optional(),
    client: z.string(),
    user: z.string(),
    passwd: secretSchema,
    lang: z.string().optional(),
    mshost: z.string().optional(),
    msserv: z.string().optional(),
    group: z.string().optional(),
    r3name: z.string().optional(),
    sysid: z.string().optional(),
    saprouter: z.string().optional(),
  })
  .strict();

const sap = z
  .object({
    erp: z.literal('sap'),
    /** Emulator data file (written by the demo); relative to the config file. */
    emulator: z.string().min(1).optional(),
    /** node-rfc connection parameters; `passwd` from the environment. */
    rfc: rfc.optional(),
    functionModule: z.string().optional(),
    orgScope: z.enum(['none', 'company-code', 'sales-area']).optional(),
    categoryField: z.enum(['KTOKD', 'KUKLA']).optional(),
    texts: z.boolean().optional(),
    language: z.string().length(1).optional(),
    extraFields: z.array(z.string()).optional(),
    pageSize: z.number().int().positive().optional(),
    keyWindow: z.number().int().positive().optional(),
    lookupBatch: z.number().int().positive().optional(),
    rowWidth: z.number().int().positive().optional(),
  })
  .strict();

const file = z
  .object({
    erp: z.literal('file'),
    path: z.string().min(1),
    columns,
    encoding: z.enum(['utf8', 'gbk', 'gb18030']).optional(),
    sheet: z.string().optional(),
    /** Extra words of the file's status column: `{ "冻结": "blocked" }`. */
    statusValues: z.record(z.string(), z.enum(CUSTOMER_STATUSES)).optional(),
  })
  .strict();

export const sourceConfigSchema = z
  .discriminatedUnion('erp', [genericSql, yonyouU8, yonyouNc, kingdeeK3Cloud, kingdeeK3Wise, oracleEbs, sap, file])
  .superRefine((source, context) => {
    if (source.erp === 'sap' && (source.emulator === undefined) === (source.rfc === undefined)) {
      context.addIssue({ code: 'custom', message: 'a sap source needs exactly one of "emulator" (a data file) or "rfc" (connection parameters)' });
    }
    if (source.erp === 'kingdee-k3cloud' && (source.url === undefined) === (('webApi' in source ? source.webApi : undefined) === undefined)) {
      context.addIssue({ code: 'custom', message: 'a kingdee-k3cloud source needs exactly one of "url" (its database) or "webApi"' });
    }
    if (source.erp === 'kingdee-k3wise' && source.url === undefined) {
      context.addIssue({ code: 'custom', path: ['url'], message: 'a kingdee-k3wise source needs "url"' });
    }
  });
export type SourceConfig = z.infer<typeof sourceConfigSchema>;

/** Keys each erp accepts, for "did you mean" suggestions. */
export const SOURCE_KEYS: Record<SourceConfig['erp'], readonly string[]> = {
  'generic-sql': Object.keys(genericSql.shape),
  'yonyou-u8': Object.keys(yonyouU8.shape),
  'yonyou-nc': Object.keys(yonyouNc.shape),
  'kingdee-k3cloud': Object.keys(kingdeeK3Cloud.shape),
  'kingdee-k3wise': Object.keys(kingdeeK3Wise.shape),
  'oracle-ebs': Object.keys(oracleEbs.shape),
  sap: Object.keys(sap.shape),
  file: Object.keys(file.shape),
};
export const RFC_KEYS: readonly string[] = Object.keys(rfc.shape);
export const WEBAPI_KEYS: readonly string[] = Object.keys(webApi.shape);

const { limit: _limit, after: _after, ...filterShape } = customerQuerySchema.shape;
export const viewSchema = z
  .object({ source: z.string().min(1), ...filterShape, limit: z.number().int().positive().optional(), fields: z.union([z.string(), z.array(z.string())]).optional() })
  .strict();
export type ViewConfig = z.infer<typeof viewSchema>;
export const VIEW_KEYS: readonly string[] = Object.keys(viewSchema.shape);

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    sources: z.record(z.string(), sourceConfigSchema),
    /** Code rules by name; their form is the rule engine's business. */
    rules: z.record(z.string(), z.unknown()).optional(),
    views: z.record(z.string(), viewSchema).optional(),
    /** Access control (see packages/core/src/access): without `roles` everything is allowed. */
    roles: z.record(z.string(), roleSchema).optional(),
    /** User or API client name → role (and API key as a sha256 hash or an env reference). */
    users: z.record(z.string(), userSchema).optional(),
    /** JSON Lines access log; relative to the config file. Default custcode-access.jsonl when `roles` is set. */
    accessLog: accessLogConfigSchema.optional(),
    /** `custcode changes --notify`: the secret that signs webhook bodies (X-Custcode-Signature). */
    notify: z.object({ secret: secretSchema.optional() }).strict().optional(),
  })
  .strict();
export type CustcodeConfig = z.infer<typeof configSchema>;
export const CONFIG_KEYS: readonly string[] = Object.keys(configSchema.shape);
