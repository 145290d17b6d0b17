import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testBackends } from '../../../../../test-support/backends.js';
import { startWebhookReceiver } from '../../../../../test-support/webhook-receiver.js';
import { runInProcess } from '../../../test/test-io.js';

/** The classic in-house `Customer` table, read as a generic-sql source. */
const COLUMNS = { code: 'CustomerID', name: 'CustomerName', region: 'Region', createdAt: 'CreatedAt', updatedAt: 'UpdatedAt' };
const ROWS = [
  { CustomerID: 'C001', CustomerName: '北京瑞远通科技有限公司', Region: '北京', Status: 'A', CreatedAt: '2024-01-05 10:00:00', UpdatedAt: '2024-01-05 10:00:00' },
  { CustomerID: 'C002', CustomerName: '上海恒景禾贸易有限公司', Region: '上海', Status: 'A', CreatedAt: '2024-02-05 10:00:00', UpdatedAt: '2024-02-05 10:00:00' },
  { CustomerID: 'C003', CustomerName: '杭州鼎辉邦物流有限公司', Region: '浙江', Status: 'A', CreatedAt: '2024-03-05 10:00:00', UpdatedAt: '2024-03-05 10:00:00' },
  { CustomerID: 'C004', CustomerName: 'Hamburg Trading GmbH', Region: 'Hamburg', Status: 'A', CreatedAt: '2024-04-05 10:00:00', UpdatedAt: '2024-04-05 10:00:00' },
];


async function createTable(database: TestDatabase): Promise<void> {
  const q = database.quote;
  await database.run(
    `CREATE TABLE ${q('Customer')} (${q('CustomerID')} VARCHAR(20) NOT NULL PRIMARY KEY, ${q('CustomerName')} VARCHAR(200) NOT NULL, ` +
      `${q('Region')} VARCHAR(40), ${q('Status')} VARCHAR(2) NOT NULL, ${q('CreatedAt')} DATETIME, ${q('UpdatedAt')} DATETIME)`,
  );
  await database.insert('Customer', ROWS);
}

/** Inserting, updating, blocking and deleting rows the way an ERP user would. */
async function editRows(database: TestDatabase): Promise<void> {
  const q = database.quote;
  const p = (index: number) => (database.backend === 'postgres' ? `$${index}` : '?');
  await database.insert('Customer', [{ CustomerID: 'C005', CustomerName: '成都嘉禾食品有限公司', Region: '四川', Status: 'A', CreatedAt: '2025-06-02 09:00:00', UpdatedAt: '2025-06-02 09:00:00' }]);
  await database.run(`UPDATE ${q('Customer')} SET ${q('CustomerName')} = ${p(1)}, ${q('UpdatedAt')} = ${p(2)} WHERE ${q('CustomerID')} = ${p(3)}`, ['北京瑞远通科技股份有限公司', '2025-06-03 09:00:00', 'C001']);
  await database.run(`UPDATE ${q('Customer')} SET ${q('Status')} = ${p(1)}, ${q('UpdatedAt')} = ${p(2)} WHERE ${q('CustomerID')} = ${p(3)}`, ['B', '2025-06-04 09:00:00', 'C002']);
  await database.run(`DELETE FROM ${q('Customer')} WHERE ${q('CustomerID')} = ${p(1)}`, ['C003']);
}

const receiver = (statuses: number[]) => startWebhookReceiver(statuses, 204);

