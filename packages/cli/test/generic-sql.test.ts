import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { createSeedTable } from '@custcode/sql';
import { type TestDatabase, testBackends } from '../../../test-support/backends.js';
import { runInProcess, tempProject } from './test-io.js';

const WRONG_PASSWORD = 'Wr0ngPassw0rd-zz9';

const rows = [
  { CustomerID: 'C001', CustomerName: '北京鑫恒泰科技有限公司', Phone: '010-1', Status: 'A', Modified: '2025-01-10 09:00:00' },
  { CustomerID: 'C002', CustomerName: 'Acme Trading Ltd', Phone: '021-2', Status: 'B', Modified: '2024-11-01 00:00:00' },
  { CustomerID: 'C003', CustomerName: '上海浦东发展有限公司', Phone: '021-3', Status: 'A', Modified: '2025-02-01 00:00:00' },
];

async function seed(database: TestDatabase): Promise<void> {
  await createSeedTable(database, 'Customer', [
    { name: 'CustomerID', type: 'text', length: 20, notNull: true },
    { name: 'CustomerName', type: 'text', length: 100 },
    { name: 'Phone', type: 'text', length: 30 },
    { name: 'Status', type: 'text', length: 1 },
    { name: 'Modified', type: 'datetime' },
  ], { primaryKey: ['CustomerID'] });
  await database.insert('Customer', rows);
}

const sourceConfig = (url: string, extra: Record<string, unknown> = {}) => ({
  erp: 'generic-sql',
  url,
  table: 'Customer',
  columns: { code: 'CustomerID', name: 'CustomerName', phone: 'Phone', updatedAt: 'Modified' },
  status: { column: 'Status', blocked: ['B'] },
  ...extra,
});

for (const backend of testBackends()) {
  if (backend.unavailable) console.warn(backend.unavailable);
  describe.skipIf(backend.unavailable)(`generic-sql source on ${backend.name}`, () => {
    let database: TestDatabase;
    let project: ReturnType<typeof tempProject>;
    beforeAll(async () => {
      database = await backend.createDatabase();
      await seed(database);
      project = tempProject({ sources: { crm: sourceConfig(database.url) } });
    });
    afterAll(async () => {
      project?.cleanup();
      await database?.drop();
    });

    it('gets, searches and exports through the CLI', async () => {
      const get = await runInProcess(['get', 'crm', 'C002', 'C404', '--json'], { cwd: project.directory });
      expect(get.exitCode).toBe(1);
      expect((JSON.parse(get.stdout) as Customer[]).map((customer) => [customer.code, customer.status, customer.erp])).toEqual([['C002', 'blocked', 'generic-sql']]);
      expect(get.stderr).toContain('not found: C404');
      const search = await runInProcess(['search', 'crm', '--updated-since', '2025-01-10', '--json'], { cwd: project.directory });
      expect(search.exitCode).toBe(0);
      expect((JSON.parse(search.stdout) as Customer[]).map((customer) => customer.code)).toEqual(['C001', 'C003']);
      const exported = await runInProcess(['export', 'crm', '--out', 'crm.ndjson', '--fields', 'code,name'], { cwd: project.directory });
      expect(exported.exitCode).toBe(0);
      const sources = await runInProcess(['sources', '--check'], { cwd: project.directory });
      expect(sources.exitCode).toBe(0);
      expect(sources.stdout).toMatch(/crm\s+generic-sql\s+.*\s+ok/);
    });

    // PostgreSQL here trusts local connections, so a wrong password would still connect.
    const passwordUntestable = backend.name === 'postgres' ? 'postgres test server uses trust authentication: wrong-password check skipped' : undefined;
    if (passwordUntestable) console.warn(passwordUntestable);
    it.skipIf(passwordUntestable)('reports a failing source with a typed error and never shows the password', async () => {
      const broken = tempProject({
        sources: {
          crm: sourceConfig(backend.name === 'sqlite' ? `sqlite:${join(project.directory, 'missing-dir', 'none.sqlite')}` : database.url, { password: { env: 'CRM_PASSWORD' } }),
        },
      });
      try {
        const human = await runInProcess(['sources', '--check'], { cwd: broken.directory, env: { CRM_PASSWORD: WRONG_PASSWORD } });
        expect(human.exitCode).toBeGreaterThanOrEqual(2);
        expect(human.stdout).toMatch(/crm\s+generic-sql/);
        expect(human.stdout).toMatch(/CONNECTION_FAILED|CONFIG_INVALID|BACKEND_ERROR|SCHEMA_MISMATCH/);
        const json = await runInProcess(['sources', '--check', '--json'], { cwd: broken.directory, env: { CRM_PASSWORD: WRONG_PASSWORD } });
        const [report] = JSON.parse(json.stdout) as Array<{ ok: boolean; error: { code: string; category: string } }>;
        expect(report!.ok).toBe(false);
        if (backend.name !== 'sqlite') expect(report!.error).toMatchObject({ code: 'CONNECTION_FAILED' });
        for (const output of [human.stdout, human.stderr, json.stdout, json.stderr]) {
          expect(output).not.toContain(WRONG_PASSWORD);
          expect(output).not.toMatch(/\n\s+at /);
        }
      } finally {
        broken.cleanup();
      }
    });
  });
}
