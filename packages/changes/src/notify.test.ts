import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../../../test-support/webhook-receiver.js';
import type { ChangeList } from './change-types.js';
import { appendChangeLine, postWebhook } from './notify.js';

const list: ChangeList = {
  source: 'u8', erp: 'yonyou-u8', mode: 'snapshot', since: null, generatedAt: '2026-01-01T00:00:00',
  added: [{ code: 'KH001', name: '北京瑞远通科技有限公司', status: 'active' }], changed: [], blocked: [], unblocked: [], deleted: [], limitations: [],
};

const receiver = (statuses: number[]) => startWebhookReceiver(statuses, 200);

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

describe('postWebhook', () => {
  it('POSTs the change list as JSON with an HMAC-SHA256 signature of the body, retrying after a 500', async () => {
    const local = await receiver([500]);
    server = local.server;
    const retries: string[] = [];
    await postWebhook(local.url, list, { secret: 's3cret', backoffMs: 10, onRetry: (_attempt, reason) => retries.push(reason) });
    expect(retries).toEqual(['HTTP 500']);
    expect(local.received).toHaveLength(2);
    const last = local.received[1]!;
    expect(JSON.parse(last.body)).toEqual(list);
    expect(last.headers['content-type']).toMatch(/^application\/json/);
    const expected = `sha256=${createHmac('sha256', 's3cret').update(last.body).digest('hex')}`;
    expect(last.headers['x-custcode-signature']).toBe(expected);
  });

  it('gives up after the retries with a typed error, and does not retry a 400', async () => {
    const failing = await receiver([503, 503, 503]);
    server = failing.server;
    await expect(postWebhook(failing.url, list, { retries: 2, backoffMs: 5 })).rejects.toMatchObject({ code: 'CONNECTION_FAILED', message: expect.stringMatching(/after 3 attempt\(s\): HTTP 503/) });
    expect(failing.received).toHaveLength(3);
    await new Promise((resolve) => failing.server.close(resolve));
    const refusing = await receiver([400]);
    server = refusing.server;
    await expect(postWebhook(refusing.url, list, { retries: 3, backoffMs: 5 })).rejects.toMatchObject({ code: 'BACKEND_ERROR' });
    expect(refusing.received).toHaveLength(1);
    expect(refusing.received[0]!.headers['x-custcode-signature']).toBeUndefined();
  });

  it('times out a receiver that never answers', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    server = silent;
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    await expect(postWebhook(url, list, { retries: 0, timeoutMs: 200 })).rejects.toThrow(/timed out/);
    silent.closeAllConnections();
  });
});

describe('appendChangeLine', () => {
  it('appends one JSON line per run', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'custcode-notify-'));
    const file = join(directory, 'changes.jsonl');
    await appendChangeLine(file, list);
    await appendChangeLine(file, { ...list, added: [] });
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as ChangeList).added.length)).toEqual([1, 0]);
    await rm(directory, { recursive: true, force: true });
  });
});