for (const backend of testBackends().filter((candidate) => candidate.name !== 'postgres')) {
  if (backend.unavailable) console.warn(`custcode changes on ${backend.name}: ${backend.unavailable}`);
  describe.skipIf(backend.unavailable !== undefined)(`custcode changes on ${backend.name} (generic-sql Customer table)`, () => {
    let database: TestDatabase;
    let directory: string;
    let hook: Awaited<ReturnType<typeof receiver>>;
    const env = { CUSTCODE_HOOK_SECRET: 'hook-secret-1' };
    beforeAll(async () => {
      database = await backend.createDatabase();
      await createTable(database);
      directory = mkdtempSync(join(tmpdir(), 'custcode-changes-'));
      const crm = { erp: 'generic-sql', url: database.url, table: 'Customer', columns: COLUMNS, status: { column: 'Status', blocked: ['B'], deleted: ['D'] } };
      writeFileSync(join(directory, 'custcode.config.json'), JSON.stringify({ sources: { crm } }));
      hook = await receiver([500]);
    });
    afterAll(async () => {
      await new Promise((resolve) => hook?.server.close(resolve));
      await database?.drop();
      if (directory) rmSync(directory, { recursive: true, force: true });
    });

    it('a first run with --save-snapshot takes the baseline and reports nothing', async () => {
      const run = await runInProcess(['changes', 'crm', '--snapshot', 'state.ndjson', '--save-snapshot', 'state.ndjson', '--quiet'], { cwd: directory, env });
      expect(run).toEqual({ exitCode: 0, stdout: '', stderr: '' });
      expect(readFileSync(join(directory, 'state.ndjson'), 'utf8').trimEnd().split('\n')).toHaveLength(1 + ROWS.length);
    });

    it('after edits, lists added, changed (old → new), blocked and deleted; notifies the webhook with a signature, retrying a 500', async () => {
      await editRows(database);
      const run = await runInProcess(['changes', 'crm', '--snapshot', 'state.ndjson', '--save-snapshot', 'state.ndjson', '--notify', hook.url, '--secret-env', 'CUSTCODE_HOOK_SECRET', '--json'], { cwd: directory, env });
      expect(run.exitCode).toBe(0);
      expect(run.stderr).toMatch(/notify: HTTP 500; retry 1/);
      const list = JSON.parse(run.stdout);
      expect(list.mode).toBe('snapshot');
      expect(list.added).toEqual([{ code: 'C005', name: '成都嘉禾食品有限公司', status: 'active' }]);
      expect(list.changed).toEqual([{ code: 'C001', name: '北京瑞远通科技股份有限公司', status: 'active', changes: { name: { from: '北京瑞远通科技有限公司', to: '北京瑞远通科技股份有限公司' } } }]);
      expect(list.blocked).toEqual([{ code: 'C002', name: '上海恒景禾贸易有限公司', status: 'blocked' }]);
      expect(list.unblocked).toEqual([]);
      expect(list.deleted).toEqual([{ code: 'C003', name: '杭州鼎辉邦物流有限公司', status: 'active' }]);

      expect(hook.received).toHaveLength(2);
      const delivered = hook.received[1]!;
      expect(JSON.parse(delivered.body)).toEqual(list);
      expect(delivered.headers['x-custcode-signature']).toBe(`sha256=${createHmac('sha256', env.CUSTCODE_HOOK_SECRET).update(delivered.body).digest('hex')}`);
      expect(run.stdout + run.stderr).not.toContain(env.CUSTCODE_HOOK_SECRET);
    });

    it('the saved snapshot moved on: the next run has nothing to report and --quiet prints nothing', async () => {
      const run = await runInProcess(['changes', 'crm', '--snapshot', 'state.ndjson', '--notify', 'changes.jsonl', '--quiet'], { cwd: directory, env });
      expect(run).toEqual({ exitCode: 0, stdout: '', stderr: '' });
      expect(() => readFileSync(join(directory, 'changes.jsonl'))).toThrow();
    });

    it('--since infers added / changed / blocked from the timestamps, says what it cannot see, and appends to a file', async () => {
      const run = await runInProcess(['changes', 'crm', '--since', '2025-06-01', '--notify', 'changes.jsonl'], { cwd: directory, env });
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(/^crm: 1 added, 1 changed, 1 blocked, 0 unblocked, 0 deleted \(since 2025-06-01\)/);
      expect(run.stdout).toMatch(/note: .*physically deleted rows .*cannot be seen/);
      const line = JSON.parse(readFileSync(join(directory, 'changes.jsonl'), 'utf8').trim());
      expect(line.added.map((entry: { code: string }) => entry.code)).toEqual(['C005']);
      expect(line.changed.map((entry: { code: string }) => entry.code)).toEqual(['C001']);
      expect(line.blocked.map((entry: { code: string }) => entry.code)).toEqual(['C002']);
    });
  });
}

describe('custcode changes usage', () => {
  it('needs --since or --snapshot, and refuses a missing snapshot with a hint', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'custcode-changes-usage-'));
    writeFileSync(join(directory, 'clients.csv'), '客户编号,客户名称\nC1,甲公司\n');
    writeFileSync(join(directory, 'custcode.config.json'), JSON.stringify({ sources: { clients: { erp: 'file', path: './clients.csv', columns: { code: '客户编号', name: '客户名称' } } } }));
    const nothing = await runInProcess(['changes', 'clients'], { cwd: directory });
    expect(nothing.exitCode).toBe(2);
    expect(nothing.stderr).toMatch(/hint: Pass --since DATE, or --snapshot FILE/);
    const missing = await runInProcess(['changes', 'clients', '--snapshot', 'nope.ndjson'], { cwd: directory });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/Snapshot nope.ndjson does not exist/);
    const untracked = await runInProcess(['changes', 'clients', '--since', '2025-01-01'], { cwd: directory });
    expect(untracked.exitCode).toBe(2);
    expect(untracked.stderr).toMatch(/no modified or created column/);
    rmSync(directory, { recursive: true, force: true });
  });
});
