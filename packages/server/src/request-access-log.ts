import { randomUUID } from 'node:crypto';
import { type AccessLog, type AccessLogCommand, type AccessLogEntry, capLoggedQuery, capLoggedText, roleOf } from '@custcode/access';
import { CustcodeError } from '@custcode/core';
import type { MiddlewareHandler } from 'hono';
import type { ServerContext, ServerEnv } from './server-context.js';


/**
 * Logs a route before it serves anything (the middleware of every API route). The opening entry (`operation: "request"`, `outcome:
 * "started"`) is written before the route reads a source or sends a byte: when it cannot be written
 * the request fails with 500 and nothing is served. The source calls the route makes (get, getMany,
 * search, count) log their own entries under the same `request` id, with their records and outcome;
 * they close the request. A request they did not close (a listing, a refusal, a failure they did not
 * record) gets a closing `request` entry with its status. A streamed export is closed by its search
 * entry, written when the stream ends (`aborted` when the client went away).
 */
export function logged(server: ServerContext, command: AccessLogCommand): MiddlewareHandler<ServerEnv> {
  return async (context, next) => {
    const log = server.options.accessLog;
    if (log === undefined) return next();
    const user = context.get('user');
    const request = randomUUID();
    const about = {
      user, role: roleOf(server.options.policy, user), command, source: capLoggedText(context.req.param('name') ?? '*'), via: 'api' as const,
      request, method: context.req.method, path: capLoggedText(context.req.path),
    };
    log.record({ ...about, time: new Date().toISOString(), operation: 'request', query: capLoggedQuery(context.req.query()), records: 0, outcome: 'started' });
    const recorded: AccessLogEntry[] = [];
    const requestLog: AccessLog = {
      record(entry) {
        log.record({ ...entry, request });
        recorded.push(entry);
      },
    };
    context.set('accessLog', requestLog);
    const close = (status: number, error?: unknown) => {
      const code = CustcodeError.isInstance(error) ? error.code : error === undefined ? undefined : 'INTERNAL';
      const closed = recorded.length > 0 && (code === undefined || recorded.some((entry) => entry.error === code));
      if (closed || context.get('streamed')) return;
      const outcome = code === undefined ? 'ok' : code === 'NOT_AUTHORIZED' ? 'denied' : 'error';
      log.record({ ...about, time: new Date().toISOString(), operation: 'request', query: {}, records: 0, outcome, ...(code === undefined ? {} : { error: code }), status });
    };
    // Hono has turned an error of the route into its response by now; `context.error` keeps the error.
    await next();
    close(context.res.status, context.error);
  };
}
