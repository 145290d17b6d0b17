import type { CustomerSource } from '@custcode/core';
import type { SourceConfig } from '../config/config-schema.js';
import { adapterOf, type LoadedConfig } from '../config/load-config.js';
import { didYouMean } from '../config/nearest-key.js';
import { authorizeCliSource, guardCliSource, type SourceAccess } from '../commands/access-log/cli-access.js';
import { UsageError } from '../output/usage-error.js';
import { cliAdapterContext } from './adapter-context.js';

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
 * Opens a configured source with its product's descriptor (the adapter registry), guarded by the config's roles (masking,
 * row filters, access log): `access` names the user and command (default: CUSTCODE_USER or the OS user,
 * `search`); a denial is a NotAuthorizedError (exit 4).
 */
/**
 * Opens a configured source with the descriptor of the product its `erp` names (the adapter registry), guarded by the config's roles (masking,
 * row filters, access log): `access` names the user and command (default: CUSTCODE_USER or the OS user,
 * `search`); a denial is a NotAuthorizedError (exit 4).
 */
export async function openSource(loaded: LoadedConfig, name: string, env: NodeJS.ProcessEnv, access: SourceAccess = {}): Promise<OpenedSource> {
  const config = sourceConfig(loaded, name);
  if (access !== 'unguarded') authorizeCliSource(env, loaded, name, access);
  const secrets: string[] = [];
  const source: CustomerSource = await adapterOf(loaded, config).create(config, cliAdapterContext(loaded, name, env, secrets));
  if (access === 'unguarded') return { source, secrets };
  try {
    return { source: guardCliSource(env, loaded, source, access), secrets };
  } catch (error) {
    await source.close().catch(() => undefined);
    throw error;
  }
}
