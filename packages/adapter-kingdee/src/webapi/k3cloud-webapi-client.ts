import { BackendError, ConnectionError, ReadOnlyViolationError } from '@custcode/core';
import { redactSecrets, redactUrl } from '@custcode/core/adapter';
import { billQueryRowsSchema, errorMessages, errorStatusOf, isSessionLost } from './webapi-responses.js';
import { WEBAPI_SERVICES, type BillQuery } from './webapi-services.js';
import { loginToK3Cloud, type K3CloudCredentials } from './k3cloud-login.js';

export interface K3CloudClientOptions {
  /** Base URL of the site, e.g. `http://erp.example.com/k3cloud/`. */
  url: string;
  credentials: K3CloudCredentials;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export interface K3CloudClient {
  /** One ExecuteBillQuery page; logs in first, and once more when the session has expired. */
  executeBillQuery(query: BillQuery): Promise<unknown[][]>;
  /** Any service by name, refused unless it only reads (the guard every request passes). */
  call(service: string, body: unknown): Promise<HttpAnswer>;
  close(): Promise<void>;
}

export interface HttpAnswer {
  status: number;
  body: unknown;
  cookies: string[];
}

/** The K/3 Cloud WebAPI over a cookie session. The password never appears in an error. */
export function createK3CloudClient(options: K3CloudClientOptions): K3CloudClient {
  const base = options.url.endsWith('/') ? options.url : `${options.url}/`;
  const secrets = [options.credentials.password, options.credentials.appSecret];
  const doFetch = options.fetch ?? fetch;
  let session: Promise<string> | undefined;

  async function post(service: string, body: unknown, cookie?: string): Promise<HttpAnswer> {
    assertReadService(service);
    let response: Response;
    try {
      response = await doFetch(new URL(service, base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const timeout = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new ConnectionError({
        reason: timeout ? 'timeout' : 'unreachable',
        message: `K/3 Cloud WebAPI at ${redactUrl(base)} ${timeout ? `did not answer within ${options.timeoutMs} ms` : 'could not be reached'}: ${redactSecrets(String((error as Error).cause ?? error), secrets)}.`,
        hint: 'Check the URL (it ends in /k3cloud/), the network and that the site is running.',
      });
    }
    const textBody = await response.text();
    let parsed: unknown = textBody;
    try {
      parsed = textBody === '' ? undefined : JSON.parse(textBody);
    } catch {
      // not JSON: kept as text for the error message
    }
    return { status: response.status, body: parsed, cookies: response.headers.getSetCookie() };
  }

  const currentSession = () => (session ??= loginToK3Cloud(options.credentials, base, post).catch((error: unknown) => {
    session = undefined;
    throw error;
  }));

  async function query(body: BillQuery, cookie: string): Promise<{ rows: unknown[][] } | { lost: true }> {
    const answer = await post(WEBAPI_SERVICES.executeBillQuery, { data: body }, cookie);
    if (answer.status === 401 || answer.status === 403) return { lost: true };
    if (answer.status >= 400) {
      throw new BackendError({
        message: `K/3 Cloud ExecuteBillQuery failed with HTTP ${answer.status}: ${redactSecrets(String(JSON.stringify(answer.body) ?? '').slice(0, 300), secrets)}.`,
        hint: 'Check the server log of the K/3 Cloud site.',
        backendCode: String(answer.status),
      });
    }
    const status = errorStatusOf(answer.body);
    if (status) {
      if (isSessionLost(status)) return { lost: true };
      throw new BackendError({
        message: `K/3 Cloud ExecuteBillQuery on ${body.FormId} was refused: ${redactSecrets(errorMessages(status), secrets)}.`,
        hint: 'Check the field keys and that the user may query BD_Customer (客户) in this account set.',
        backendCode: status.ErrorCode === undefined || status.ErrorCode === null ? undefined : String(status.ErrorCode),
      });
    }
    const rows = billQueryRowsSchema.safeParse(answer.body);
    if (!rows.success) {
      throw new BackendError({
        message: `K/3 Cloud ExecuteBillQuery returned something other than rows (${typeof answer.body}).`,
        hint: 'Check that the URL points at the K/3 Cloud site root (…/k3cloud/).',
      });
    }
    return { rows: rows.data };
  }

  return {
    async executeBillQuery(body) {
      const first = await query(body, await currentSession());
      if ('rows' in first) return first.rows;
      session = undefined; // expired: one fresh login, then give up
      const second = await query(body, await currentSession());
      if ('rows' in second) return second.rows;
      throw new ConnectionError({
        reason: 'authentication',
        message: `K/3 Cloud at ${redactUrl(base)} dropped the session again right after a fresh login as "${options.credentials.username}".`,
        hint: 'Check that the user is not logged out by another client and that the account set allows API sessions.',
      });
    },
    async call(service, body) {
      assertReadService(service);
      return post(service, body, await currentSession());
    },
    async close() {
      session = undefined;
    },
  };
}

const READ_SERVICES = new Set<string>(Object.values(WEBAPI_SERVICES));

/** Save, Submit, Audit, Delete, Allocate… never leave this process. */
function assertReadService(service: string): void {
  if (READ_SERVICES.has(service)) return;
  throw new ReadOnlyViolationError({
    message: `custcode only reads from K/3 Cloud; the WebAPI service "${service.slice(0, 120)}" is not one of its read services.`,
    hint: `Allowed: ${[...READ_SERVICES].join(', ')}.`,
  });
}
