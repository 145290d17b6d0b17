import { BackendError, ConnectionError, CustcodeError, ReadOnlyViolationError } from '@custcode/core';
import { redactSecrets, redactUrl } from '@custcode/core/adapter';
import { AUTHORIZATION_HINT, odataHttpError, odataTimeoutError } from './odata-errors.js';
import type { ResolvedSapODataOptions } from './odata-options.js';

export interface ODataHttpClient {
  /**
   * Reads a resource of the service: `A_Customer?$filter=…` (relative to the service root) or a `__next` link.
   * The only method that reaches SAP is GET; the answer is the parsed JSON body.
   */
  get(resource: string, what: string): Promise<unknown>;
  /** Any other method is refused before anything is sent (the guard `get` goes through). */
  request(method: string, resource: string, what: string): Promise<unknown>;
  /** The URL `get` would send for `resource` (with sap-client, sap-language, $format): its length is what `maxUrlLength` bounds. */
  urlOf(resource: string): string;
  /** Requests sent to the service (retries included); token requests are not counted. */
  readonly requests: number;
}

type Fetch = typeof fetch;
interface Token {
  value: string;
  /** Epoch ms after which the token is fetched again (some time before it really expires). */
  refreshAt: number;
}

/** Seconds or an HTTP date, as Retry-After gives them; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Plain fetch over SAP Gateway, read-only: GET only, no CSRF token is ever fetched (that handshake exists for
 * writes). Basic or OAuth 2.0 client credentials (token cached, fetched again a minute before it expires or
 * after a 401). 429/503 are retried after Retry-After. Secrets never appear in an error.
 */
