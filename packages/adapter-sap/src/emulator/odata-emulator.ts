import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ODataEntity } from '../odata/odata-entities.js';
import type { SapTables } from './ddic.js';
import { filterPredicate, ODataFilterError, parseODataFilter } from './odata-filter-eval.js';
import { candidatesOf, customerIndexOf } from './odata-key-index.js';
import { odataEntitySetsOf, type ODataEntitySets } from './odata-entity-sets.js';

export const ODATA_SERVICE_PATH = '/sap/opu/odata/sap/API_BUSINESS_PARTNER';

export interface ODataEmulatorOptions {
  /** Entities per answer, whatever `$top` asks (SAP Gateway's server-side paging); default 100. */
  serverPageSize?: number;
  /** Basic credentials accepted (default user ODATA_USER, password `password`). */
  basic?: { user: string; password: string };
  /** OAuth client credentials accepted at `tokenPath`; tokens live `expiresIn` seconds. */
  oauth?: { clientId: string; clientSecret: string; expiresIn?: number };
  /** KUNNR → local `YYYY-MM-DDTHH:mm:ss`: the business partners' LastChangeDate/Time (else null). */
  lastChanged?: ReadonlyMap<string, string>;
  /** Entity sets this user may not read: answered 403 as SAP does for a missing authorisation. */
  forbidden?: string[];
  /** Serve 404 for the whole service (not activated in /IWFND/MAINT_SERVICE). */
  inactive?: boolean;
}

export interface ODataRequestRecord {
  method: string;
  /** Path below the service root, e.g. `A_Customer` or `A_Customer/$count`. */
  resource: string;
  query: URLSearchParams;
  /** The request target as sent (path and query string, percent-encoded). */
  target: string;
  headers: IncomingMessage['headers'];
}

export interface ODataEmulator {
  /** The service root URL (`http://127.0.0.1:<port>/sap/opu/odata/sap/API_BUSINESS_PARTNER`). */
  url: string;
  tokenUrl: string;
  /** Every request to the service (token requests not included). */
  requests: ODataRequestRecord[];
  readonly requestCount: number;
  /** The next `times` service requests are answered 429 (or `status`) with `Retry-After: retryAfter` seconds. */
  throttle(times: number, options?: { retryAfter?: string; status?: 429 | 503 }): void;
  /** Tokens issued so far. */
  readonly tokensIssued: number;
  /** Makes every token issued so far invalid (a 401 follows for requests that carry one). */
  revokeTokens(): void;
  close(): Promise<void>;
}

const TOKEN_PATH = '/oauth2/token';
const KEYS: Record<keyof ODataEntitySets, string[]> = {
  A_Customer: ['Customer'],
  A_BusinessPartner: ['BusinessPartner'],
  A_CustomerCompany: ['Customer', 'CompanyCode'],
  A_CustomerSalesArea: ['Customer', 'SalesOrganization', 'DistributionChannel', 'Division'],
};
const NAVIGATIONS: Record<string, string[]> = { A_BusinessPartner: ['to_BusinessPartnerAddress'] };

/** SAP's V2 JSON error body. */
function sendError(response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify({ error: { code, message: { lang: 'en', value: message }, innererror: { transactionid: 'EMULATOR', errordetails: [] } } }));
}

/** Applies a $select (with navigation paths) to an entity, recursively for expanded navigations. */
function project(entity: ODataEntity, select: string[] | undefined, expand: Set<string>, prefix = ''): ODataEntity {
  const own = select?.filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length)).filter((path) => !path.includes('/'));
  const projected: ODataEntity = {};
  for (const [key, value] of Object.entries(entity)) {
    if (key.startsWith('to_')) {
      const path = `${prefix}${key}`;
      if (!expand.has(path)) continue;
      const items = (value as { results: ODataEntity[] }).results;
      projected[key] = { results: items.map((item) => project(item, select, expand, `${path}/`)) };
      continue;
    }
    if (!own || own.length === 0 || own.includes(key)) projected[key] = value;
  }
  return projected;
}

