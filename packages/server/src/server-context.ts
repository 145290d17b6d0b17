import { type AccessCommand, authorize, decideAccess, type GuardedSource, type GuardOptions, guardSource } from '@custcode/core';
import type { Context } from 'hono';
import type { ServerOptions } from './server-options.js';
import type { SourcePool } from './source-pool.js';

/** Hono environment of every route: the authenticated user name. */
export type ServerEnv = { Variables: { user: string } };
export type ServerRequestContext = Context<ServerEnv>;

/** What routes share: the options, the source pool and the policy check. */
export interface ServerContext {
  options: ServerOptions;
  pool: SourcePool;
  /** The source as the request's user may see it (NotAuthorizedError → 403, logged). */
  guarded(context: ServerRequestContext, name: string, command: AccessCommand): Promise<GuardedSource>;
  /** Sources the user may use at all, with the commands granted on each. */
  visibleSources(user: string): { name: string; erp: string; commands: AccessCommand[] }[];
}

const ALL_COMMANDS: AccessCommand[] = ['get', 'search', 'export', 'audit', 'migrate'];

export function createServerContext(options: ServerOptions, pool: SourcePool): ServerContext {
  return {
    options,
    pool,
    async guarded(context, name, command) {
      const guard: GuardOptions = {
        policy: options.policy,
        user: context.get('user'),
        command,
        ...(options.accessLog ? { accessLog: options.accessLog } : {}),
        via: 'api',
      };
      // Unknown names are 404 for everyone; a denied user is refused before the ERP is connected to.
      if (!pool.has(name)) await pool.get(name);
      authorize({ ...guard, source: name });
      return guardSource(await pool.get(name), guard);
    },
    visibleSources(user) {
      return pool
        .names()
        .map((name) => ({
          name,
          erp: pool.erpOf(name) ?? '',
          commands: ALL_COMMANDS.filter((command) => decideAccess(options.policy, { user, source: name, command }).allowed),
        }))
        .filter((source) => source.commands.length > 0);
    },
  };
}
