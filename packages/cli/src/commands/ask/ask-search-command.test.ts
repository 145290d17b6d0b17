import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../../../test/test-io.js';

const CSV = [
  'code,name,region,category,status,createdAt',
  'C001,北京瑞远通科技有限公司,北京,经销商,blocked,2024-03-01',
  'C002,北京恒景禾贸易有限公司,北京,经销商,blocked,2023-05-01',
  'C003,北京鼎辉邦物流有限公司,北京,零售,active,2024-06-01',
  'C004,上海嘉禾食品有限公司,上海,零售,blocked,2024-07-01',
].join('\n');

describe('custcode search --ask', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'custcode-ask-'));
    writeFileSync(join(directory, 'clients.csv'), CSV);
    const columns = { code: 'code', name: 'name', region: 'region', category: 'category', status: 'status', createdAt: 'createdAt' };
    writeFileSync(join(directory, 'custcode.config.json'), JSON.stringify({ sources: { clients: { erp: 'file', path: './clients.csv', columns } } }));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('turns the question into filters using the regions the source has, prints them on stderr, keeps --json an array', async () => {
    const run = await runInProcess(['search', 'clients', '--ask', '北京 停用 的客户 2024年以后新增', '--json'], { cwd: directory });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('"停用" → status=blocked');
    expect(run.stderr).toContain('"北京" → region=北京');
    expect(run.stderr).toContain('"新增 2024年以后" → createdFrom=2024-01-01');
    const customers = JSON.parse(run.stdout) as Array<{ code: string }>;
    expect(customers.map((customer) => customer.code)).toEqual(['C001']);
  });

  it('reads an English place name as the region the source has', async () => {
    const run = await runInProcess(['search', 'clients', '--ask', 'blocked customers in Shanghai', '--json'], { cwd: directory });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('"Shanghai" → region=上海  (Shanghai is 上海 in this source)');
    expect((JSON.parse(run.stdout) as Array<{ code: string }>).map((customer) => customer.code)).toEqual(['C004']);
  });

  it('refuses an impossible date in the question or a flag with exit 2, naming it', async () => {
    const question = await runInProcess(['search', 'clients', '--ask', '2024-13-01以后新增'], { cwd: directory });
    expect(question).toMatchObject({ exitCode: 2, stdout: '' });
    expect(question.stderr).toContain('error: Cannot read the date in "2024-13-01以后": "2024-13-01" is not a date: there is no month 13.');
    const flag = await runInProcess(['search', 'clients', '--ask', '北京 停用', '--created-to', '2024-02-30', '--json'], { cwd: directory });
    expect(flag.exitCode).toBe(2);
    expect(JSON.parse(flag.stdout)).toMatchObject({ error: { code: 'USAGE', message: 'Invalid --created-to: "2024-02-30" is not a date: 2024-02 has no day 30.' } });
    const limit = await runInProcess(['search', 'clients', '--ask', '前0个停用客户'], { cwd: directory });
    expect(limit.exitCode).toBe(2);
    expect(limit.stderr).toContain('error: Invalid --ask (limit)');
  });

  it('combines with flags (flags win) and shows a table in human mode', async () => {
    const run = await runInProcess(['search', 'clients', '--ask', 'blocked customers', '--region', '上海'], { cwd: directory });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('C004');
    expect(run.stdout).not.toContain('C001');
  });
});
