import type { Hono } from 'hono';
import type { ServerEnv } from '../server-context.js';
import { type ConsoleAssets, loadConsoleAssets } from './console-assets.js';
import { auditInlineHashes, consolePolicy } from './console-csp.js';

/** The web console: the page vite built and its hashed files, no CDN, no network beyond this server's API. */
export function registerConsoleRoutes(app: Hono<ServerEnv>, assets: () => ConsoleAssets | undefined = loadConsoleAssets): void {
  let loaded: { assets: ConsoleAssets | undefined; csp: string } | undefined;
  const ready = async () => (loaded ??= { assets: assets(), csp: consolePolicy(await auditInlineHashes()) });
  const nosniff = { 'x-content-type-options': 'nosniff' };
  app.get('/', async (context) => {
    const { assets: built, csp } = await ready();
    // frame-ancestors: no other site may frame the console (clickjacking); X-Frame-Options for older browsers.
    const page = { ...nosniff, 'content-security-policy': csp, 'x-frame-options': 'DENY' };
    if (!built) {
      return context.text('The web console is not built. Run `npm run build` (it builds the console with vite), then restart the server. The API works without it.', 503, { ...page, 'cache-control': 'no-store' });
    }
    return context.body(built.html, 200, { ...page, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  });
  app.get('/console/assets/:file', async (context) => {
    const file = (await ready()).assets?.files.get(context.req.param('file'));
    if (!file) return context.notFound();
    // The names carry a content hash: a new build has new names, so a browser may keep these.
    return context.body(file.body as Uint8Array<ArrayBuffer>, 200, { ...nosniff, 'content-type': file.type, 'cache-control': 'public, max-age=31536000, immutable' });
  });
}
