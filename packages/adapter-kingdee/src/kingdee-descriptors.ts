import { type AdapterDescriptor, secretRefSchema } from '@custcode/core';
import { redactUrl } from '@custcode/core/adapter';
import { describeSqlTarget, sqlConfigShape, sqlOptionsOf, sqlTesting } from '@custcode/sql';
import { z } from 'zod';
import { createKingdeeSource } from './kingdee-source.js';

/** The WebAPI as a config file gives it: the app secret from the environment. */
const webApiConfigSchema = z
  .object({
    url: z.string().min(1),
    acctId: z.string().min(1),
    username: z.string().min(1),
    appId: z.string().min(1).optional(),
    appSecret: secretRefSchema.optional(),
    pageRows: z.number().int().positive().optional(),
    lookupBatch: z.number().int().positive().optional(),
    timeoutMs: z.number().int().positive().optional(),
  })
  .strict();

const configShape = { ...sqlConfigShape, url: sqlConfigShape.url.optional(), validateSchema: z.boolean().optional() };

/** K/3 Cloud is read from its database (`url`) or its WebAPI (`webApi`); `locale` picks the name language (2052 zh-CN). */
const k3cloudConfigSchema = z
  .object({ erp: z.literal('kingdee-k3cloud'), ...configShape, webApi: webApiConfigSchema.optional(), locale: z.number().int().positive().optional() })
  .strict()
  .refine((config) => (config.url === undefined) !== (config.webApi === undefined), 'a kingdee-k3cloud source needs exactly one of "url" (its database) or "webApi"');

const k3wiseConfigSchema = z
  .object({ erp: z.literal('kingdee-k3wise'), ...configShape })
  .strict()
  .refine((config) => config.url !== undefined, { path: ['url'], message: 'a kingdee-k3wise source needs "url"' });

const defined = (options: Record<string, unknown>) => Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
const loadTesting = () => import('./testing.js');

/** Kingdee K/3 Cloud (`"erp": "kingdee-k3cloud"`): `T_BD_CUSTOMER` + `_L` over SQL (SQL Server by default), or the WebAPI. */
export const kingdeeK3CloudDescriptor: AdapterDescriptor<z.infer<typeof k3cloudConfigSchema>> = {
  erp: 'kingdee-k3cloud',
  label: 'Kingdee K/3 Cloud (T_BD_CUSTOMER)',
  optionsSchema: k3cloudConfigSchema,
  defaultDialect: 'mssql',
  create: (config, context) => {
    const { webApi, ...rest } = config;
    // The WebAPI URL is refused before any secret is read: a secret inside it is the first thing to fix.
    const url = webApi === undefined ? undefined : context.endpointUrl(webApi.url, 'webApi.url', 'webApi.appSecret');
    const api = webApi === undefined ? undefined : defined({ ...webApi, url, appSecret: context.secret(webApi.appSecret, 'webApi.appSecret') });
    return createKingdeeSource(defined({ ...sqlOptionsOf(rest, context), product: 'k3cloud', webApi: api }) as Parameters<typeof createKingdeeSource>[0]);
  },
  describe: (config) => (config.webApi === undefined ? describeSqlTarget(config) : { target: `webapi ${redactUrl(config.webApi.url)}` }),
  testing: sqlTesting('kingdee-k3cloud', { source: 'k3', file: 'k3cloud.sqlite' }, async () => ({ seed: (await loadTesting()).seedK3CloudDatabase })),
};

/** Kingdee K/3 WISE (`"erp": "kingdee-k3wise"`): `t_Item` ⋈ `t_Organization`, SQL Server by default. */
export const kingdeeK3WiseDescriptor: AdapterDescriptor<z.infer<typeof k3wiseConfigSchema>> = {
  erp: 'kingdee-k3wise',
  label: 'Kingdee K/3 WISE (t_Organization)',
  optionsSchema: k3wiseConfigSchema,
  defaultDialect: 'mssql',
  create: (config, context) => createKingdeeSource({ ...sqlOptionsOf(config, context), product: 'k3wise' } as Parameters<typeof createKingdeeSource>[0]),
  describe: describeSqlTarget,
  testing: sqlTesting('kingdee-k3wise', { source: 'k3wise', file: 'k3wise.sqlite' }, async () => ({ seed: (await loadTesting()).seedK3WiseDatabase })),
};
