import { ConnectionError } from '@custcode/core';
import { redactSecrets, redactUrl } from '@custcode/core/adapter';
import type { HttpAnswer } from './k3cloud-webapi-client.js';
import { loginResponseSchema } from './webapi-responses.js';
import { WEBAPI_SERVICES } from './webapi-services.js';

export interface K3CloudCredentials {
  /** 数据中心 id (acctID). */
  acctId: string;
  username: string;
  /** ValidateUser login. */
  password?: string;
  /** LoginByAppSecret login (第三方系统登录授权). */
  appId?: string;
  appSecret?: string;
  /** Language of the session: names come back in it (2052 zh-CN, 1033 en-US). */
  lcid: number;
}

type Post = (service: string, body: unknown, cookie?: string) => Promise<HttpAnswer>;

/** `name=value` pairs from Set-Cookie headers, ready for a Cookie header. */
const cookiePairs = (cookies: string[]) => cookies.map((cookie) => cookie.split(';')[0]!.trim()).filter((pair) => pair.includes('='));

/**
 * Logs in and returns the Cookie header of the session. A login can half-fail: an expired password
 * answers `LoginResultType` ≠ 1 / `IsSuccessByAPI: false` yet sets a session cookie, and every later call
 * fails inside HTTP 200. Such an answer is an authentication error, whatever cookies came with it.
 */
export async function loginToK3Cloud(credentials: K3CloudCredentials, base: string, post: Post): Promise<string> {
  const bySecret = credentials.appId !== undefined && credentials.appSecret !== undefined;
  const service = bySecret ? WEBAPI_SERVICES.loginByAppSecret : WEBAPI_SERVICES.validateUser;
  const body = bySecret
    ? { acctID: credentials.acctId, username: credentials.username, appId: credentials.appId, appSecret: credentials.appSecret, lcid: credentials.lcid }
    : { acctID: credentials.acctId, username: credentials.username, password: credentials.password ?? '', lcid: credentials.lcid };
  const answer = await post(service, body);
  const secrets = [credentials.password, credentials.appSecret];
  const who = `"${credentials.username}" on account set "${credentials.acctId}" at ${redactUrl(base)}`;
  const parsed = loginResponseSchema.safeParse(answer.body);
  if (answer.status >= 400 || !parsed.success) {
    throw new ConnectionError({
      reason: answer.status === 401 || answer.status === 403 ? 'authentication' : 'unreachable',
      message: `K/3 Cloud login for ${who} got ${answer.status >= 400 ? `HTTP ${answer.status}` : 'an answer that is not a login result'}.`,
      hint: 'Check that the URL is the K/3 Cloud site root (…/k3cloud/).',
    });
  }
  const login = parsed.data;
  const succeeded = login.LoginResultType === 1 && login.IsSuccessByAPI !== false;
  const cookies = cookiePairs(answer.cookies);
  if (!succeeded) {
    const reason = [login.Message, login.MessageCode].filter((part): part is string => !!part).join(' / ') || `LoginResultType ${login.LoginResultType ?? 'missing'}`;
    throw new ConnectionError({
      reason: 'authentication',
      message: redactSecrets(
        `K/3 Cloud login for ${who} failed: ${reason}${cookies.length > 0 ? ' (the server set a session cookie anyway; it is not used)' : ''}.`,
        secrets,
      ),
      hint:
        login.MessageCode === 'CheckPasswordPolicy'
          ? 'The password has expired or breaks the password policy: change it in the K/3 Cloud client, then retry.'
          : 'Check the account set id (acctID), user name and password or app secret.',
    });
  }
  if (cookies.length === 0 && login.KDSVCSessionId) cookies.push(`kdservice-sessionid=${login.KDSVCSessionId}`);
  if (cookies.length === 0) {
    throw new ConnectionError({
      reason: 'authentication',
      message: `K/3 Cloud login for ${who} succeeded but returned no session cookie.`,
      hint: 'A proxy between custcode and K/3 Cloud may strip Set-Cookie headers.',
    });
  }
  return cookies.join('; ');
}
