import { resolve } from 'node:path';
import type { AdapterContext } from '@custcode/core';
import type { LoadedConfig } from '../config/load-config.js';
import { resolveSecret } from '../config/resolve-secret.js';
import { assertNoSecretInUrl, resolveSourceUrl } from './resolve-url.js';

/**
 * How the CLI resolves a source's config for its adapter: secrets from `env` (each one kept in `secrets`,
 * so messages can be scrubbed of it), URLs and paths against the config file's directory, every error
 * naming the key as `sources.NAME.KEY`.
 */
export function cliAdapterContext(loaded: LoadedConfig, name: string, env: NodeJS.ProcessEnv, secrets: string[]): AdapterContext {
  const where = (key: string) => `sources.${name}.${key}`;
  return {
    name,
    secret(ref, key) {
      const value = resolveSecret(ref, env, where(key));
      if (value) secrets.push(value);
      return value;
    },
    connectionUrl: (url, key) => resolveSourceUrl(url, loaded.directory, where(key)),
    endpointUrl(url, key, secretKey) {
      assertNoSecretInUrl(url, where(key), secretKey);
      return url;
    },
    path: (file) => resolve(loaded.directory, file),
  };
}
