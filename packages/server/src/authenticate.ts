import { authenticateApiKey, policyEnabled } from '@custcode/access';
import type { MiddlewareHandler } from 'hono';
import { NotAuthenticatedError } from './http-error.js';
import type { ServerEnv } from './server-context.js';
import type { ServerOptions } from './server-options.js';

/** Without `roles` in the config the API is open (bind it to 127.0.0.1); the user is then `anonymous`. */
export const ANONYMOUS_USER = 'anonymous';

/** `Authorization: Bearer KEY` → the key's user; a missing or unknown key is a 401 when roles are configured. */
export function authenticate(options: ServerOptions): MiddlewareHandler<ServerEnv> {
  return async (context, next) => {
    if (!policyEnabled(options.policy)) {
      context.set('user', ANONYMOUS_USER);
      return next();
    }
    const header = context.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const user = match?.[1] === undefined ? undefined : authenticateApiKey(options.policy, match[1], options.env ?? process.env);
    if (user === undefined) {
      throw new NotAuthenticatedError({
        message: match ? 'The API key is not valid.' : 'An API key is required.',
        hint: 'Send "Authorization: Bearer KEY" with a key configured under users.NAME.apiKey.',
      });
    }
    context.set('user', user);
    return next();
  };
}