/**
 * API_BUSINESS_PARTNER over HTTP from the RFC emulator's tables (same seed): V2 JSON (`d.results`, `__next`,
 * `__count`, `/$count`), server-side pages smaller than `$top`, `$filter`/`$select`/`$expand`/`$orderby`/`$top`/
 * `$skiptoken`/`$inlinecount`, Basic and OAuth, errors in SAP's shape, 429 with Retry-After on demand, and
 * every request recorded. Only GET is served (405 otherwise).
 */
export async function startODataEmulator(data: SapTables | ODataEntitySets, options: ODataEmulatorOptions = {}): Promise<ODataEmulator> {
  // The RFC emulator's tables (the same seed), or entity sets written by hand.
  const sets = 'KNA1' in data ? odataEntitySetsOf(data, options.lastChanged ? { lastChanged: options.lastChanged } : {}) : data;
  const properties = Object.fromEntries(
    Object.entries(sets).map(([name, entities]) => [name, new Set((entities as ODataEntity[]).flatMap((entity) => Object.keys(entity)).concat(KEYS[name as keyof ODataEntitySets]))]),
  ) as Record<string, Set<string>>;
  const indexes = Object.fromEntries(Object.entries(sets).map(([name, entities]) => [name, customerIndexOf(entities as ODataEntity[])]));
  const serverPageSize = options.serverPageSize ?? 100;
  const basic = options.basic ?? { user: 'ODATA_USER', password: 'password' };
  const requests: ODataRequestRecord[] = [];
  const tokens = new Map<string, number>();
  let tokensIssued = 0;
  let throttled: { times: number; retryAfter: string; status: number } = { times: 0, retryAfter: '0', status: 429 };

  function tokenEndpoint(request: IncomingMessage, response: ServerResponse): void {
    const expected = options.oauth && `Basic ${Buffer.from(`${options.oauth.clientId}:${options.oauth.clientSecret}`).toString('base64')}`;
    if (request.method !== 'POST' || !expected || request.headers.authorization !== expected) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'invalid_client' }));
      return;
    }
    const token = `emulator-token-${++tokensIssued}`;
    const expiresIn = options.oauth!.expiresIn ?? 3600;
    tokens.set(token, Date.now() + expiresIn * 1000);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ access_token: token, token_type: 'bearer', expires_in: expiresIn }));
  }

  function authorized(request: IncomingMessage): boolean {
    const header = request.headers.authorization ?? '';
    if (header === `Basic ${Buffer.from(`${basic.user}:${basic.password}`).toString('base64')}`) return true;
    const bearer = /^Bearer (.+)$/.exec(header)?.[1];
    return bearer !== undefined && (tokens.get(bearer) ?? 0) > Date.now();
  }

  function serve(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://emulator');
    if (url.pathname === TOKEN_PATH) return tokenEndpoint(request, response);
    if (!url.pathname.startsWith(`${ODATA_SERVICE_PATH}/`) && url.pathname !== ODATA_SERVICE_PATH) return sendError(response, 404, '/IWFND/MED/170', `No service found for namespace '', name '${url.pathname}', version '0001'`);
    const resource = decodeURIComponent(url.pathname.slice(ODATA_SERVICE_PATH.length + 1));
    requests.push({ method: request.method ?? '', resource, query: url.searchParams, target: request.url ?? '', headers: request.headers });
    if (throttled.times > 0) {
      throttled.times--;
      return sendError(response, throttled.status, 'EMULATOR/429', 'Too many requests', { 'retry-after': throttled.retryAfter });
    }
    if (options.inactive) return sendError(response, 404, '/IWFND/MED/170', "No service found for namespace '/SAP/', name 'API_BUSINESS_PARTNER', version '0001'");
    if (!authorized(request)) return sendError(response, 401, 'EMULATOR/401', 'Logon failed');
    if (request.method !== 'GET') return sendError(response, 405, '/IWFND/CM_MGW/004', `Method ${request.method} not allowed (the emulator is read-only)`);
    const [setName, segment] = resource.split('/');
    const entities = (sets as unknown as Record<string, ODataEntity[]>)[setName ?? ''];
    if (!entities) return sendError(response, 404, '/IWBEP/CM_MGW_RT/021', `Resource not found for segment '${setName}'`);
    if (options.forbidden?.includes(setName!)) return sendError(response, 403, '/IWBEP/CM_MGW_RT/013', `No authorization to read ${setName}`);
    try {
      const filterText = url.searchParams.get('$filter');
      const known = properties[setName!]!;
      const tree = filterText ? parseODataFilter(filterText) : undefined;
      const candidates = candidatesOf(tree, indexes[setName!]!) ?? indexes[setName!]!.sorted;
      const matches = tree ? filterPredicate(tree, known) : () => true;
      const orderby = (url.searchParams.get('$orderby') ?? KEYS[setName as keyof ODataEntitySets].join(',')).split(',').map((part) => part.trim().split(/\s+/) as [string, string?]);
      for (const [property] of orderby) if (!known.has(property)) throw new ODataFilterError(`Property ${property} not found`);
      const top = url.searchParams.has('$top') ? Number(url.searchParams.get('$top')) : Number.POSITIVE_INFINITY;
      const start = Number(url.searchParams.get('$skiptoken') ?? 0) + Number(url.searchParams.get('$skip') ?? 0);
      // Candidates come in Customer order: ordered by Customer alone, a page needs only the matches up to its end.
      const inCandidateOrder = orderby.length === 1 && orderby[0]![0] === 'Customer' && orderby[0]![1] !== 'desc';
      const counting = segment === '$count' || url.searchParams.get('$inlinecount') === 'allpages';
      let result: ODataEntity[] = [];
      const wanted = inCandidateOrder && !counting ? Math.min(top, start + serverPageSize) + 1 : Number.POSITIVE_INFINITY;
      for (const entity of candidates) {
        if (matches(entity)) result.push(entity);
        if (result.length >= wanted) break;
      }
      if (segment === '$count') {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end(String(result.length));
        return;
      }
      if (!inCandidateOrder) {
        result = result.sort((a, b) => {
          for (const [property, direction] of orderby) {
            const [x, y] = [String(a[property] ?? ''), String(b[property] ?? '')];
            if (x !== y) return (x < y ? -1 : 1) * (direction === 'desc' ? -1 : 1);
          }
          return 0;
        });
      }
      // With an early stop, `total` is only known to exceed the page: enough to decide on __next.
      const total = result.length;
      const end = Math.min(start + serverPageSize, top, total);
      const select = url.searchParams.get('$select')?.split(',').map((part) => part.trim());
      const expand = new Set((url.searchParams.get('$expand') ?? '').split(',').map((part) => part.trim()).filter((part) => part !== ''));
      for (const path of expand) if (!(NAVIGATIONS[setName!] ?? []).includes(path.split('/')[0]!)) throw new ODataFilterError(`Navigation property ${path} not found`);
      const page = result.slice(start, Math.max(start, end)).map((entity) => ({ __metadata: { type: `API_BUSINESS_PARTNER.${setName}Type` }, ...project(entity, select, expand) }));
      const d: Record<string, unknown> = { results: page };
      if (url.searchParams.get('$inlinecount') === 'allpages') d.__count = String(total);
      if (end < Math.min(top, total)) {
        const next = new URL(url.href);
        next.searchParams.delete('$skip');
        next.searchParams.set('$skiptoken', String(end));
        d.__next = `${server.url}/${setName}${next.search}`;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ d }));
    } catch (error) {
      if (error instanceof ODataFilterError) return sendError(response, 400, '/IWBEP/CM_MGW_RT/022', `Invalid system query option: ${error.message}`);
      throw error;
    }
  }

  const http = createServer((request, response) => {
    try {
      serve(request, response);
    } catch (error) {
      sendError(response, 500, 'EMULATOR/500', (error as Error).message);
    }
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const server = {
    url: `http://127.0.0.1:${port}${ODATA_SERVICE_PATH}`,
    tokenUrl: `http://127.0.0.1:${port}${TOKEN_PATH}`,
    requests,
    get requestCount() {
      return requests.length;
    },
    throttle(times: number, throttle: { retryAfter?: string; status?: 429 | 503 } = {}) {
      throttled = { times, retryAfter: throttle.retryAfter ?? '0', status: throttle.status ?? 429 };
    },
    get tokensIssued() {
      return tokensIssued;
    },
    revokeTokens: () => tokens.clear(),
    close: () => new Promise<void>((resolve, reject) => {
      http.closeAllConnections();
      http.close((error) => (error ? reject(error) : resolve()));
    }),
  };
  return server;
}
