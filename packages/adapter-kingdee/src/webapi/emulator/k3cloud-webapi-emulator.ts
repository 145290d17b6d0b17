import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { K3CloudSeedData } from '../../seed/k3cloud-tables.js';
import { MAX_PAGE_ROWS, WEBAPI_SERVICES } from '../webapi-services.js';
import { bdCustomerRows } from './bd-customer-view.js';
import { evaluate, parseFilterString, type Value } from './filter-string-parser.js';

export interface EmulatorUser {
  acctId: string;
  username: string;
  password?: string;
  appId?: string;
  appSecret?: string;
  /** Login answers CheckPasswordPolicy with IsSuccessByAPI false, yet sets a session cookie (anchors §5.7). */
  passwordExpired?: boolean;
}

export interface K3CloudWebApiEmulatorOptions {
  tables: K3CloudSeedData['tables'];
  users: EmulatorUser[];
  /** Rows served per ExecuteBillQuery at most (K/3 Cloud: 2000). */
  maxLimit?: number;
}

export interface K3CloudWebApiEmulator {
  /** Site root to give the client, `http://127.0.0.1:PORT/k3cloud/`. */
  url: string;
  /** Every call: service name and parsed body. */
  calls: Array<{ service: string; body: unknown }>;
  /** Forgets every session, as an application-pool recycle or a timeout does. */
  expireSessions(): void;
  close(): Promise<void>;
}

const sessionLost = [[{ Result: { ResponseStatus: { ErrorCode: 500, IsSuccess: false, MsgCode: 1, Errors: [{ FieldName: null, Message: '会话信息已丢失，请重新登录', DIndex: 0 }] } } }]];
const failure = (message: string) => [[{ Result: { ResponseStatus: { ErrorCode: 500, IsSuccess: false, MsgCode: 0, Errors: [{ FieldName: null, Message: message, DIndex: 0 }] } } }]];

/** A local HTTP emulator of the K/3 Cloud login and ExecuteBillQuery services over seeded tables. */
export async function startK3CloudWebApiEmulator(options: K3CloudWebApiEmulatorOptions): Promise<K3CloudWebApiEmulator> {
  const maxLimit = options.maxLimit ?? MAX_PAGE_ROWS;
  const sessions = new Map<string, { lcid: number; authenticated: boolean }>();
  const calls: K3CloudWebApiEmulator['calls'] = [];

  function login(body: Record<string, unknown>, bySecret: boolean, response: ServerResponse) {
    const user = options.users.find((candidate) => candidate.acctId === body.acctID && candidate.username === body.username);
    const valid = user && (bySecret ? user.appId === body.appId && user.appSecret === body.appSecret : user.password === body.password);
    const sessionId = randomUUID();
    response.setHeader('set-cookie', [`kdservice-sessionid=${sessionId}; path=/`, `ASP.NET_SessionId=${randomUUID().slice(0, 24)}; path=/; HttpOnly`]);
    if (!valid) return send(response, { Message: '用户名或密码错误！', MessageCode: null, LoginResultType: 0, IsSuccessByAPI: false, KDSVCSessionId: null });
    const lcid = typeof body.lcid === 'number' ? body.lcid : 2052;
    sessions.set(sessionId, { lcid, authenticated: !user.passwordExpired });
    if (user.passwordExpired) {
      return send(response, { Message: '密码已过期，请修改密码', MessageCode: 'CheckPasswordPolicy', LoginResultType: 0, IsSuccessByAPI: false, KDSVCSessionId: sessionId });
    }
    return send(response, { Message: null, MessageCode: null, LoginResultType: 1, IsSuccessByAPI: true, KDSVCSessionId: sessionId, Context: { UserName: user.username } });
  }

  function billQuery(request: IncomingMessage, body: Record<string, unknown>, response: ServerResponse) {
    const sessionId = /kdservice-sessionid=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    const session = sessionId === undefined ? undefined : sessions.get(sessionId);
    if (!session?.authenticated) return send(response, sessionLost);
    const data = (typeof body.data === 'string' ? JSON.parse(body.data) : body.data) as Record<string, unknown> | undefined;
    if (!data || data.FormId !== 'BD_Customer') return send(response, failure(`业务对象 ${String(data?.FormId)} 不存在`));
    const keys = String(data.FieldKeys ?? '').split(',').map((key) => key.trim());
    let predicate;
    try {
      predicate = parseFilterString(String(data.FilterString ?? ''));
    } catch (error) {
      return send(response, failure(`过滤条件错误: ${(error as Error).message}`));
    }
    const rows = bdCustomerRows(options.tables, session.lcid);
    const unknown = [...keys, ...orderKeys(String(data.OrderString ?? ''))].find((key) => rows[0] && rows[0](key.split(' ')[0]!) === undefined);
    if (unknown) return send(response, failure(`字段 ${unknown} 不存在`));
    const known = (row: (key: string) => Value | undefined) => (key: string) => row(key) ?? null;
    let matching;
    try {
      matching = rows.filter((row) => evaluate(predicate, known(row)) === true);
    } catch (error) {
      return send(response, failure(`过滤条件错误: ${(error as Error).message}`));
    }
    for (const order of orderKeys(String(data.OrderString ?? '')).reverse()) {
      const [key, direction] = order.split(/\s+/);
      const sign = direction?.toLowerCase() === 'desc' ? -1 : 1;
      matching.sort((a, b) => sign * compare(a(key!) ?? null, b(key!) ?? null));
    }
    const startRow = Number(data.StartRow ?? 0);
    const requested = Number(data.Limit ?? 0);
    const limit = requested > 0 ? Math.min(requested, maxLimit) : maxLimit;
    send(response, matching.slice(startRow, startRow + limit).map((row) => keys.map((key) => row(key) ?? null)));
  }

  const server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      const service = (request.url ?? '').split('/').pop() ?? '';
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        response.statusCode = 400;
        return response.end('bad JSON');
      }
      calls.push({ service, body });
      if (service === WEBAPI_SERVICES.validateUser) return login(body, false, response);
      if (service === WEBAPI_SERVICES.loginByAppSecret) return login(body, true, response);
      if (service === WEBAPI_SERVICES.executeBillQuery) return billQuery(request, body, response);
      response.statusCode = 404;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/k3cloud/`,
    calls,
    expireSessions: () => sessions.clear(),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

const orderKeys = (order: string) => order.split(',').map((part) => part.trim()).filter((part) => part !== '');

/** NULLs first, as SQL Server sorts them; numbers numerically, text by code unit (a _BIN collation). */
function compare(a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

function send(response: ServerResponse, body: unknown) {
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}
