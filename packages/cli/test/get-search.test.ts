import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { CLIENTS_CSV, clientsConfig } from './fixtures.js';
import { runInProcess, tempProject } from './test-io.js';

let project: ReturnType<typeof tempProject>;
beforeAll(() => {
  project = tempProject(clientsConfig());
  project.write('clients.csv', `\uFEFF${CLIENTS_CSV}\n`);
});
afterAll(() => project.cleanup());
const run = (args: string[], stdin?: string) => runInProcess(args, { cwd: project.directory, ...(stdin === undefined ? {} : { stdin }) });

describe('get', () => {
  it('prints an aligned table where Chinese characters count double', async () => {
    const result = await run(['get', 'clients', 'C001', 'C002']);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^code\s+name\s+shortName\s+status/);
    // The status column starts at the same display column in every row: 北京… is 22 characters wide, 44 columns.
    const statusColumn = (line: string) => [...line.slice(0, line.search(/(active|blocked|status)/))].reduce((width, character) => width + (/[\u4e00-\u9fff]/.test(character) ? 2 : 1), 0);
    expect(new Set([lines[0]!, lines[2]!, lines[3]!].map(statusColumn)).size).toBe(1);
    expect(lines[2]).toContain('北京鑫恒泰科技有限公司');
  });

  it('prints an array of Customer with --json and lists missing codes on stderr with exit 1', async () => {
    const result = await run(['get', 'clients', 'C003', 'NOPE', ' C001 ', '--json']);
    expect(result.exitCode).toBe(1);
    const customers = JSON.parse(result.stdout) as Customer[];
    expect(customers.map((customer) => customer.code)).toEqual(['C003', 'C001']);
    expect(customers[0]).toMatchObject({ source: 'clients', erp: 'file', name: '上海浦东发展有限公司', status: 'active', region: '华东', raw: { 客户编号: 'C003' } });
    expect(result.stderr).toBe('not found: NOPE\n');
  });

  it('reads codes from stdin with "-"', async () => {
    const result = await run(['get', 'clients', '-', '--json'], 'C010\n\nC002\r\nC004,MISSING\n');
    expect(result.exitCode).toBe(1);
    expect((JSON.parse(result.stdout) as Customer[]).map((customer) => [customer.code, customer.status])).toEqual([
      ['C010', 'active'],
      ['C002', 'blocked'],
      ['C004', 'deleted'],
    ]);
    expect(result.stderr).toContain('not found: MISSING');
  });

  it('exits 0 when every code is found and prints [] for nothing asked from an empty stdin', async () => {
    expect((await run(['get', 'clients', 'C001'])).exitCode).toBe(0);
    const empty = await run(['get', 'clients', '-', '--json'], '');
    expect(empty.exitCode).toBe(0);
    expect(JSON.parse(empty.stdout)).toEqual([]);
  });

  it('scopes a lookup by --org', async () => {
    const orgs = tempProject({ sources: { scoped: { erp: 'file', path: './scoped.csv', columns: { code: 'code', name: 'name', org: 'org' } } } });
    orgs.write('scoped.csv', 'code,name,org\nC001,北京一号,1000\nC001,北京二号,2000\n');
    try {
      const scoped = await runInProcess(['get', 'scoped', 'C001', '--org', '2000', '--json'], { cwd: orgs.directory });
      expect(JSON.parse(scoped.stdout)).toMatchObject([{ code: 'C001', name: '北京二号', org: '2000' }]);
      const elsewhere = await runInProcess(['get', 'scoped', 'C001', '--org', '3000'], { cwd: orgs.directory });
      expect(elsewhere.exitCode).toBe(1);
      expect(elsewhere.stderr).toBe('not found: C001 (org 3000)\n');
    } finally {
      orgs.cleanup();
    }
  });

  it('exits 2 on a usage error from commander', async () => {
    const result = await run(['get', 'clients']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("missing required argument 'codes'");
  });
});

