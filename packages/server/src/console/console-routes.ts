import type { Hono } from 'hono';
import type { ServerEnv } from '../server-context.js';
import { CONSOLE_HTML } from './console-html.js';
import { CONSOLE_SCRIPT } from './console-script.js';
import { CONSOLE_STYLE } from './console-style.js';

/** The web console: three static files, no CDN, no network beyond this server's API. */
export function registerConsoleRoutes(app: Hono<ServerEnv>): void {
  const headers = (type: string) => ({ 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
  // frame-ancestors: no other site may frame the console (clickjacking); X-Frame-Options for older browsers.
  const csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
  app.get('/', (context) => context.body(CONSOLE_HTML, 200, { ...headers('text/html; charset=utf-8'), 'content-security-policy': csp, 'x-frame-options': 'DENY' }));
  app.get('/console/app.js', (context) => context.body(CONSOLE_SCRIPT, 200, headers('text/javascript; charset=utf-8')));
  app.get('/console/app.css', (context) => context.body(CONSOLE_STYLE, 200, headers('text/css; charset=utf-8')));
}
