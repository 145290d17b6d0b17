import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AccessLogEntry, createFileAccessLog, parseSince, readAccessLog } from './access-log.js';
import { authenticateApiKey, hashApiKey } from './api-key.js';

const entry = (user: string, time: string): AccessLogEntry => ({
  time, user, role: 'viewer', command: 'search', operation: 'search', source: 'k3', query: { text: 'hua' }, records: 3, outcome: 'ok',
});

describe('file access log', () => {
  it('appends JSON lines and reads them back filtered by user and time', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'custcode-access-')), 'logs', 'access.jsonl');
    const log = createFileAccessLog(path);
    log.record(entry('alice', '2026-01-02T10:00:00.000Z'));
    log.record(entry('bob', '2026-03-01T10:00:00.000Z'));
    log.record(entry('alice', '2026-05-01T10:00:00.000Z'));
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(3);
    const read = async (filter: Parameters<typeof readAccessLog>[1]) => {
      const entries: AccessLogEntry[] = [];
      for await (const item of readAccessLog(path, filter)) entries.push(item);
      return entries.map((item) => `${item.user}@${item.time.slice(0, 7)}`);
    };
    expect(await read({ user: 'alice' })).toEqual(['alice@2026-01', 'alice@2026-05']);
    expect(await read({ since: parseSince('2026-02-15') })).toEqual(['bob@2026-03', 'alice@2026-05']);
  });

  it('refuses an invalid --since, impossible days and times included, with the one date check', () => {
    expect(() => parseSince('yesterday')).toThrow(/is not a date/);
    expect(() => parseSince('2024-02-30', '--since')).toThrow('Invalid --since: "2024-02-30" is not a date: 2024-02 has no day 30.');
    expect(() => parseSince('2024-13-01')).toThrow(/no month 13/);
    expect(() => parseSince('2024-01-01T25:00')).toThrow(/not a time of day/);
  });

  it('reads --since in local time, with a T or a space', () => {
    expect(parseSince('2026-02-15').getTime()).toBe(new Date(2026, 1, 15).getTime());
    expect(parseSince('2026-02-15 10:30').getTime()).toBe(new Date(2026, 1, 15, 10, 30).getTime());
    expect(parseSince('2026-02-15T10:30:05').getTime()).toBe(new Date(2026, 1, 15, 10, 30, 5).getTime());
  });
});

describe('API keys', () => {
  const policy = {
    users: {
      crm: { role: 'analyst', apiKey: { sha256: hashApiKey('crm-secret') } },
      finance: { role: 'exporter', apiKey: { env: 'FINANCE_KEY' } },
      alice: { role: 'viewer' },
    },
  };
  it('finds the user of a hashed or environment key', () => {
    expect(authenticateApiKey(policy, 'crm-secret', {})).toBe('crm');
    expect(authenticateApiKey(policy, 'fin-secret', { FINANCE_KEY: 'fin-secret' })).toBe('finance');
  });
  it('rejects unknown and empty keys', () => {
    expect(authenticateApiKey(policy, 'guess', { FINANCE_KEY: 'fin-secret' })).toBeUndefined();
    expect(authenticateApiKey(policy, '', {})).toBeUndefined();
  });
});
