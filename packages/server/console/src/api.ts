/** Talking to this server's API (same origin only): the API key header, and errors the UI can name. */
import type { MessageKey } from './messages.js';

const KEY_STORAGE = 'custcode.apiKey';

export function apiKey(): string {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? '';
  } catch {
    return '';
  }
}

export function saveApiKey(key: string): void {
  try {
    sessionStorage.setItem(KEY_STORAGE, key);
  } catch {
    // private mode: the key lives as long as the page
  }
}

/** A failed request: the HTTP status (0: no answer) and the server's error code and text (English, for the details). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

/** The catalogue entry that tells the user, in their language, what happened and what to do. */
export function errorMessageKey(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'errorUnknown';
  if (error.status === 0) return 'errorNetwork';
  if (error.status === 401) return 'errorAuth';
  if (error.status === 403) return 'errorDenied';
  if (error.code === 'CUSTOMER_NOT_FOUND') return 'errorNotFound';
  if (error.code === 'BUDGET_EXCEEDED') return 'errorBudget';
  if (error.code === 'SERVER_BUSY') return 'errorBusy';
  if (error.status === 400) return 'errorBadRequest';
  if (error.status >= 500) return 'errorBackend';
  return 'errorUnknown';
}

/** `fetch` with the API key; a non-2xx answer or no answer at all is an ApiError. */
export async function request(path: string, init: { method?: string; body?: string; signal?: AbortSignal } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  const key = apiKey();
  if (key) headers.authorization = `Bearer ${key}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: init.body }), ...(init.signal ? { signal: init.signal } : {}) });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', (error as Error).message);
  }
  if (response.ok) return response;
  let code = `HTTP_${response.status}`;
  let detail = `${response.status} ${response.statusText}`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; hint?: string } };
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) detail = `${body.error.message}${body.error.hint ? ` ${body.error.hint}` : ''}`;
  } catch {
    // not JSON: keep the status line
  }
  throw new ApiError(response.status, code, detail);
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await (await request(path, signal ? { signal } : {})).json()) as T;
}

export const sourcePath = (source: string, rest = '') => `/sources/${encodeURIComponent(source)}${rest}`;
