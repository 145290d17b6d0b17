import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogEntry } from '@custcode/access';
import type { Customer } from '@custcode/core';
import { CLIENTS_CSV, clientsConfig } from '../../../test/fixtures.js';
import { runInProcess, tempProject } from '../../../test/test-io.js';

const roles = {
  viewer: { sources: { clients: { commands: ['get', 'search'], mask: { phone: 'partial', name: 'name' }, filter: { region: '华东' } } } },
  exporter: { sources: { '*': { commands: ['get', 'search', 'export'] } } },
  admin: { sources: { '*': { commands: '*' } } },
};
const users = { alice: { role: 'viewer' }, erin: { role: 'exporter' }, root: { role: 'admin' } };

let project: ReturnType<typeof tempProject>;
beforeAll(() => {
  project = tempProject(clientsConfig({ roles, users, accessLog: { path: './logs/access.jsonl' } }));
  project.write('clients.csv', `\uFEFF${CLIENTS_CSV}\n`);
});
afterAll(() => project.cleanup());
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runInProcess(args, { cwd: project.directory, env });
const logEntries = () => readFileSync(join(project.directory, 'logs', 'access.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as AccessLogEntry);

describe('roles in the CLI', () => {
  it('masks and filters what a viewer sees in tables and JSON', async () => {
    const result = await run(['--user', 'alice', 'search', 'clients', '--json']);
    expect(result.exitCode).toBe(0);
    const customers = JSON.parse(result.stdout) as Customer[];
    expect(customers.map((customer) => [customer.code, customer.name, customer.phone])).toEqual([
      ['C002', 'A********', '02****55'],
      ['C003', '上********', '02****66'],
    ]);
    expect(customers.map((customer) => customer.region)).toEqual(['华东', '华东']);
    expect(result.stdout).not.toContain('021-6666');
    expect(result.stdout).not.toContain('上海浦东发展有限公司');
    const table = await run(['search', 'clients'], { CUSTCODE_USER: 'alice' });
    expect(table.stdout).not.toContain('021-5555');
    expect(table.stdout).toContain('C003');
    expect(table.stdout).not.toContain('C001');
  });

  it('exits 4 when the role lacks the command, and logs the denial', async () => {
    const denied = await run(['--user', 'alice', 'export', 'clients', '--out', 'all.csv']);
    expect(denied.exitCode).toBe(4);
    expect(denied.stderr).toMatch(/Role "viewer" may not export source "clients"/);
    const unknown = await run(['--user', 'mallory', 'get', 'clients', 'C001', '--json']);
    expect(unknown.exitCode).toBe(4);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ error: { code: 'NOT_AUTHORIZED', category: 'access' } });
    expect(logEntries().filter((entry) => entry.outcome === 'denied').map((entry) => [entry.user, entry.command])).toEqual(
      expect.arrayContaining([['alice', 'export'], ['mallory', 'get']]),
    );
  });

  it('lets an exporter export unmasked and records the row count', async () => {
    const result = await run(['--user', 'erin', 'export', 'clients', '--out', 'all.csv']);
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(project.directory, 'all.csv'), 'utf8')).toContain('021-6666');
    expect(logEntries().at(-1)).toMatchObject({ user: 'erin', role: 'exporter', command: 'export', operation: 'search', records: 5, outcome: 'ok', via: 'cli' });
  });

  it('shows the log to an admin, filtered by user, and refuses others', async () => {
    const shown = await run(['access-log', '--user', 'erin', '--json'], { CUSTCODE_USER: 'root' });
    expect(shown.exitCode).toBe(0);
    const entries = JSON.parse(shown.stdout) as AccessLogEntry[];
    expect(entries.length).toBeGreaterThan(0);
    expect(new Set(entries.map((entry) => entry.user))).toEqual(new Set(['erin']));
    expect(JSON.stringify(entries)).not.toContain('021-6666');
    const human = await run(['access-log', '--since', '2000-01-01'], { CUSTCODE_USER: 'root' });
    expect(human.stdout).toMatch(/^time\s+user\s+role/);
    const chinese = await run(['access-log', '--since', '2000-01-01', '--lang', 'zh'], { CUSTCODE_USER: 'root' });
    expect(chinese.stdout).toMatch(/^时间\s+用户\s+角色\s+命令\s+操作\s+数据源\s+结果\s+记录数\s+查询条件\n/);
    const refused = await run(['access-log'], { CUSTCODE_USER: 'alice' });
    expect(refused.exitCode).toBe(4);
  });

  it('logs every read of the log, and every refused one', async () => {
    const shown = await run(['access-log', '--user', 'erin', '--json'], { CUSTCODE_USER: 'root' });
    const printed = (JSON.parse(shown.stdout) as AccessLogEntry[]).length;
    await run(['access-log'], { CUSTCODE_USER: 'alice' });
    const reads = logEntries().filter((entry) => entry.command === 'access-log').slice(-3);
    expect(reads).toMatchObject([
      { user: 'root', role: 'admin', operation: 'read', source: '*', query: { user: 'erin' }, outcome: 'started', records: 0, via: 'cli' },
      { user: 'root', operation: 'read', outcome: 'ok', records: printed },
      { user: 'alice', role: 'viewer', operation: 'read', outcome: 'denied', error: 'NOT_AUTHORIZED' },
    ]);
  });

  it('rejects a user whose role does not exist', async () => {
    const broken = tempProject(clientsConfig({ roles, users: { bob: { role: 'viewr' } } }));
    try {
      const result = await runInProcess(['get', 'clients', 'C001'], { cwd: broken.directory, env: {} });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/users\.bob\.role: no role named "viewr"/);
    } finally {
      broken.cleanup();
    }
  });
});

describe('without roles', () => {
  it('allows everything, as before', async () => {
    const open = tempProject(clientsConfig());
    open.write('clients.csv', `\uFEFF${CLIENTS_CSV}\n`);
    try {
      const result = await runInProcess(['--user', 'anyone', 'get', 'clients', 'C003', '--json'], { cwd: open.directory, env: {} });
      expect(result.exitCode).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject([{ phone: '021-6666' }]);
    } finally {
      open.cleanup();
    }
  });
});
