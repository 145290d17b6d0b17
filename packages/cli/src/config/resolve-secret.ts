import { ConfigError } from '@custcode/core';
import type { SecretRef } from './config-schema.js';

/** Reads a `{ "env": "NAME" }` secret; a missing variable is a ConfigError that says which one. */
export function resolveSecret(secret: SecretRef | undefined, env: NodeJS.ProcessEnv, where: string): string | undefined {
  if (secret === undefined) return undefined;
  const value = env[secret.env];
  if (value === undefined || value === '') {
    throw new ConfigError({
      message: `${where}: environment variable ${secret.env} is not set.`,
      hint: `Set it before running custcode (export ${secret.env}=…), or remove the password from the config if the server needs none.`,
    });
  }
  return value;
}
