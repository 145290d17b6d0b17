/**
 * Runs the example as a user would (`node examples/u8-to-k3cloud-migration/migrate.mjs DEMO_DIR`, built packages)
 * against a demo made in a temp directory by the demo function, and checks what it prints and writes against the
 * U8 and K/3 Cloud tables read directly.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../packages/cli/src/demo/demo-command.js';
import { documentedOutput, outputMismatch } from '../documented-output.js';

const root = join(import.meta.dirname, '..', '..');
const built = [join(root, 'packages', 'cli', 'dist', 'index.js'), join(root, 'packages', 'core', 'dist', 'index.js')];
const script = join(import.meta.dirname, 'migrate.mjs');
const missing = built.find((file) => !existsSync(file));
const notBuilt = missing ? `${missing} is missing: run \`npm run build\` first (npm test does); the u8-to-k3cloud-migration example is skipped.` : undefined;
if (notBuilt) console.warn(notBuilt);

const readCsv = (path: string) => parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
const pluck = (file: string, sql: string) => {
  const database = new Database(file, { readonly: true });
  try {
    return database.prepare(sql).pluck().all() as string[];
  } finally {
    database.close();
  }
};

describe.skipIf(notBuilt)('examples/u8-to-k3cloud-migration', () => {
  let demoDir: string;
  let output: string;
  let u8Codes: string[];
  let k3Codes: Set<string>;
  const line = (label: string) => output.split('\n').filter((text) => text.startsWith(`[${label}]`));

  beforeAll(async () => {
    demoDir = join(mkdtempSync(join(tmpdir(), 'custcode-example-migration-')), 'custcode-demo');
    const quiet = new PassThrough().resume();
    const io = { stdout: quiet, stderr: quiet, stdin: Readable.from(['']), stderrIsTTY: false, env: {}, cwd: dirname(demoDir) };
    // The default demo: README.md documents the script's output on it.
    expect(await runDemo(io, { dir: 'custcode-demo', json: true })).toBe(0);
    u8Codes = pluck(join(demoDir, 'u8.sqlite'), 'SELECT cCusCode FROM Customer');
    k3Codes = new Set(pluck(join(demoDir, 'k3cloud.sqlite'), 'SELECT FNUMBER FROM T_BD_CUSTOMER'));
    output = execFileSync(process.execPath, [script, demoDir], { cwd: root, encoding: 'utf8' });
  });
  afterAll(() => {
    if (demoDir) rmSync(dirname(demoDir), { recursive: true, force: true });
  });

  it('prints what README.md shows', () => {
    expect(outputMismatch(documentedOutput(join(import.meta.dirname, 'README.md')), output, { '/path/to/custcode-demo': demoDir })).toBeUndefined();
  });

  it('audits U8 and explains the K/3 Cloud rule', () => {
    expect(line('audit')[0]).toMatch(new RegExp(`u8: ${u8Codes.length} customers; \\d+ duplicate codes, \\d+ without a code`));
    expect(line('rule')[0]).toContain('k3cloud = KH{YYYY}{seq:4}: 10 characters');
  });

  it('first run: every customer numbered, the held-back class listed as unmapped, near-duplicates flagged (exit 1)', () => {
    const [decisions, unmapped, nearDuplicates] = line('run 1');
    expect(decisions).toMatch(new RegExp(`^\\[run 1\\]\\s+exit 1: kept 0, generated ${u8Codes.length}, merged-into 0, conflict 0; [1-9]\\d* numbers passed over`));
    const heldBack = /held back: (\S+)\)/.exec(line('map')[0]!)?.[1];
    expect(unmapped).toContain(`unmapped category "${heldBack}"`);
    expect(nearDuplicates).toMatch(/[1-9]\d* near-duplicate groups wait for a decision/);
  });

  it('second run: decisions applied, every earlier number unchanged (exit 0)', () => {
    const merges = Number(/(\d+) merges written/.exec(line('decide')[0]!)?.[1]);
    expect(merges).toBeGreaterThan(0);
    expect(line('run 2')[0]).toMatch(new RegExp(`exit 0: kept 0, generated ${u8Codes.length - merges}, merged-into ${merges}, conflict 0; ${u8Codes.length - merges} carried over, 0 unmapped values`));
    expect(line('run 2')[1]).toContain(`${u8Codes.length - merges} of ${u8Codes.length - merges} earlier numbers unchanged; ${merges} customers merged`);
  });

  it('writes a crosswalk with one row per U8 customer and no number K/3 Cloud already holds', () => {
    const crosswalk = readCsv(join(demoDir, 'migration', 'crosswalk.csv'));
    expect(crosswalk.map((row) => row.old_code).sort()).toEqual([...u8Codes].sort());
    const own = crosswalk.filter((row) => row.decision === 'generated');
    expect(own.filter((row) => k3Codes.has(row.new_code!))).toEqual([]);
    expect(new Set(own.map((row) => row.new_code)).size).toBe(own.length);
    const byOld = new Map(crosswalk.map((row) => [row.old_code, row]));
    for (const row of crosswalk.filter((item) => item.decision === 'merged-into')) expect(row.new_code).toBe(byOld.get(row.merged_into!)?.new_code);
    expect(line('crosswalk')).toHaveLength(8);
  });

  it('writes the K/3 Cloud import file as CSV and XLSX with the translated values, Chinese intact', async () => {
    const csv = readCsv(join(demoDir, 'migration', 'k3cloud-BD_Customer.csv'));
    const crosswalk = readCsv(join(demoDir, 'migration', 'crosswalk.csv'));
    const expected = crosswalk.filter((row) => row.decision === 'generated' && row.source_status !== 'deleted').map((row) => row.new_code);
    expect(csv.map((row) => row.FNumber)).toEqual(expected);
    expect(csv.every((row) => row.FCreateOrgId === '100001' && row.FUseOrgId === '100001')).toBe(true);
    expect(csv.filter((row) => row.FGroup !== '').every((row) => /^\d{2}$/.test(row.FGroup!))).toBe(true);
    expect(csv.some((row) => /[\u4e00-\u9fff]/.test(row.FName!))).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(demoDir, 'migration', 'k3cloud-BD_Customer.xlsx'));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(csv.length + 1);
    expect(sheet.getRow(2).getCell(2).value).toBe(csv[0]!.FName);
  });

  it('refuses to run without a demo directory', () => {
    let status: number | undefined;
    try {
      execFileSync(process.execPath, [script, join(demoDir, 'absent')], { cwd: root, stdio: 'pipe' });
    } catch (error) {
      status = (error as { status?: number }).status;
    }
    expect(status).toBe(2);
  });
});
