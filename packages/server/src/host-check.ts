import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { HostNotAllowedError } from './http-error.js';

/** `Host` without its port, without IPv6 brackets or a trailing dot, lower case. */
export function hostnameOf(host: string): string {
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d*$/, '');
  return name.replace(/\.$/, '').toLowerCase();
}

/**
 * Answers only requests addressed to this server: an IP address, `localhost` (and `*.localhost`), or a
 * configured name. A web page on another name that resolves to this server's address (DNS rebinding)
 * sends its own name as `Host` and is refused, so it cannot read the API from a browser.
 */
export function checkHost(allowedHosts: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedHosts.map(hostnameOf));
  return async (context, next) => {
    const host = context.req.header('host') ?? new URL(context.req.url).host;
    const name = hostnameOf(host);
    if (isIP(name) === 0 && name !== 'localhost' && !name.endsWith('.localhost') && !allowed.has(name)) {
      throw new HostNotAllowedError({
        message: `This server does not answer to the host name "${name.slice(0, 100)}".`,
        hint: 'Use the server by its IP address or localhost, or add the name to the allowed hosts (custcode serve --allowed-host NAME).',
      });
    }
    return next();
  };
}
