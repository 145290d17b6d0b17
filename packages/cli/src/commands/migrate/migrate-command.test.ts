import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemorySource, type Customer } from '@custcode/core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MigrateCommandOptions, runMigrate } from './migrate-command.js';
import { captureIo } from '../../../test/test-io.js';

const customer = (code: string, name: string, extra: Partial<Customer> = {}): Customer => ({
  source: 'u8', erp: 'yonyou-u8', code, name, shortName: name.slice(0, 4), status: 'active', createdAt: '2026-03-05T10:00:00',
  category: '批发客户', region: '北京', raw: { cCusCode: code }, ...extra,
});
const u8Rows = [
  customer('0001', '北京恒景禾贸易有限公司', { taxId: '91110108MA01234567' }),
  customer('0002', '上海鼎辉邦物流有限公司', { region: '上海' }),
  customer('KH20260001', '广州宏腾盈电子有限公司', { category: '零售客户', region: '广东' }),
];
const u8 = (rows: Customer[] = u8Rows) => createMemorySource({ name: 'u8', erp: 'yonyou-u8', customers: rows });
const k3 = (rows: Customer[]) => createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers: rows.map((row) => ({ ...row, source: 'k3', erp: 'kingdee-k3cloud' as const })) });
const RULE = 'KH{YYYY}{seq:4}';

