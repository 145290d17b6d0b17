import { createHash, timingSafeEqual } from 'node:crypto';
import type { AccessPolicy } from './access-policy-schema.js';

/** The sha256 (hex) of an API key: what `users.NAME.apiKey.sha256` holds. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The user whose API key this is, or `undefined`. Compares hashes in constant time. */
export function authenticateApiKey(policy: AccessPolicy | undefined, key: string, env: NodeJS.ProcessEnv): string | undefined {
  if (key === '') return undefined;
  const presented = Buffer.from(hashApiKey(key), 'hex');
  let match: string | undefined;
  for (const [user, config] of Object.entries(policy?.users ?? {})) {
    const apiKey = config.apiKey;
    if (apiKey === undefined) continue;
    const expectedHex = 'sha256' in apiKey ? apiKey.sha256.toLowerCase() : env[apiKey.env] ? hashApiKey(env[apiKey.env] as string) : undefined;
    if (expectedHex === undefined) continue;
    // Every key is compared (no early exit), so timing does not tell which user matched.
    if (timingSafeEqual(presented, Buffer.from(expectedHex, 'hex')) && match === undefined) match = user;
  }
  return match;
}
