import { createHash } from 'node:crypto';
import { audit, renderAuditHtml } from '@custcode/audit';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ServerEnv } from '../server-context.js';
import { fixtureCustomers } from '../testing/api-fixtures.js';
import type { ConsoleAssets } from './console-assets.js';
import { registerConsoleRoutes } from './console-routes.js';

const built: ConsoleAssets = {
  html: '<!doctype html><script type="module" src="/console/assets/index-abc.js"></script>',
  files: new Map([['index-abc.js', { body: new TextEncoder().encode('console.log(1)'), type: 'text/javascript; charset=utf-8' }]]),
};
const appWith = (assets: ConsoleAssets | undefined) => {
  const app = new Hono<ServerEnv>();
  registerConsoleRoutes(app, () => assets);
  return app;
};
const directives = (csp: string) => Object.fromEntries(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('console routes', () => {
  it('serve the built page under a CSP with no inline code but the audit report\'s own style and script', async () => {
    const page = await appWith(built).request('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(built.html);
    const csp = directives(page.headers.get('content-security-policy')!);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
    expect(csp['style-src']).not.toContain("'unsafe-inline'");
    // A real report (with findings) has exactly the inline blocks the policy allows, by hash.
    const html = renderAuditHtml(await audit(fixtureCustomers()));
    const hash = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    const blocks = [...html.matchAll(/<(style|script)>([\s\S]*?)<\/\1>/g)];
    expect(blocks.map(([, tag]) => tag)).toEqual(['style', 'script']);
    expect(csp['style-src']).toEqual(["'self'", hash(blocks[0]![2]!)]);
    expect(csp['script-src']).toEqual(["'self'", hash(blocks[1]![2]!)]);
  });

  it('serve the hashed files with their type, and nothing else under /console/assets', async () => {
    const app = appWith(built);
    const script = await app.request('/console/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.log(1)');
    expect((await app.request('/console/assets/..%2Findex.html')).status).toBe(404);
    expect((await app.request('/console/assets/other.js')).status).toBe(404);
  });

  it('say how to build the console when it was not built, under the same headers', async () => {
    const page = await appWith(undefined).request('/');
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });
});