const readCsv = (path: string) => {
  const text = readFileSync(path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parse(text.slice(1), { columns: true }) as Array<Record<string, string>>;
};
async function readXlsx(path: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: string[][] = [];
  const sheet = workbook.worksheets[0]!;
  sheet.eachRow((row) => rows.push(Array.from({ length: sheet.columnCount }, (_, index) => {
    const value = row.getCell(index + 1).value;
    return value === null || value === undefined ? '' : String(value);
  })));
  return rows;
}

describe('runMigrate', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'custcode-migrate-cli-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const run = async (options: Omit<MigrateCommandOptions, 'sourceName'> & { sourceName?: string }) => {
    const captured = captureIo(directory);
    const exitCode = await runMigrate({ sourceName: 'u8', ...options }, captured.io);
    return { exitCode, stdout: captured.stdout(), stderr: captured.stderr() };
  };

  it('writes the crosswalk and the K/3 Cloud import files, and a re-run keeps every number', async () => {
    const first = await run({ source: u8(), target: k3([]), rule: RULE, out: 'k3-run', json: true });
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ source: 'u8', target: 'k3', layout: 'k3cloud', rows: 3, needsDecision: false, decisions: { generated: 3, kept: 0, conflict: 0, 'merged-into': 0 } });
    const out = join(directory, 'k3-run');
    expect(summary.files).toEqual([join(out, 'crosswalk.csv'), join(out, 'k3cloud-BD_Customer.csv'), join(out, 'k3cloud-BD_Customer.xlsx')]);
    const crosswalk = readCsv(join(out, 'crosswalk.csv'));
    expect(crosswalk.map((row) => [row.old_code, row.new_code, row.decision])).toEqual([
      ['0001', 'KH20260001', 'generated'], ['0002', 'KH20260002', 'generated'], ['KH20260001', 'KH20260003', 'generated'],
    ]);
    const imported = readCsv(join(out, 'k3cloud-BD_Customer.csv'));
    expect(imported[0]).toMatchObject({ FNumber: 'KH20260001', FName: '北京恒景禾贸易有限公司', FTAXREGISTERCODE: '91110108MA01234567', FGroup: '批发客户', FDescription: '原编码 0001' });
    const sheet = await readXlsx(join(out, 'k3cloud-BD_Customer.xlsx'));
    expect(sheet[0]!.slice(0, 5)).toEqual(['FNumber', 'FName', 'FShortName', 'FCreateOrgId', 'FUseOrgId']);
    expect(sheet.slice(1).map((row) => row.slice(0, 2))).toEqual(imported.map((row) => [row.FNumber, row.FName]));

    const grown = [...u8Rows, customer('0000', '成都博宇图软件有限公司'), customer('0003', '西安嘉航迈能源有限公司')];
    const second = await run({ source: u8(grown), target: k3([]), rule: RULE, out: 'k3-run', json: true });
    expect(second.exitCode).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ carriedOver: 3, decidedNow: 2 });
    const after = new Map(readCsv(join(out, 'crosswalk.csv')).map((row) => [row.old_code, row.new_code]));
    for (const row of crosswalk) expect(after.get(row.old_code)).toBe(row.new_code);
    expect([after.get('0000'), after.get('0003')]).toEqual(['KH20260004', 'KH20260005']);
    expect(readCsv(join(out, 'k3cloud-BD_Customer.csv'))).toHaveLength(5);
  });

  it('--keep-valid against a seeded target: never reuses a held code, names the holder, exits 1', async () => {
    const target = k3([customer('KH20260001', '已有客户有限公司', { org: '100001' }), customer('KH20260002', '另一已有客户有限公司')]);
    const result = await run({ source: u8(), target, rule: RULE, keepValid: true, out: 'conflicts' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('conflicts (first 1 of 1):\n  KH20260001: held by KH20260001 已有客户有限公司 (org 100001)');
    const rows = readCsv(join(directory, 'conflicts', 'crosswalk.csv'));
    expect(rows.find((row) => row.old_code === 'KH20260001')).toMatchObject({ decision: 'conflict', new_code: '', held_by: 'KH20260001 已有客户有限公司 (org 100001)' });
    const numbers = rows.map((row) => row.new_code).filter(Boolean);
    expect(numbers).toEqual(['KH20260003', 'KH20260004']);
    expect(readCsv(join(directory, 'conflicts', 'k3cloud-BD_Customer.csv')).map((row) => row.FNumber)).toEqual(numbers);

    // A decision resolves it; the earlier numbers stay.
    writeFileSync(join(directory, 'decisions.csv'), 'old_code,decision,into\nKH20260001,new,\n');
    const resolved = await run({ source: u8(), target, rule: RULE, keepValid: true, out: 'conflicts', decisions: 'decisions.csv', json: true });
    expect(resolved.exitCode).toBe(0);
    const after = readCsv(join(directory, 'conflicts', 'crosswalk.csv'));
    expect(after.map((row) => `${row.old_code}→${row.new_code} ${row.decision}`)).toEqual(['0001→KH20260003 generated', '0002→KH20260004 generated', 'KH20260001→KH20260005 generated']);
  });

  it('lists unmapped values (exit 1) and translates the mapped ones into the import file', async () => {
    writeFileSync(join(directory, 'map.json'), JSON.stringify({ category: { 批发客户: 'KHFZ01' }, region: { 北京: 'BJ', 上海: 'SH' }, org: { '*': '100001' } }));
    const result = await run({ source: u8(), rule: RULE, out: 'mapped', map: 'map.json', layout: 'k3cloud', json: true });
    expect(result.exitCode).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary.unmapped).toEqual([
      { field: 'category', value: '零售客户', count: 1, examples: ['KH20260001'] },
      { field: 'region', value: '广东', count: 1, examples: ['KH20260001'] },
    ]);
    const imported = readCsv(join(directory, 'mapped', 'k3cloud-BD_Customer.csv'));
    expect(imported.map((row) => [row.FGroup, row.FPROVINCIAL, row.FCreateOrgId, row.FUseOrgId])).toEqual([
      ['KHFZ01', 'BJ', '100001', '100001'], ['KHFZ01', 'SH', '100001', '100001'], ['零售客户', '广东', '100001', '100001'],
    ]);
  });

  it('--dry-run writes nothing, consumes no number and prints the summary', async () => {
    const dry = await run({ source: u8(), rule: RULE, out: 'dry', dryRun: true });
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run: nothing written\. Migration of u8 \(no target, rule KH\{YYYY\}\{seq:4\}\): 3 crosswalk rows/);
    expect(dry.stdout).toMatch(/generated\s+3/);
    expect(existsSync(join(directory, 'dry'))).toBe(false);
  });

  it('writes each layout in CSV and XLSX, Chinese intact', async () => {
    const expected = { sap: ['KUNNR', 'ALTKN', '0001'], ebs: ['CUSTOMER_NUMBER', 'ORIG_SYSTEM_CUSTOMER_REF', '0001'], u8: ['cCusCode', 'cMemo', '原编码 0001'] } as const;
    for (const [layout, [numberColumn, oldColumn, oldValue]] of Object.entries(expected)) {
      const result = await run({ source: u8(), rule: RULE, out: `layout-${layout}`, layout, json: true });
      expect(result.exitCode).toBe(0);
      const base = JSON.parse(result.stdout).files[1].replace(/\.csv$/, '');
      const csv = readCsv(`${base}.csv`);
      expect(csv[0]).toMatchObject({ [numberColumn]: 'KH20260001', [oldColumn]: oldValue });
      const sheet = await readXlsx(`${base}.xlsx`);
      expect(sheet[0]).toEqual(Object.keys(csv[0]!));
      expect(sheet[1]).toEqual(Object.values(csv[0]!));
      expect(sheet[1]).toContain('北京恒景禾贸易有限公司');
    }
  });

  it('keeps the crosswalk in a JSON file when --crosswalk names one, and orders by creation date on request', async () => {
    const dated = [customer('A1', '甲客户有限公司', { createdAt: '2026-05-01T00:00:00' }), customer('B1', '乙客户有限公司', { createdAt: '2026-01-01T00:00:00' })];
    const first = await run({ source: u8(dated), rule: 'C{seq:3}', out: 'json-store', crosswalk: 'json-store-crosswalk.json', order: 'created', json: true });
    expect(first.exitCode).toBe(0);
    const stored = JSON.parse(readFileSync(join(directory, 'json-store-crosswalk.json'), 'utf8'));
    expect(stored.map((row: { oldCode: string; newCode: string }) => `${row.oldCode}→${row.newCode}`)).toEqual(['B1→C001', 'A1→C002']);
    const again = await run({ source: u8([...dated, customer('0001', '丙客户有限公司')]), rule: 'C{seq:3}', out: 'json-store', crosswalk: 'json-store-crosswalk.json', json: true });
    expect(JSON.parse(again.stdout)).toMatchObject({ carriedOver: 2, decidedNow: 1 });
    const after = JSON.parse(readFileSync(join(directory, 'json-store-crosswalk.json'), 'utf8'));
    expect(after.map((row: { oldCode: string; newCode: string }) => `${row.oldCode}→${row.newCode}`)).toEqual(['0001→C003', 'A1→C002', 'B1→C001']);
  });

  it('--out CROSSWALK.csv names the crosswalk and puts the other files beside it', async () => {
    const result = await run({ source: u8(), target: k3([]), rule: RULE, out: 'as-file/u8-to-k3.csv', json: true });
    expect(result.exitCode).toBe(0);
    const out = join(directory, 'as-file');
    expect(JSON.parse(result.stdout).files).toEqual([join(out, 'u8-to-k3.csv'), join(out, 'k3cloud-BD_Customer.csv'), join(out, 'k3cloud-BD_Customer.xlsx')]);
    expect(readCsv(join(out, 'u8-to-k3.csv'))).toHaveLength(3);
    expect(existsSync(join(out, 'sequences.json'))).toBe(true);
    expect((await run({ source: u8(), rule: RULE, out: 'as-file/u8-to-k3.csv', crosswalk: 'other.csv' })).exitCode).toBe(2);
  });

  it('reports bad input with exit code 2 and a backend failure with 3', async () => {
    expect((await run({ source: u8(), rule: RULE, out: 'bad', date: '5/3/2026' })).exitCode).toBe(2);
    expect((await run({ source: u8(), rule: 'KH{seq:4', out: 'bad' })).exitCode).toBe(2);
    const missing = await run({ source: u8(), rule: RULE, out: 'bad', map: 'no-such-map.csv' });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('error: Cannot read --map');
    expect((await run({ source: u8(), rule: RULE, out: 'bad', crosswalk: 'postgres://x/y' })).exitCode).toBe(2);
    const failing = { ...u8(), search: () => { throw new Error('socket hang up'); } };
    expect((await run({ source: failing, rule: RULE, out: 'bad' })).exitCode).toBe(3);
  });
});
