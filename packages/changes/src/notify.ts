import { createHmac } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { ConnectionError } from '@custcode/core';
import { BackendError } from '@custcode/core';
import type { ChangeList } from './change-types.js';

export const SIGNATURE_HEADER = 'X-Custcode-Signature';

/** `sha256=<hex HMAC-SHA256 of the body>`: receivers recompute it with the shared secret to trust the payload. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export interface WebhookOptions {
  /** Shared secret for the signature header; without it no signature is sent. */
  secret?: string;
  /** Attempts after the first one (default 3). */
  retries?: number;
  /** Per attempt (default 10 s). */
  timeoutMs?: number;
  /** First wait between attempts, doubled each time (default 1 s). */
  backoffMs?: number;
  /** Called before each retry (logging). */
  onRetry?: (attempt: number, reason: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Server errors, rate limits and timeouts are worth another try; other 4xx answers are not. */
const retryableStatus = (status: number) => status >= 500 || status === 429 || status === 408;

/** POSTs the change list as JSON; retries with exponential backoff on network errors, timeouts, 5xx and 429. */
export async function postWebhook(url: string, list: ChangeList, options: WebhookOptions = {}): Promise<void> {
  const body = JSON.stringify(list);
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'custcode' };
  if (options.secret) headers[SIGNATURE_HEADER] = signBody(body, options.secret);
  const retries = options.retries ?? 3;
  let wait = options.backoffMs ?? 1000;
  // Only the origin in messages: webhook paths and queries often carry a token (Slack, DingTalk, WeCom).
  const shown = new URL(url).origin;
  for (let attempt = 0; ; attempt++) {
    let reason: string;
    let retryable = true;
    try {
      const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return;
      reason = `HTTP ${response.status}`;
      retryable = retryableStatus(response.status);
    } catch (error) {
      reason = (error as Error).name === 'TimeoutError' ? 'timed out' : ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
    }
    if (!retryable || attempt >= retries) {
      const hint = 'Check the --notify URL and that the receiver is up; the snapshot is not saved, so the next run reports these changes again.';
      const message = `Webhook ${shown} failed after ${attempt + 1} attempt(s): ${reason}.`;
      throw retryable ? new ConnectionError({ message, hint, reason: reason === 'timed out' ? 'timeout' : 'unreachable' }) : new BackendError({ message, hint });
    }
    options.onRetry?.(attempt + 1, reason);
    await sleep(wait);
    wait *= 2;
  }
}

/** Appends the change list as one JSON line (JSON Lines), for a log file or a mail script to pick up. */
export async function appendChangeLine(file: string, list: ChangeList): Promise<void> {
  await appendFile(file, `${JSON.stringify(list)}\n`, 'utf8');
}
