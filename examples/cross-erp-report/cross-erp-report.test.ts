/**
 * Runs the example as a user would (`node examples/cross-erp-report/report.mjs DEMO_DIR OUT_DIR`, built
 * packages) against a demo made by the built CLI, then reads its files back with csv-parse and exceljs and
 * compares them with the sources (through the package sources) and with the demo's own tables.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedOutput, outputMismatch } from '../documented-output.js';
import { createKingdeeSource } from '@custcode/adapter-kingdee';
import { createOracleEbsSource } from '@custcode/adapter-oracle';
import { createSapSource } from '@custcode/adapter-sap';
import { createRfcEmulator, readEmulatorData } from '@custcode/adapter-sap/emulator';
import { createYonyouSource } from '@custcode/adapter-yonyou';
import type { CustomerSource } from '@custcode/core';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');
const script = join(import.meta.dirname, 'report.mjs');
const notBuilt = existsSync(bin) ? undefined : `${bin} is missing: run \`npm run build\` first (npm test does); the cross-erp-report example is skipped.`;
if (notBuilt) console.warn(notBuilt);

type Row = Record<string, string>;

describe.skipIf(notBuilt)('examples/cross-erp-report', () => {
  let demoDir: string;
  let outDir: string;
  let stdout: string;
  let rows: Row[];
  let sources: CustomerSource[];

  beforeAll(async () => {
    demoDir = mkdtempSync(join(tmpdir(), 'custcode-example-report-'));
    outDir = join(demoDir, 'out');
    execFileSync(process.execPath, [bin, 'demo', '--dir', demoDir, '--json'], { cwd: root, encoding: 'utf8' });
    stdout = execFileSync(process.execPath, [script, demoDir, outDir], { cwd: root, encoding: 'utf8' });
    rows = parse(readFileSync(join(outDir, 'customers.csv')), { bom: true, columns: true }) as Row[];
    sources = [
      createYonyouSource({ name: 'u8', product: 'u8', connection: `sqlite:${join(demoDir, 'u8.sqlite')}` }),
      createKingdeeSource({ name: 'k3', product: 'k3cloud', connection: `sqlite:${join(demoDir, 'k3cloud.sqlite')}` }),
      createOracleEbsSource({ name: 'ebs', connection: `sqlite:${join(demoDir, 'ebs.sqlite')}` }),
      createSapSource({ name: 'sap', client: createRfcEmulator(await readEmulatorData(join(demoDir, 'sap-emulator.json'))) }),
    ];
  });
  afterAll(async () => {
    await Promise.all((sources ?? []).map((source) => source.close()));
    if (demoDir) rmSync(demoDir, { recursive: true, force: true });
  });

  const rowsOf = (source: string) => rows.filter((row) => row.source === source);

  it('prints what README.md shows', () => {
    const paths = { '/tmp/custcode-report': outDir, '/tmp/custcode-demo': demoDir };
    expect(outputMismatch(documentedOutput(join(import.meta.dirname, 'README.md')), stdout, paths)).toBeUndefined();
  });

  it('writes every customer of every source to the CSV, as many as each source counts', async () => {
    for (const source of sources) {
      const count = await source.count({});
      expect(count, source.name).toBeGreaterThan(1000);
      expect(rowsOf(source.name), source.name).toHaveLength(count);
      expect(new Set(rowsOf(source.name).map((row) => row.erp)), source.name).toEqual(new Set([source.erp]));
    }
    expect(stdout).toContain(`Wrote ${rows.length} customers of 4 sources to ${join(outDir, 'customers.csv')}`);
  });

  it('keeps Chinese names as the ERPs store them (U8 table, SAP KNA1)', async () => {
    const database = new Database(join(demoDir, 'u8.sqlite'), { readonly: true });
    const u8 = database.prepare("SELECT cCusCode AS code, cCusName AS name FROM Customer WHERE cCusCode = 'KH20150001'").get() as { code: string; name: string };
    database.close();
    expect(u8.name).toMatch(/[\u4e00-\u9fff]/);
    expect(rowsOf('u8').find((row) => row.code === u8.code)?.name).toBe(u8.name);
    const kna1 = (await readEmulatorData(join(demoDir, 'sap-emulator.json'))).KNA1.find((row) => /^0+\d+$/.test(row.KUNNR ?? '') && /[\u4e00-\u9fff]/.test(row.NAME1 ?? ''))!;
    expect(rowsOf('sap').find((row) => row.code === kna1.KUNNR!.replace(/^0+/, ''))?.name).toBe(kna1.NAME1);
  });

  it('writes the same rows to the XLSX with Chinese headers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(outDir, 'customers.xlsx'));
    const sheet = workbook.getWorksheet('全部客户')!;
    const values = (index: number) => (sheet.getRow(index).values as unknown[]).slice(1).map((value) => (value == null ? '' : String(value)));
    expect(values(1).slice(0, 4)).toEqual(['数据源', 'ERP', '客户编号', '客户名称']);
    expect(sheet.actualRowCount).toBe(rows.length + 1);
    const target = rowsOf('k3').find((row) => /[\u4e00-\u9fff]/.test(row.name ?? '') && row.code !== '')!;
    const index = rows.indexOf(target) + 2;
    expect(values(index).slice(0, 4)).toEqual(['k3', 'kingdee-k3cloud', target.code, target.name]);
  });

  it('summarises each source: statuses from count() agree with the rows read, regions add up', () => {
    const summary = JSON.parse(readFileSync(join(outDir, 'summary.json'), 'utf8')) as {
      rows: number;
      sources: Record<string, { read: number; reported: number; byStatus: Record<string, number>; byRegion: Record<string, number> }>;
    };
    expect(summary.rows).toBe(rows.length);
    for (const source of sources) {
      const entry = summary.sources[source.name]!;
      const own = rowsOf(source.name);
      expect(entry.read).toBe(own.length);
      expect(entry.reported).toBe(own.length);
      for (const status of ['active', 'blocked', 'deleted']) {
        expect(entry.byStatus[status], `${source.name} ${status}`).toBe(own.filter((row) => row.status === status).length);
      }
      const beijing = own.filter((row) => row.region === '北京').length;
      expect(entry.byRegion['北京'] ?? 0, source.name).toBe(beijing);
      expect(Object.values(entry.byRegion).reduce((sum, count) => sum + count, 0)).toBe(own.length);
    }
    expect(stdout).toMatch(/Customers by status[\s\S]*Customers by region/);
  });

  it('lists exactly the tax ids that several sources hold, with their codes', () => {
    const holders = new Map<string, Set<string>>();
    for (const row of rows) {
      const taxId = row.taxId?.trim().toUpperCase();
      if (taxId) holders.set(taxId, (holders.get(taxId) ?? new Set()).add(row.source!));
    }
    const shared = [...holders].filter(([, held]) => held.size > 1);
    const matches = parse(readFileSync(join(outDir, 'tax-id-matches.csv')), { bom: true, columns: true }) as Row[];
    expect(shared.length).toBeGreaterThan(0);
    expect(matches).toHaveLength(shared.length);
    expect(stdout).toContain(`Tax ids held by several ERPs: ${shared.length}`);
    for (const match of matches) {
      const held = [...holders.get(match.taxId!)!].sort();
      expect(match.sources!.split('+').sort()).toEqual(held);
      for (const source of held) {
        const codes = match[`${source}Code`]!.split(' | ');
        const expected = rows.filter((row) => row.source === source && row.taxId?.trim().toUpperCase() === match.taxId).map((row) => row.code);
        expect(new Set(codes)).toEqual(new Set(expected));
      }
    }
  });
});
