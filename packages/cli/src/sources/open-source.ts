import { resolve } from 'node:path';
import type { CustomerSource } from '@custcode/core';
import type { SourceConfig } from '../config/config-schema.js';
import type { LoadedConfig } from '../config/load-config.js';
import { didYouMean } from '../config/nearest-key.js';
import { resolveSecret } from '../config/resolve-secret.js';
import { authorizeCliSource, guardCliSource, type SourceAccess } from '../commands/access-log/cli-access.js';
import { UsageError } from '../output/usage-error.js';
import { createFileSource } from './file-source.js';
import { loadExport } from './load-factory.js';
import { assertNoSecretInUrl, resolveSourceUrl } from './resolve-url.js';
import { sapOptionsOf } from './sap-options.js';

type Factory = (options: Record<string, unknown>) => CustomerSource | Promise<CustomerSource>;

/** An opened source and the secrets it was given, so that messages can be scrubbed of them. */
export interface OpenedSource {
  source: CustomerSource;
  secrets: string[];
}

/** The config of a source by name; an unknown name is a usage error listing the configured ones. */
export function sourceConfig(loaded: LoadedConfig, name: string): SourceConfig {
  const config = loaded.config.sources[name];
  if (!config) {
    const names = Object.keys(loaded.config.sources);
    throw new UsageError({
      message: `Unknown source "${name}".${didYouMean(name, names)}`,
      hint: `Configured sources in ${loaded.path}: ${names.join(', ') || '(none)'}.`,
    });
  }
  return config;
}

/**
 * Opens a configured source with the adapter its `erp` names, guarded by the config's roles (masking,
 * row filters, access log): `access` names the user and command (default: CUSTCODE_USER or the OS user,
 * `search`); a denial is a NotAuthorizedError (exit 4).
 */
export async function openSource(loaded: LoadedConfig, name: string, env: NodeJS.ProcessEnv, access: SourceAccess = {}): Promise<OpenedSource> {
  const config = sourceConfig(loaded, name);
  if (access !== 'unguarded') authorizeCliSource(env, loaded, name, access);
  const where = `sources.${name}`;
  const secrets: string[] = [];
  const secret = (value: Parameters<typeof resolveSecret>[0], key: string) => {
    const resolved = resolveSecret(value, env, `${where}.${key}`);
    if (resolved) secrets.push(resolved);
    return resolved;
  };
  const connection = (url: string) => resolveSourceUrl(url, loaded.directory, `${where}.url`);
  const defined = (options: Record<string, unknown>) => Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));

  const source = await (async (): Promise<CustomerSource> => {
    switch (config.erp) {
      case 'generic-sql': {
        const { erp: _erp, url, password, ...rest } = config;
        const options = defined({ ...rest, name, connection: connection(url), password: secret(password, 'password') });
        return (await loadExport<Factory>('@custcode/sql', 'createGenericSqlSource', 'generic-sql'))(options);
      }
      case 'yonyou-u8':
      case 'yonyou-nc': {
        const { erp, url, password, ...rest } = config;
        const options = defined({ ...rest, name, product: erp === 'yonyou-u8' ? 'u8' : 'nc', connection: connection(url), password: secret(password, 'password') });
        return (await loadExport<Factory>('@custcode/adapter-yonyou', 'createYonyouSource', erp))(options);
      }
      case 'kingdee-k3cloud':
      case 'kingdee-k3wise': {
        const { erp, url, password, ...rest } = config;
        if ('webApi' in rest && rest.webApi) assertNoSecretInUrl(rest.webApi.url, `${where}.webApi.url`, 'webApi.appSecret');
        const webApi = 'webApi' in rest && rest.webApi ? { ...rest.webApi, appSecret: secret(rest.webApi.appSecret, 'webApi.appSecret') } : undefined;
        const options = defined({
          ...rest,
          name,
          product: erp === 'kingdee-k3cloud' ? 'k3cloud' : 'k3wise',
          connection: url === undefined ? undefined : connection(url),
          password: secret(password, 'password'),
          webApi: webApi && defined(webApi),
        });
        return (await loadExport<Factory>('@custcode/adapter-kingdee', 'createKingdeeSource', erp))(options);
      }
      case 'oracle-ebs': {
        const { erp: _erp, url, password, ...rest } = config;
        const options = defined({ ...rest, name, connection: connection(url), password: secret(password, 'password') });
        return (await loadExport<Factory>('@custcode/adapter-oracle', 'createOracleEbsSource', 'oracle-ebs'))(options);
      }
      case 'sap': {
        const sap = await sapOptionsOf(name, config, loaded.directory, env);
        secrets.push(...sap.secrets);
        return (await loadExport<Factory>('@custcode/adapter-sap', 'createSapSource', 'sap'))(sap.options);
      }
      case 'file':
        return createFileSource({ name, ...config, path: resolve(loaded.directory, config.path) });
    }
  })();
  if (access === 'unguarded') return { source, secrets };
  try {
    return { source: guardCliSource(env, loaded, source, access), secrets };
  } catch (error) {
    await source.close().catch(() => undefined);
    throw error;
  }
}
