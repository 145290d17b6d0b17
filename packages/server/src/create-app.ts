import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { authenticate } from './authenticate.js';
import { registerConsoleRoutes } from './console/console-routes.js';
import { checkHost } from './host-check.js';
import { BadRequestError, errorBody } from './http-error.js';
import { openApiDocument } from './openapi/openapi-document.js';
import { registerAuditRoute } from './routes/audit-route.js';
import { registerCustomerRoutes } from './routes/customer-routes.js';
import { registerExportRoute } from './routes/export-route.js';
import { registerMatchRoute } from './routes/match-route.js';
import { registerValuesRoute } from './routes/values-route.js';
import { logged } from './request-access-log.js';
import { refuseNul } from './request-query.js';
import { createServerContext, type ServerEnv } from './server-context.js';
import type { ServerOptions } from './server-options.js';
import { SourcePool } from './source-pool.js';
import { version } from '../package.json';

/** The package's own version (every @custcode package has the same one), inlined by the build. */
export const SERVER_VERSION: string = version;
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The API and console as a fetch handler, plus `close()` for the sources it opened. */
export interface CustcodeApp {
  app: Hono<ServerEnv>;
  /** `env`: what the host passes along (under Node, `{ incoming, outgoing }`; a broken export drops the connection). */
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  close(): Promise<void>;
}

/**
 * Builds the custcode HTTP app: public `/health`, `/openapi.json` and the console's static files;
 * everything under `/sources`, `/views` and `/match` authenticated and guarded by the policy.
 */
export function createCustcodeApp(options: ServerOptions): CustcodeApp {
  const pool = new SourcePool(options.sources);
  const server = createServerContext(options, pool);
  const version = options.version ?? SERVER_VERSION;
  const app = new Hono<ServerEnv>();

  app.onError((error, context) => {
    const { status, body } = errorBody(error, pool.secrets);
    return context.json(body, status as 400);
  });
  app.notFound((context) => context.json({ error: { name: 'NotFoundError', code: 'ROUTE_NOT_FOUND', category: 'not-found', message: `No route ${context.req.method} ${context.req.path}.`, hint: 'See /openapi.json.', retryable: false } }, 404));

  // Every answer, errors included: no MIME sniffing, and nothing kept in a cache unless the route says so.
  app.use('*', async (context, next) => {
    await next();
    context.res.headers.set('x-content-type-options', 'nosniff');
    if (!context.res.headers.has('cache-control')) context.res.headers.set('cache-control', 'no-store');
  });
  app.use('*', checkHost(options.allowedHosts ?? []));
  app.use('*', refuseNul);

  app.get('/health', (context) => context.json({ status: 'ok', version }));
  app.get('/openapi.json', (context) => context.json(openApiDocument(version)));
  if (options.console !== false) registerConsoleRoutes(app);

  // Lookups of 10,000 codes fit easily; anything larger is refused before it is read.
  app.use('/sources/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw new BadRequestError({ message: `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`, hint: 'Split the lookup into batches of at most 10,000 codes.' }); } }));
  app.use('/match', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw new BadRequestError({ message: `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`, hint: 'Send fewer decisions or previous links (the links of earlier runs the server has not matched can be left out).' }); } }));
  app.use('/match', authenticate(options));
  app.use('/sources', authenticate(options));
  app.use('/sources/*', authenticate(options));
  app.use('/views', authenticate(options));
  app.get('/sources', logged(server, 'list'), (context) => context.json({ sources: server.visibleSources(context.get('user')) }));
  app.get('/views', logged(server, 'list'), (context) => {
    const searchable = new Set(server.visibleSources(context.get('user')).filter((source) => source.commands.includes('search')).map((source) => source.name));
    const views = Object.fromEntries(Object.entries(options.views ?? {}).filter(([, view]) => searchable.has(view.source)));
    return context.json({ views });
  });
  app.get('/sources/:name', logged(server, 'list'), async (context) => {
    const name = context.req.param('name');
    server.assertVisible(context, name);
    const visible = server.visibleSources(context.get('user')).find((source) => source.name === name);
    return context.json({ ...visible, description: (await pool.get(name)).describe() });
  });
  registerCustomerRoutes(app, server);
  registerExportRoute(app, server);
  registerValuesRoute(app, server);
  registerAuditRoute(app, server);
  registerMatchRoute(app, server);

  return { app, fetch: (request, env) => app.fetch(request, env), close: () => pool.close() };
}
