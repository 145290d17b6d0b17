import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../program.js';

const CSV = [
  '客户编号,客户名称,税号',
  'C0001,北京星辰科技有限公司,',
  'C0002,上海瑞丰贸易有限公司,91310115MA1K3L6X1Q',
  'c0002,杭州永安物流有限公司,',
  'C0004,深圳鼎盛电子有限公司,',
  'C0005,星辰科技（北京）股份有限公司,',
  'C0006,成都嘉禾食品有限公司,',
].join('\n');

async function run(args: string[], cwd: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: [Buffer[], Buffer[]] = [[], []];
  out.on('data', (chunk: Buffer) => chunks[0].push(chunk));
  err.on('data', (chunk: Buffer) => chunks[1].push(chunk));
  const exitCode = await runCli(args, { stdout: out, stderr: err, stdin: Readable.from(['']), stderrIsTTY: false, env: {}, cwd });
  await new Promise((resolve) => setImmediate(resolve));
  return { exitCode, stdout: Buffer.concat(chunks[0]).toString('utf8'), stderr: Buffer.concat(chunks[1]).toString('utf8') };
}

describe('custcode audit (end to end, CSV file source)', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'custcode-audit-e2e-'));
    writeFileSync(join(directory, 'clients.csv'), CSV);
    writeFileSync(join(directory, 'custcode.config.json'), JSON.stringify({
      sources: { clients: { erp: 'file', path: './clients.csv', columns: { code: '客户编号', name: '客户名称', taxId: '税号' } } },
      rules: { c: 'C{seq:4}' },
    }));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('reports duplicates, gaps, tax ids and near-duplicates as JSON and writes both files', async () => {
    const result = await run(['audit', 'clients', '--rule', 'c', '--json', '--html', 'audit.html', '--fix-plan', 'plan.csv'], directory);
    expect(result.stderr).not.toMatch(/^error/m);
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.duplicates).toEqual([{ code: 'C0002', records: ['C0002', 'c0002'], names: ['上海瑞丰贸易有限公司', '杭州永安物流有限公司'], rowIds: [null, null], org: null }]);
    expect(report.gaps).toEqual([{ prefix: 'C', from: 3, to: 3, legitimate: true }]);
    expect(report.invalidTaxIds.map((item: { code: string }) => item.code)).toEqual(['C0002']);
    expect(report.nearDuplicates).toMatchObject([{ codes: ['C0001', 'C0005'], reason: 'same-name' }]);
    expect(readFileSync(join(directory, 'audit.html'), 'utf8')).toContain('<svg');
    expect(readFileSync(join(directory, 'plan.csv'), 'utf8')).toContain('recode-duplicate,c0002,C0007,C0002');
  });

  it('writes the HTML report in Chinese with --lang zh, in English by default', async () => {
    expect((await run(['audit', 'clients', '--html', 'zh.html', '--lang', 'zh'], directory)).exitCode).toBe(0);
    expect((await run(['audit', 'clients', '--html', 'en.html'], directory)).exitCode).toBe(0);
    const zh = readFileSync(join(directory, 'zh.html'), 'utf8');
    const en = readFileSync(join(directory, 'en.html'), 'utf8');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('客户编号审计 — clients');
    expect(zh).not.toContain('Customer code audit');
    expect(en).toContain('Customer code audit — clients');
    expect(en).not.toContain('客户编号审计');
    expect((await run(['audit', 'clients', '--html', 'x.html', '--lang', 'fr'], directory)).exitCode).toBe(2);
  });

  it('exits 2 for a rule that does not parse', async () => {
    const result = await run(['audit', 'clients', '--rule', 'C{seq:x}'], directory);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: Rule syntax error/);
  });
});

describe('custcode audit of a file with rows without a code', () => {
  let directory: string;
  const rows = [['KH001', '北京星辰科技有限公司', '91110108MA01C0001L'], ['', '大连星海港务有限公司', ''], ['KH003', '上海瑞丰贸易有限公司', '']];
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'custcode-audit-missing-'));
    writeFileSync(join(directory, 'clients.csv'), iconv.encode(`客户编号,客户名称,税号\n${rows.map((row) => row.join(',')).join('\n')}\n`, 'gb18030'));
    // The same rows in a customer table, read by generic-sql: the file must be audited the same way.
    const database = new Database(join(directory, 'crm.sqlite'));
    database.exec('CREATE TABLE Customer (CustomerID TEXT, CustomerName TEXT, TaxNo TEXT)');
    const insert = database.prepare('INSERT INTO Customer VALUES (?, ?, ?)');
    for (const row of rows) insert.run(...row);
    database.close();
    writeFileSync(join(directory, 'custcode.config.json'), JSON.stringify({
      sources: {
        f: { erp: 'file', path: './clients.csv', encoding: 'gb18030', columns: { code: '客户编号', name: '客户名称', taxId: '税号' } },
        crm: { erp: 'generic-sql', url: 'sqlite:./crm.sqlite', table: 'Customer', columns: { code: 'CustomerID', name: 'CustomerName', taxId: 'TaxNo' } },
      },
    }));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('reports the code-less row in missing, as generic-sql over the same rows does', async () => {
    const file = await run(['audit', 'f', '--json'], directory);
    const sql = await run(['audit', 'crm', '--json'], directory);
    expect([file.exitCode, sql.exitCode]).toEqual([0, 0]);
    const [fileReport, sqlReport] = [JSON.parse(file.stdout), JSON.parse(sql.stdout)];
    expect(fileReport.total).toBe(3);
    expect(fileReport.missing).toMatchObject([{ name: '大连星海港务有限公司' }]);
    for (const key of ['total', 'missing', 'duplicates', 'gaps', 'formatViolations', 'invalidTaxIds']) expect(fileReport[key], key).toEqual(sqlReport[key]);
  });

  it('lists and exports the row, and counts it', async () => {
    const search = await run(['search', 'f', '--json'], directory);
    expect(JSON.parse(search.stdout).map((customer: { code: string; name: string }) => [customer.code, customer.name])).toEqual([['', '大连星海港务有限公司'], ['KH001', '北京星辰科技有限公司'], ['KH003', '上海瑞丰贸易有限公司']]);
    const exported = await run(['export', 'f', '--out', 'f.ndjson', '--json'], directory);
    expect(JSON.parse(exported.stdout)).toMatchObject({ rows: 3 });
  });
});
