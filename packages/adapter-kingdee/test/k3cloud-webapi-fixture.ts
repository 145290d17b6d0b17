import type { Customer } from '@custcode/core';
import { createKingdeeSource, type KingdeeWebApiOptions } from '../src/index.js';
import { startK3CloudWebApiEmulator, type EmulatorUser, type K3CloudWebApiEmulator } from '../src/webapi/emulator/k3cloud-webapi-emulator.js';
import type { K3CloudSeedData } from '../src/seed/k3cloud-tables.js';
import { k3CloudCanonicalTables } from './seed-k3cloud.js';

export const WEBAPI_USER = { acctId: '6543210abcdef', username: 'custcode', password: 'Kd-Api-pw1' } as const;

export interface WebApiFixture {
  emulator: K3CloudWebApiEmulator;
  expected: Customer[];
  /** A source on the emulator; `webApi` overrides the defaults (user, 50-row pages). */
  source(options?: { password?: string; locale?: number; webApi?: Partial<KingdeeWebApiOptions> }): ReturnType<typeof createKingdeeSource>;
}

/** The canonical data set behind a local ExecuteBillQuery emulator that serves at most `maxLimit` rows per call. */
export async function startWebApiFixture(options: { maxLimit?: number; users?: EmulatorUser[]; data?: K3CloudSeedData } = {}): Promise<WebApiFixture> {
  const data = options.data ?? k3CloudCanonicalTables({ source: 'k3api' });
  const emulator = await startK3CloudWebApiEmulator({
    tables: data.tables,
    users: options.users ?? [WEBAPI_USER],
    maxLimit: options.maxLimit ?? 50,
  });
  return {
    emulator,
    expected: data.expected,
    source: (overrides = {}) =>
      createKingdeeSource({
        name: 'k3api',
        product: 'k3cloud',
        password: overrides.password ?? WEBAPI_USER.password,
        ...(overrides.locale === undefined ? {} : { locale: overrides.locale }),
        webApi: { url: emulator.url, acctId: WEBAPI_USER.acctId, username: WEBAPI_USER.username, pageRows: options.maxLimit ?? 50, ...overrides.webApi },
      }),
  };
}
