import { createCustomerSource, type CustomerSource } from '@custcode/core';
import type { ParsedKingdeeOptions } from '../kingdee-options.js';
import { createK3CloudClient } from './k3cloud-webapi-client.js';
import { createK3CloudWebApiReader } from './k3cloud-webapi-reader.js';

/** K/3 Cloud customers read through ExecuteBillQuery (options already validated). */
export function createK3CloudWebApiSource(options: ParsedKingdeeOptions & { webApi: NonNullable<ParsedKingdeeOptions['webApi']> }): CustomerSource {
  const { webApi } = options;
  const client = createK3CloudClient({
    url: webApi.url,
    timeoutMs: webApi.timeoutMs,
    ...(webApi.fetch ? { fetch: webApi.fetch } : {}),
    credentials: {
      acctId: webApi.acctId,
      username: webApi.username,
      lcid: options.locale,
      ...(options.password === undefined ? {} : { password: options.password }),
      ...(webApi.appId === undefined ? {} : { appId: webApi.appId }),
      ...(webApi.appSecret === undefined ? {} : { appSecret: webApi.appSecret }),
    },
  });
  return createCustomerSource(
    createK3CloudWebApiReader({
      name: options.name,
      client,
      pageRows: webApi.pageRows,
      lookupBatch: webApi.lookupBatch,
      lcid: options.locale,
      url: webApi.url,
    }),
  );
}
