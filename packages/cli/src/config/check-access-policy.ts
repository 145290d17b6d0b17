import { ConfigError } from '@custcode/core';
import type { CustcodeConfig } from './config-schema.js';
import { didYouMean } from './nearest-key.js';

/** Cross-checks `users` against `roles` and role grants against `sources`, naming the key to fix. */
export function checkAccessPolicy(config: CustcodeConfig, path: string): void {
  const roles = Object.keys(config.roles ?? {});
  const sources = Object.keys(config.sources);
  for (const [user, settings] of Object.entries(config.users ?? {})) {
    if (config.roles !== undefined && !roles.includes(settings.role)) {
      throw new ConfigError({ message: `${path}: users.${user}.role: no role named "${settings.role}".${didYouMean(settings.role, roles)}`, hint: `Roles: ${roles.join(', ') || '(none)'}.` });
    }
  }
  for (const [role, settings] of Object.entries(config.roles ?? {})) {
    for (const source of Object.keys(settings.sources)) {
      if (source !== '*' && !sources.includes(source)) {
        throw new ConfigError({ message: `${path}: roles.${role}.sources.${source}: no source named "${source}".${didYouMean(source, sources)}`, hint: `Configured sources: ${sources.join(', ') || '(none)'}, or "*" for all.` });
      }
    }
  }
}
