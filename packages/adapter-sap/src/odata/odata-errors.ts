import { BackendError, ConfigError, ConnectionError, NotAuthorizedError, type CustcodeError } from '@custcode/core';
import { redactSecrets } from '@custcode/core/adapter';

/** The V2 JSON error body: `{ error: { code, message: { lang, value }, innererror } }`. */
export function odataErrorOf(body: unknown): { code?: string; message?: string } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (!error || typeof error !== 'object') return {};
  const message = typeof error.message === 'string' ? error.message : (error.message as { value?: unknown } | undefined)?.value;
  return {
    ...(typeof error.code === 'string' ? { code: error.code } : {}),
    ...(typeof message === 'string' ? { message } : {}),
  };
}

export const AUTHORIZATION_HINT =
  'S/4HANA Cloud: the communication arrangement for scenario SAP_COM_0008 (Business Partner, Customer and Supplier Integration) must name this communication user or OAuth client. ' +
  'On-premise: the user needs a role (PFCG) with S_SERVICE for API_BUSINESS_PARTNER and display rights on customers (B_BUPA_RLT, F_KNA1_BUK / F_KNA1_GEN ACTVT 03); see the adapter README.';

export interface HttpFailure {
  status: number;
  body: unknown;
  /** Entity set or what was asked, for the message. */
  what: string;
  service: string;
  secrets: string[];
}

/** An HTTP error answer of the service as a typed custcode error; secrets are scrubbed from SAP's text. */
export function odataHttpError({ status, body, what, service, secrets }: HttpFailure): CustcodeError {
  const sap = odataErrorOf(body);
  const detail = redactSecrets(sap.message ?? (typeof body === 'string' ? body.slice(0, 200) : ''), secrets);
  const said = detail === '' ? '' : `: ${detail}`;
  // 401: the logon itself failed (user, password, token) — a ConnectionError of reason authentication, as the
  // source contract has it for every product; 403: logged on, but not allowed to read this.
  if (status === 401) {
    return new ConnectionError({ reason: 'authentication', message: `SAP refused the logon for ${what} at ${service} (HTTP 401)${said}.`, hint: `Check user and password (or the OAuth client). ${AUTHORIZATION_HINT}` });
  }
  if (status === 403) {
    return new NotAuthorizedError({ message: `SAP refused reading ${what} through ${service} (HTTP 403)${said}.`, hint: AUTHORIZATION_HINT });
  }
  if (status === 404) {
    return new ConfigError({
      message: `SAP answered 404 for ${what} at ${service}: service not activated (/IWFND/MAINT_SERVICE), or the URL is not the service root${said}.`,
      hint: 'Activate API_BUSINESS_PARTNER in /IWFND/MAINT_SERVICE (on-premise) or set up the communication arrangement SAP_COM_0008 (Cloud); the url ends in /sap/opu/odata/sap/API_BUSINESS_PARTNER.',
    });
  }
  return new BackendError({
    message: `SAP answered HTTP ${status} for ${what} at ${service}${said}.`,
    hint: status === 400 ? 'A query option was refused; the message says which. Report it with the query used.' : 'Check the SAP Gateway error log (/IWFND/ERROR_LOG) for this request.',
    backendCode: sap.code ?? String(status),
    retryable: status >= 500,
  });
}

export function odataTimeoutError(service: string, timeoutMs: number): ConnectionError {
  return new ConnectionError({
    reason: 'timeout',
    message: `SAP did not answer within ${timeoutMs} ms at ${service}.`,
    hint: 'Raise timeoutMs, or lower pageSize so each request reads less.',
  });
}
