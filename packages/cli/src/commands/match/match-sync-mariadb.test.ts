/**
 * `match` and `sync` against ERP databases on MariaDB (U8 and K/3 Cloud layouts, each in a database of the
 * test's own), not only SQLite and files. Without CUSTCODE_MARIADB_URL the suite is skipped with the reason
 * printed; under CI=true the URL is required.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createYonyouSource, seedU8Database } from '@custcode/adapter-yonyou';
import { seedK3CloudDatabase } from '@custcode/adapter-kingdee';
import { makeUscc, type SeedCustomer } from '@custcode/core/fixtures';
import { openHub } from '@custcode/hub';
import { testBackends, type TestDatabase } from '../../../../../test-support/backends.js';
import { runInProcess, tempProject } from '../../../test/test-io.js';

const mariadb = testBackends().find((backend) => backend.name === 'mariadb')!;
if (mariadb.unavailable) console.warn(`packages/cli match-sync-mariadb: ${mariadb.unavailable}`);

const USCC_A = makeUscc('110108', 60003734);
const USCC_B = makeUscc('310115', 12345678);
/** The old 15-character tax registration number embedding USCC_A's organisation code. */
const OLD_TAX_A = USCC_A.slice(2, 17);

const seed = (code: string, name: string, updatedAt: string, fields: Partial<SeedCustomer> = {}): SeedCustomer => ({ code, name, status: 'active', createdAt: '2022-03-01T09:00:00', updatedAt, ...fields });
const U8: SeedCustomer[] = [
  seed('KH001', '北京华信科技有限公司', '2023-01-05T10:00:00', { taxId: USCC_A }),
  seed('KH002', '上海远大物流有限公司', '2023-02-05T10:00:00', { taxId: USCC_B }),
  seed('KH003', '杭州星辰贸易有限公司', '2023-03-05T10:00:00', { phone: '13912345678' }),
  seed('KH004', '成都蓝天电子有限公司', '2023-04-05T10:00:00'),
];
const K3: SeedCustomer[] = [
  seed('CUST0001', '华信科技（北京）有限责任公司', '2023-01-06T10:00:00', { taxId: OLD_TAX_A, org: 'ORG1' }),
  // Distributed to a second org: one customer, two rows.
  seed('CUST0002', '远大物流（上海）有限公司', '2023-02-06T10:00:00', { taxId: USCC_B, org: 'ORG1', alsoIn: ['ORG2'] }),
  seed('CUST0003', '星辰贸易（杭州）有限公司', '2023-03-06T10:00:00', { phone: '+86 139 1234 5678', org: 'ORG1' }),
];

const readCsv = (path: string) => parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;

