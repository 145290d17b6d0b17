import { ACCESS_COMMANDS, type AccessCommand, type AccessLog, authorize, decideAccess, type GuardedSource, type GuardOptions, guardSource } from '@custcode/access';
import type { Context } from 'hono';
import type { ServerOptions } from './server-options.js';
import { type SourcePool, sourceNotFound } from './source-pool.js';

/**
 * Hono environment of every route: the authenticated user; the request's access log (entries stamped
 * with its id); `streamed` when the response body is still being written after the route returned.
 */
export type ServerEnv = { Variables: { user: string; accessLog?: AccessLog; streamed?: boolean } };
export type ServerRequestContext = Context<ServerEnv>;

/** What routes share: the options, the source pool and the policy check. */
export interface ServerContext {
  options: ServerOptions;
  pool: SourcePool;
  /**
   * The source as the request's user may see it. A source the user may not use at all is a 404 exactly
   * like an unknown one (logged as denied); a command not granted on a source the user sees is a 403.
   */
  guarded(context: ServerRequestContext, name: string, command: AccessCommand): Promise<GuardedSource>;
  /** Sources the user may use at all, with the commands granted on each. */
  visibleSources(user: string): { name: string; erp: string; label: string; commands: AccessCommand[] }[];
  /** Throws the 404 of an unknown source when `name` is unknown or not visible to the user (logging a denial). */
  assertVisible(context: ServerRequestContext, name: string): void;
}


export function createServerContext(options: ServerOptions, pool: SourcePool): ServerContext {
  const guardOptions = (context: ServerRequestContext, command: AccessCommand): GuardOptions => {
    const accessLog = context.get('accessLog') ?? options.accessLog;
    return { policy: options.policy, user: context.get('user'), command, ...(accessLog ? { accessLog } : {}), via: 'api' };
  };
  const commandsOf = (user: string, name: string) => ACCESS_COMMANDS.filter((command) => decideAccess(options.policy, { user, source: name, command }).allowed);
  const server: ServerContext = {
    options,
    pool,
    async guarded(context, name, command) {
      server.assertVisible(context, name);
      const guard = guardOptions(context, command);
      // A denied command is refused before the ERP is connected to.
      authorize({ ...guard, source: name });
      return guardSource(await pool.get(name), guard);
    },
    visibleSources(user) {
      return pool
        .names()
        .map((name) => ({ name, erp: pool.erpOf(name) ?? '', label: pool.labelOf(name) ?? '', commands: commandsOf(user, name) }))
        .filter((source) => source.commands.length > 0);
    },
    assertVisible(context, name) {
      if (!pool.has(name)) throw sourceNotFound(name);
      if (commandsOf(context.get('user'), name).length > 0) return;
      try {
        authorize({ ...guardOptions(context, 'get'), source: name });
      } catch {
        // Logged as denied; answered as unknown.
      }
      throw sourceNotFound(name);
    },
  };
  return server;
}