describe('search', () => {
  it('matches text against names and pinyin initials, and filters', async () => {
    const pinyin = await run(['search', 'clients', 'shqh', '--json']);
    expect((JSON.parse(pinyin.stdout) as Customer[]).map((customer) => customer.code)).toEqual([]);
    const initials = await run(['search', 'clients', 'szqh', '--json']);
    expect((JSON.parse(initials.stdout) as Customer[]).map((customer) => customer.code)).toEqual(['C010']);
    // Initials count from the start of the name: qh (前海, inside 深圳前海…) does not find C010.
    const inside = await run(['search', 'clients', 'qh', '--json']);
    expect((JSON.parse(inside.stdout) as Customer[]).map((customer) => customer.code)).not.toContain('C010');
    const filtered = await run(['search', 'clients', '--region', '华东', '--status', 'active,blocked', '--json']);
    expect((JSON.parse(filtered.stdout) as Customer[]).map((customer) => customer.code)).toEqual(['C002', 'C003']);
    const prefix = await run(['search', 'clients', '--code-prefix', 'C00', '--name', '有限公司', '--json']);
    expect((JSON.parse(prefix.stdout) as Customer[]).map((customer) => customer.code)).toEqual(['C001', 'C003']);
  });

  it('gives the change feed with --updated-since (inclusive lower bound)', async () => {
    const result = await run(['search', 'clients', '--updated-since', '2025-02-01', '--json']);
    expect((JSON.parse(result.stdout) as Customer[]).map((customer) => customer.code)).toEqual(['C003', 'C010']);
  });

  it('applies a saved view, with flags on top', async () => {
    const view = await run(['search', 'clients', '--view', 'south-active', '--json']);
    expect((JSON.parse(view.stdout) as Customer[]).map((customer) => customer.code)).toEqual(['C010']);
    const override = await run(['search', 'clients', '--view', 'south-active', '--status', 'deleted', '--json']);
    expect((JSON.parse(override.stdout) as Customer[]).map((customer) => customer.code)).toEqual(['C004']);
  });

  it('limits human output and says there is more', async () => {
    const result = await run(['search', 'clients', '--limit', '2']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(4);
    expect(result.stderr).toContain('showing the first 2');
  });

  it('rejects bad filter values with exit 2', async () => {
    const date = await run(['search', 'clients', '--created-from', '2025/01/01']);
    expect(date.exitCode).toBe(2);
    expect(date.stderr).toContain('error: Invalid --created-from: "2025/01/01" is not a date');
    const limit = await run(['search', 'clients', '--limit', 'ten']);
    expect(limit.exitCode).toBe(2);
    expect(limit.stderr).toContain('--limit must be a whole number 1 or more, not "ten"');
  });
});

describe('sources', () => {
  it('lists sources and checks them, with a typed error for a broken one', async () => {
    const broken = tempProject(clientsConfig({ sources: { clients: clientsConfig().sources.clients, gone: { erp: 'file', path: './missing.xlsx', columns: { code: 'A', name: 'B' } } } }));
    broken.write('clients.csv', CLIENTS_CSV);
    try {
      const list = await runInProcess(['sources'], { cwd: broken.directory });
      expect(list.exitCode).toBe(0);
      expect(list.stdout).toMatch(/clients\s+file\s+\.\/clients\.csv/);
      const check = await runInProcess(['sources', '--check', '--json'], { cwd: broken.directory });
      expect(check.exitCode).toBe(2);
      const reports = JSON.parse(check.stdout) as Array<{ name: string; ok: boolean; error?: { code: string } }>;
      expect(reports.map((report) => [report.name, report.ok])).toEqual([
        ['clients', true],
        ['gone', false],
      ]);
      expect(reports[1]!.error).toBeDefined();
      expect(check.stdout).not.toMatch(/\n\s+at /);
    } finally {
      broken.cleanup();
    }
  });
});