describe.skipIf(mariadb.unavailable)('match and sync over MariaDB sources', () => {
  let u8: TestDatabase;
  let k3: TestDatabase;
  let k3Rows: number;
  let project: ReturnType<typeof tempProject>;

  beforeAll(async () => {
    u8 = await mariadb.createDatabase();
    k3 = await mariadb.createDatabase();
    await seedU8Database(u8, U8, { source: 'u8' });
    k3Rows = (await seedK3CloudDatabase(k3, K3, { source: 'k3' })).length;
    project = tempProject({
      sources: { u8: { erp: 'yonyou-u8', url: u8.url }, k3: { erp: 'kingdee-k3cloud', url: k3.url } },
      roles: { matcher: { sources: { u8: { commands: ['match', 'export'], mask: ['taxId'] }, k3: { commands: ['match', 'export'] } } }, admin: { sources: { '*': { commands: '*' } } } },
      users: { mia: { role: 'matcher' }, root: { role: 'admin' } },
    });
  });
  afterAll(async () => {
    project?.cleanup();
    await u8?.drop();
    await k3?.drop();
  });

  it('links U8 and K/3 Cloud customers by tax id and by phone and name; a masked tax id links nothing and is written nowhere', async () => {
    const run = await runInProcess(['match', 'u8', 'k3', '--out', 'out', '--json', '--user', 'root'], { cwd: project.directory });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ records: 4 + k3Rows, sources: { u8: 4, k3: k3Rows } });
    const links = readCsv(join(project.directory, 'out', 'links.csv'));
    const idOf = (source: string, code: string) => links.find((link) => link.source === source && link.code === code)!.global_id;
    expect(idOf('k3', 'CUST0001')).toBe(idOf('u8', 'KH001'));
    expect(idOf('k3', 'CUST0002')).toBe(idOf('u8', 'KH002'));
    expect(idOf('k3', 'CUST0003')).toBe(idOf('u8', 'KH003'));
    expect(new Set(links.filter((link) => link.code === 'CUST0002').map((link) => link.global_id)).size).toBe(1);
    expect(links.filter((link) => link.global_id === idOf('u8', 'KH004'))).toHaveLength(1);

    const masked = await runInProcess(['match', 'u8', 'k3', '--out', 'masked', '--format', 'csv,xlsx', '--user', 'mia'], { cwd: project.directory });
    expect(masked.exitCode).toBe(0);
    const maskedLinks = readCsv(join(project.directory, 'masked', 'links.csv'));
    // No link that reaches a U8 record rests on a tax id (the names may still score: they are not masked).
    const u8Clusters = new Set(maskedLinks.filter((link) => link.source === 'u8').map((link) => link.global_id));
    expect(maskedLinks.filter((link) => u8Clusters.has(link.global_id) && ['uscc', 'org-code'].includes(link.evidence!))).toEqual([]);
    const maskedId = (source: string, code: string) => maskedLinks.find((link) => link.source === source && link.code === code)!.global_id;
    // Phone and name still link KH003.
    expect(maskedId('k3', 'CUST0003')).toBe(maskedId('u8', 'KH003'));
    expect(maskedLinks.filter((link) => ['CUST0003', 'KH003'].includes(link.code!) && link.evidence !== '').map((link) => link.evidence)).toEqual(['phone-name', 'phone-name']);
    const written = ['links.csv', 'golden.csv', 'review.csv', 'match-report.html'].map((file) => readFileSync(join(project.directory, 'masked', file), 'utf8')).join('\n');
    expect(written).not.toContain(USCC_A);
  });

  it('syncs both into a hub (DuckDB and Parquet), adds links and golden from match --hub, and reads only the changed row the next time', async () => {
    const first = await runInProcess(['sync', 'u8', 'k3', '--to', 'hub.duckdb', '--json', '--user', 'root'], { cwd: project.directory });
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ sources: [{ source: 'u8', mode: 'snapshot', inserted: 4, present: 4 }, { source: 'k3', mode: 'snapshot', inserted: k3Rows, present: k3Rows }] });
    expect((await runInProcess(['match', 'u8', 'k3', '--out', 'hubbed', '--hub', 'hub.duckdb', '--user', 'root'], { cwd: project.directory })).exitCode).toBe(0);

    // An ERP user edits one customer (in the test's own database).
    await u8.run(`UPDATE ${u8.quote('Customer')} SET ${u8.quote('cCusName')} = ?, ${u8.quote('dModifyDate')} = ? WHERE ${u8.quote('cCusCode')} = ?`, ['成都蓝天电子科技有限公司', '2024-05-01 08:00:00', 'KH004']);
    const second = await runInProcess(['sync', 'u8', '--to', 'hub.duckdb', '--json', '--user', 'root'], { cwd: project.directory });
    expect(second.exitCode).toBe(0);
    const [result] = JSON.parse(second.stdout).sources as Array<Record<string, unknown>>;
    expect(result).toMatchObject({ source: 'u8', mode: 'incremental', updated: 1, inserted: 0, deleted: 0, present: 4 });
    expect(result!.read as number).toBeLessThan(4);

    const hub = await openHub(join(project.directory, 'hub.duckdb'));
    try {
      expect((await hub.clustersOf('KH001', 'u8')).map((link) => `${link.source}:${link.code}`)).toEqual(['k3:CUST0001', 'u8:KH001']);
      expect((await hub.customers({ source: 'u8' })).find((row) => row.code === 'KH004')?.name).toBe('成都蓝天电子科技有限公司');
    } finally {
      await hub.close();
    }

    // The restricted role's Parquet dataset: the masked tax id stays masked there too.
    const parquet = await runInProcess(['sync', 'u8', 'k3', '--to', 'lake', '--format', 'parquet', '--user', 'mia'], { cwd: project.directory });
    expect(parquet.exitCode).toBe(0);
    const reader = await openHub(':memory:');
    try {
      const rows = await reader.query<{ source: string; code: string; tax_id: string | null }>(
        `SELECT source, code, tax_id FROM read_parquet('${join(project.directory, 'lake', 'customers', '*', '*.parquet')}', hive_partitioning = true) ORDER BY source, code`,
      );
      expect(rows.map((row) => `${row.source}:${row.code}`)).toEqual([...K3.flatMap((customer) => (customer.alsoIn ? [customer, customer] : [customer])).map((customer) => `k3:${customer.code}`), ...U8.map((customer) => `u8:${customer.code}`)]);
      expect(JSON.stringify(rows)).not.toContain(USCC_A);
      expect(rows.find((row) => row.code === 'CUST0002')?.tax_id).toBe(USCC_B);
    } finally {
      await reader.close();
    }
  });
});