export function createODataHttpClient(options: ResolvedSapODataOptions): ODataHttpClient {
  const root = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  const service = redactUrl(root.href.replace(/\/$/, ''));
  const doFetch: Fetch = options.fetch ?? fetch;
  const secrets = 'basic' in options.auth ? [options.auth.basic.password] : [options.auth.oauth.clientSecret];
  let token: Promise<Token> | undefined;
  let requests = 0;

  function urlOf(resource: string): string {
    const given = new URL(resource, root);
    // A __next link is followed only within the service, and always to the configured host: behind a reverse
    // proxy Gateway may link to its internal host name. Credentials are never sent elsewhere.
    const url = new URL(`${given.pathname}${given.search}`, root.origin);
    if (!url.pathname.startsWith(root.pathname)) {
      throw new BackendError({ message: `SAP returned a next-page link outside the service (${redactUrl(url.origin + url.pathname)}); it was not followed.`, hint: 'Check the Gateway host configuration (the service must link to itself).' });
    }
    // Appended as text: re-serialising the query would percent-encode `$` in the system query options.
    const extra: string[] = [];
    if (options.client !== undefined && !url.searchParams.has('sap-client')) extra.push(`sap-client=${encodeURIComponent(options.client)}`);
    if (options.language !== undefined && !url.searchParams.has('sap-language')) extra.push(`sap-language=${encodeURIComponent(options.language)}`);
    if (!url.searchParams.has('$format')) extra.push('$format=json');
    const search = [url.search.replace(/^\?/, ''), ...extra].filter((part) => part !== '').join('&');
    return `${root.origin}${url.pathname}${search === '' ? '' : `?${search}`}`;
  }

  async function fetchToken(): Promise<Token> {
    if (!('oauth' in options.auth)) throw new TypeError('no OAuth configured');
    const { tokenUrl, clientId, clientSecret, scope } = options.auth.oauth;
    secrets.push(clientSecret);
    const body = new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) });
    let response: Response;
    try {
      response = await doFetch(tokenUrl, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw transportError(error, redactUrl(tokenUrl));
    }
    const answer = (await response.json().catch(() => undefined)) as { access_token?: unknown; expires_in?: unknown } | undefined;
    if (!response.ok || typeof answer?.access_token !== 'string') {
      if (response.status === 400 || response.status === 401 || response.status === 403) {
        throw new ConnectionError({ reason: 'authentication', message: `The OAuth token endpoint ${redactUrl(tokenUrl)} refused client "${clientId}" (HTTP ${response.status}).`, hint: `Check clientId and clientSecret. ${AUTHORIZATION_HINT}` });
      }
      throw new BackendError({ message: `The OAuth token endpoint ${redactUrl(tokenUrl)} answered HTTP ${response.status} without an access token.`, hint: 'Check tokenUrl (…/oauth2/token).', backendCode: String(response.status) });
    }
    secrets.push(answer.access_token);
    const lifetimeMs = (typeof answer.expires_in === 'number' ? answer.expires_in : Number(answer.expires_in ?? 3600)) * 1000;
    // Refreshed a minute early (or at half the lifetime of a short-lived token), never mid-request.
    return { value: answer.access_token, refreshAt: Date.now() + Math.max(lifetimeMs - 60_000, lifetimeMs / 2) };
  }

  async function authorization(): Promise<string> {
    if ('basic' in options.auth) return `Basic ${Buffer.from(`${options.auth.basic.user}:${options.auth.basic.password}`).toString('base64')}`;
    const current = token && (await token.catch(() => undefined));
    if (!current || Date.now() >= current.refreshAt) {
      token = fetchToken();
      token.catch(() => (token = undefined));
    }
    return `Bearer ${(await token!).value}`;
  }

  function transportError(error: unknown, where: string): ConnectionError {
    const name = (error as Error | undefined)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') return odataTimeoutError(where, options.timeoutMs);
    return new ConnectionError({
      reason: 'unreachable',
      message: `SAP at ${where} could not be reached: ${redactSecrets(String((error as Error).cause ?? error), secrets)}.`,
      hint: 'Check the url (host, port, https), the network and proxies.',
    });
  }

  async function send(resource: string, what: string): Promise<unknown> {
    const url = urlOf(resource);
    let renewedToken = false;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        requests++;
        response = await doFetch(url, { method: 'GET', headers: { authorization: await authorization(), accept: 'application/json' }, signal: AbortSignal.timeout(options.timeoutMs) });
      } catch (error) {
        if (CustcodeError.isInstance(error)) throw error;
        throw transportError(error, service);
      }
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        // not JSON (an HTML login page, a proxy's answer): kept as text for the message
      }
      if (response.ok) {
        // A collection is JSON; `$count` is a bare number.
        if ((typeof body !== 'object' || body === null) && typeof body !== 'number') {
          throw new BackendError({ message: `SAP answered ${what} with something other than OData JSON (${response.headers.get('content-type') ?? 'no content type'}).`, hint: 'Check that url is the service root of API_BUSINESS_PARTNER and no login page or proxy answers instead.' });
        }
        return body;
      }
      if (response.status === 401 && 'oauth' in options.auth && !renewedToken) {
        // The token may have been revoked or expired early: one fresh token, then the 401 stands.
        renewedToken = true;
        token = undefined;
        continue;
      }
      if ((response.status === 429 || response.status === 503) && attempt < options.retries) {
        await sleep(retryAfterMs(response.headers.get('retry-after')) ?? options.retryDelayMs * 2 ** attempt);
        continue;
      }
      const error = odataHttpError({ status: response.status, body, what, service, secrets });
      if (response.status === 429 || response.status === 503) {
        // A BackendError, not a lost connection: core's own retries would only add more load.
        throw new BackendError({ message: `${error.message} (still after ${options.retries} retries)`, hint: 'The system is overloaded or rate-limits this user: try later, or raise retries.', backendCode: String(response.status), retryable: true });
      }
      throw error;
    }
  }

  async function request(method: string, resource: string, what: string): Promise<unknown> {
    if (method !== 'GET') {
      throw new ReadOnlyViolationError({
        message: `custcode only reads from SAP; HTTP ${method.slice(0, 20)} on ${resource.slice(0, 80)} was refused before it was sent.`,
        hint: 'The OData transport sends GET only and never fetches a CSRF token.',
      });
    }
    return send(resource, what);
  }

  return {
    get: (resource, what) => request('GET', resource, what),
    request,
    urlOf,
    get requests() {
      return requests;
    },
  };
}

