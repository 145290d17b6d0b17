import { secretRefSchema, type AdapterContext } from '@custcode/core';
import { z } from 'zod';
import type { SapODataSourceOptions } from './odata-options.js';

/** `"odata": { … }` of a `"erp": "sap"` config entry: secrets only as `{ "env": … }` references. */
export const odataConfigSchema = z
  .object({
    url: z.string().min(1),
    auth: z.union([
      z.object({ basic: z.object({ user: z.string().min(1), password: secretRefSchema }).strict() }).strict(),
      z.object({ oauth: z.object({ tokenUrl: z.string().min(1), clientId: z.string().min(1), clientSecret: secretRefSchema, scope: z.string().optional() }).strict() }).strict(),
    ]),
    client: z.string().optional(),
    language: z.string().optional(),
    timeZone: z.string().optional(),
    maxUrlLength: z.number().int().positive().optional(),
    timeoutMs: z.number().int().positive().optional(),
    retries: z.number().int().min(0).optional(),
  })
  .strict();

export type ODataConfig = z.infer<typeof odataConfigSchema>;

/** createSapSource's OData options for a config entry: URLs checked for embedded secrets, secrets read from the environment. */
export function odataOptionsOf(odata: ODataConfig, shared: Record<string, unknown>, context: AdapterContext): SapODataSourceOptions {
  const { auth, url, ...rest } = odata;
  const resolvedAuth =
    'basic' in auth
      ? { basic: { user: auth.basic.user, password: context.secret(auth.basic.password, 'odata.auth.basic.password') ?? '' } }
      : {
          oauth: {
            tokenUrl: context.endpointUrl(auth.oauth.tokenUrl, 'odata.auth.oauth.tokenUrl', 'odata.auth.oauth.clientSecret'),
            clientId: auth.oauth.clientId,
            clientSecret: context.secret(auth.oauth.clientSecret, 'odata.auth.oauth.clientSecret') ?? '',
            ...(auth.oauth.scope === undefined ? {} : { scope: auth.oauth.scope }),
          },
        };
  const secretKey = 'basic' in auth ? 'odata.auth.basic.password' : 'odata.auth.oauth.clientSecret';
  return { ...shared, ...rest, name: context.name, transport: 'odata', url: context.endpointUrl(url, 'odata.url', secretKey), auth: resolvedAuth } as SapODataSourceOptions;
}
