import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../demo/demo-command.js';
import { runCli } from '../../program.js';
import { captureIo } from '../../../test/test-io.js';

const readCsv = (path: string) => parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
const column = (file: string, sql: string) => {
  const database = new Database(file, { readonly: true });
  try {
    return database.prepare(sql).pluck().all() as string[];
  } finally {
    database.close();
  }
};

describe('custcode migrate on the SQLite demo (U8 → K/3 Cloud)', () => {
  let directory: string;
  let k3Codes: Set<string>;
  let u8Rows: number;
  const cli = async (...argv: string[]) => {
    const captured = captureIo(directory);
    const exitCode = await runCli(argv, captured.io);
    return { exitCode, stdout: captured.stdout(), stderr: captured.stderr() };
  };
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'custcode-migrate-demo-'));
    expect(await runDemo(captureIo(directory).io, { dir: '.', count: 200, json: true })).toBe(0);
    k3Codes = new Set(column(join(directory, 'k3cloud.sqlite'), 'SELECT FNUMBER FROM T_BD_CUSTOMER'));
    u8Rows = column(join(directory, 'u8.sqlite'), 'SELECT cCusCode FROM Customer').length;
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('numbers every U8 customer with codes K/3 Cloud does not hold, flags the planted near-duplicates, and re-runs identically', async () => {
    const first = await cli('migrate', 'u8', '--rule', 'kh', '--target', 'k3', '--out', 'out', '--json');
    expect(first.stderr).toBe('');
    const summary = JSON.parse(first.stdout);
    expect(summary.layout).toBe('k3cloud');
    expect(summary.rows).toBe(u8Rows);
    expect(summary.nearDuplicates.undecided).toBeGreaterThan(0);
    expect(first.exitCode).toBe(1);
    expect(summary.skippedNumbers).toBeGreaterThan(0);
    const crosswalk = readCsv(join(directory, 'out', 'crosswalk.csv'));
    expect(crosswalk).toHaveLength(u8Rows);
    const numbers = crosswalk.map((row) => row.new_code);
    expect(crosswalk.every((row) => row.decision === 'generated')).toBe(true);
    expect(numbers.filter((code) => k3Codes.has(code ?? ''))).toEqual([]);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(crosswalk.filter((row) => row.review !== '').length).toBe(summary.nearDuplicates.undecided * 2);

    const before = readFileSync(join(directory, 'out', 'crosswalk.csv'), 'utf8');
    const again = await cli('migrate', 'u8', '--rule', 'kh', '--target', 'k3', '--out', 'out', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ carriedOver: u8Rows, decidedNow: 0 });
    expect(readFileSync(join(directory, 'out', 'crosswalk.csv'), 'utf8')).toBe(before);
  });

  it('--keep-valid keeps free old codes and reports the ones K/3 Cloud holds as conflicts', async () => {
    const result = await cli('migrate', 'u8', '--rule', 'kh', '--target', 'k3', '--keep-valid', '--out', 'keep', '--json');
    expect(result.exitCode).toBe(1);
    const crosswalk = readCsv(join(directory, 'keep', 'crosswalk.csv'));
    const conflicts = crosswalk.filter((row) => row.decision === 'conflict');
    expect(conflicts.length).toBeGreaterThan(0);
    for (const row of conflicts) {
      expect(k3Codes.has(row.old_code ?? '')).toBe(true);
      expect((row.held_by ?? '').startsWith(`${row.old_code} `)).toBe(true);
    }
    for (const row of crosswalk.filter((item) => item.decision === 'kept')) {
      expect(row.new_code).toBe(row.old_code);
      expect(k3Codes.has(row.old_code ?? '')).toBe(false);
    }
    const imported = readCsv(join(directory, 'keep', 'k3cloud-BD_Customer.csv'));
    expect(imported.every((row) => !k3Codes.has(row.FNumber!))).toBe(true);
  });
});
