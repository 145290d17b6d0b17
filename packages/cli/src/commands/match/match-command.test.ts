import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHub } from '@custcode/hub';
import { matchColumnHeader } from '@custcode/match';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { runInProcess, tempProject } from '../../../test/test-io.js';

const COLUMNS = { code: '客户编号', name: '客户名称', taxId: '税号', phone: '电话', address: '地址', region: '地区', status: '状态' };
const HEADER = '客户编号,客户名称,税号,电话,地址,地区,状态';
// 91110000600037341L is a valid USCC (check character L); 110108600037341 the old tax number holding its organisation code.
const ERP_A = [HEADER, 'A1,北京华信科技有限公司,91110000600037341L,010-65231234,北京市朝阳区建国路88号,华北,正常', 'A2,上海远大物流有限公司,,021-50001234,上海市浦东新区世纪大道100号,华东,正常', 'A3,星辰贸易有限公司,,,,华南,正常'].join('\n');
const ERP_B = [HEADER, 'B7,华信科技（北京）有限责任公司,110108600037341,,,华北,正常', 'B8,远大物流（上海）有限公司,,+86 21 5000 1234,,华东,正常', 'B9,星辰贸易,,,,华南,冻结'].join('\n');

function project(extra: Record<string, unknown> = {}) {
  const created = tempProject({
    sources: { a: { erp: 'file', path: './a.csv', columns: COLUMNS }, b: { erp: 'file', path: './b.csv', columns: COLUMNS } },
    ...extra,
  });
  created.write('a.csv', ERP_A);
  created.write('b.csv', ERP_B);
  return created;
}

/** Every row of the workbook's first sheet as cell values (header row first). */
async function readXlsx(path: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const readCsv = (path: string) => parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;

describe('custcode match', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('links the same customers across two sources and writes links, golden records, the review list and the report', async () => {
    const created = project();
    cleanup = created.cleanup;
    const run = await runInProcess(['match', 'a', 'b', '--out', 'out', '--json'], { cwd: created.directory });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ records: 6, sources: { a: 3, b: 3 }, linkedBy: { 'org-code': 1, 'phone-name': 1 } });
    const links = readCsv(join(created.directory, 'out', 'links.csv'));
    const idOf = (code: string) => links.find((link) => link.code === code)!.global_id;
    expect(idOf('B7')).toBe(idOf('A1'));
    expect(links.find((link) => link.code === 'B7')!.evidence).toBe('org-code');
    expect(idOf('B8')).toBe(idOf('A2'));
    const golden = readCsv(join(created.directory, 'out', 'golden.csv'));
    expect(golden.find((record) => record.global_id === idOf('A1'))).toMatchObject({ taxId: '91110000600037341L', taxId_from: 'a:A1', sources: 'a b', members: '2' });
    const html = readFileSync(join(created.directory, 'out', 'match-report.html'), 'utf8');
    expect(html).toContain('To review 待复核');
    expect(html).toContain('Clusters by size (records) 按记录数的客户簇');

    // A second run keeps the ids (it reads out/links.csv), and a rejection separates a pair.
    created.write('decisions.csv', `source_a,code_a,source_b,code_b,decision\na,A2,b,B8,reject\n`);
    const again = await runInProcess(['match', 'a', 'b', '--out', 'out', '--decisions', 'decisions.csv'], { cwd: created.directory });
    expect(again.stderr).toMatch(/^matched 6 records of a, b: \d+ global customers/);
    expect(again.exitCode).toBe(0);
    const relinked = readCsv(join(created.directory, 'out', 'links.csv'));
    expect(relinked.find((link) => link.code === 'A1')!.global_id).toBe(idOf('A1'));
    expect(relinked.find((link) => link.code === 'A2')!.global_id).toBe(idOf('A2'));
    expect(relinked.find((link) => link.code === 'B8')!.global_id).not.toBe(idOf('A2'));
  });

  it('reads decisions back from review.xlsx edited in a spreadsheet (Chinese headers and decision words)', async () => {
    const created = project();
    cleanup = created.cleanup;
    expect((await runInProcess(['match', 'a', 'b', '--out', 'out', '--format', 'csv,xlsx', '--headers', 'zh'], { cwd: created.directory })).exitCode).toBe(0);
    const linkedBefore = readCsv(join(created.directory, 'out', 'links.csv'));
    expect(linkedBefore.find((link) => link.code === 'B8')!.global_id).toBe(linkedBefore.find((link) => link.code === 'A2')!.global_id);
    // The reviewer adds a row under the sheet's own (Chinese) headers and rejects the A2–B8 link.
    const edit = async (file: string, decision: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(created.directory, 'out', 'review.xlsx'));
      const sheet = workbook.worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
      expect(header).not.toContain('code_a');
      const row = sheet.getRow(sheet.rowCount + 1);
      const cells: Record<string, string> = { source_a: 'a', code_a: 'A2', source_b: 'b', code_b: 'B8', decision };
      for (const [column, value] of Object.entries(cells)) row.getCell(header.indexOf(matchColumnHeader(column, 'zh')) + 1).value = value;
      row.commit();
      await workbook.xlsx.writeFile(join(created.directory, file));
    };
    await edit('decisions.xlsx', '拒绝');
    const again = await runInProcess(['match', 'a', 'b', '--out', 'out', '--decisions', 'decisions.xlsx'], { cwd: created.directory });
    expect(again.stderr).toMatch(/^matched 6 records/);
    expect(again.exitCode).toBe(0);
    const relinked = readCsv(join(created.directory, 'out', 'links.csv'));
    expect(relinked.find((link) => link.code === 'B8')!.global_id).not.toBe(relinked.find((link) => link.code === 'A2')!.global_id);

    await edit('bad.xlsx', 'maybe');
    const bad = await runInProcess(['match', 'a', 'b', '--out', 'out', '--decisions', 'bad.xlsx'], { cwd: created.directory });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/Decisions row \d+: unknown decision "maybe"/);
    const missing = await runInProcess(['match', 'a', 'b', '--out', 'out', '--decisions', 'nowhere.xlsx'], { cwd: created.directory });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('Cannot read --decisions');
    expect(missing.stderr).toContain('no such file');
  });

  it('uses no field masked for the caller\'s role as evidence and writes none, and applies the row filter', async () => {
    const created = project({
      roles: { analyst: { sources: { '*': { commands: ['match'], mask: ['taxId', 'phone'], filter: { status: 'active' } } } } },
      users: { ana: { role: 'analyst' } },
    });
    cleanup = created.cleanup;
    const run = await runInProcess(['match', 'a', 'b', '--out', 'out', '--json', '--user', 'ana'], { cwd: created.directory });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    // B9 is blocked (冻结): outside the row filter.
    expect(JSON.parse(run.stdout)).toMatchObject({ records: 5, linkedBy: { 'org-code': 0, 'phone-name': 0, uscc: 0 } });
    const files = ['links.csv', 'golden.csv', 'review.csv', 'match-report.html'].map((file) => readFileSync(join(created.directory, 'out', file), 'utf8')).join('\n');
    for (const secret of ['600037341', '6523', '5000']) expect(files).not.toContain(secret);
    expect(files).not.toContain('B9');
    // The same in the spreadsheets.
    const xlsx = await runInProcess(['match', 'a', 'b', '--out', 'sheets', '--format', 'xlsx', '--headers', 'zh', '--user', 'ana'], { cwd: created.directory });
    expect(xlsx.exitCode).toBe(0);
    const cells = JSON.stringify(await Promise.all(['links.xlsx', 'golden.xlsx', 'review.xlsx'].map((file) => readXlsx(join(created.directory, 'sheets', file)))));
    expect(cells).toContain('A1');
    for (const secret of ['600037341', '6523', '5000', 'B9']) expect(cells).not.toContain(secret);
  });

  it('is refused for a role without the match command (exit 4), and needs two sources (exit 2)', async () => {
    const created = project({ roles: { viewer: { sources: { '*': { commands: ['search'] } } } }, users: { vic: { role: 'viewer' } } });
    cleanup = created.cleanup;
    expect((await runInProcess(['match', 'a', 'b', '--out', 'out', '--user', 'vic'], { cwd: created.directory })).exitCode).toBe(4);
    const one = await runInProcess(['match', 'a', '--out', 'out'], { cwd: created.directory, env: { CUSTCODE_USER: 'nobody' } });
    expect(one.exitCode).not.toBe(0);
  });

  it('writes links, golden and review as XLSX too, with the catalogue\'s Chinese headers, the same rows as the CSV files', async () => {
    const created = project();
    cleanup = created.cleanup;
    const run = await runInProcess(['match', 'a', 'b', '--out', 'out', '--format', 'csv,xlsx', '--headers', 'zh'], { cwd: created.directory });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('wrote links.csv, golden.csv, review.csv, match-report.html, links.xlsx, golden.xlsx, review.xlsx to out');
    const out = (file: string) => join(created.directory, 'out', file);
    const [linkHeader, ...linkRows] = await readXlsx(out('links.xlsx'));
    expect(linkHeader).toEqual(['全局编号', '数据源', '客户编号', '组织', '客户名称', '得分', '依据', '关联记录', '比较明细']);
    const csvLinks = readCsv(out('links.csv'));
    expect(linkRows.map((row) => [row[0], row[1], row[2], row[6] ?? ''])).toEqual(csvLinks.map((link) => [link.global_id, link.source, link.code, link.evidence]));
    // Scores are numbers in the sheet, not text.
    const b7 = linkRows.find((row) => row[2] === 'B7')!;
    expect(b7[5]).toBe(1);
    const [goldenHeader = [], ...goldenRows] = await readXlsx(out('golden.xlsx'));
    expect(goldenHeader.slice(0, 6)).toEqual(['全局编号', '数据源', '记录数', '合并的全局编号', '客户名称', '客户名称 来源']);
    const taxColumn = goldenHeader.indexOf('税号');
    expect(goldenHeader[taxColumn + 1]).toBe('税号 来源');
    const a1 = goldenRows.find((row) => row[0] === csvLinks.find((link) => link.code === 'A1')!.global_id)!;
    expect([a1[taxColumn], a1[taxColumn + 1], a1[2]]).toEqual(['91110000600037341L', 'a:A1', 2]);
    // Status reads in Chinese under Chinese headers, as in exports.
    expect(new Set(goldenRows.map((row) => row[goldenHeader.indexOf('状态')]))).toEqual(new Set(['正常', '停用']));
    const [reviewHeader] = await readXlsx(out('review.xlsx'));
    expect(reviewHeader!.slice(0, 4)).toEqual(['决定', '匹配概率', '数据源 A', '客户编号 A']);

    const english = await runInProcess(['match', 'a', 'b', '--out', 'en', '--format', 'xlsx'], { cwd: created.directory });
    expect(english.exitCode).toBe(0);
    expect((await readXlsx(join(created.directory, 'en', 'links.xlsx')))[0]).toEqual(['global_id', 'source', 'code', 'org', 'name', 'score', 'evidence', 'linked_to', 'detail']);
    expect(existsSync(join(created.directory, 'en', 'links.csv'))).toBe(false);

    const bad = await runInProcess(['match', 'a', 'b', '--out', 'out', '--format', 'csv,pdf'], { cwd: created.directory });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--format takes csv, xlsx or both, not "pdf"');
  });

  describe('--engine sql and --emit-sql (the pipeline as SQL over a hub)', () => {
    const synced = async (extra: Record<string, unknown> = {}, user: string[] = []) => {
      const created = project(extra);
      cleanup = created.cleanup;
      expect((await runInProcess(['sync', 'a', 'b', '--to', 'hub.duckdb', ...user], { cwd: created.directory })).exitCode).toBe(0);
      return created;
    };

    it('matches the synced rows in DuckDB to the same links, golden records and review list as the JavaScript engine', async () => {
      const created = await synced();
      expect((await runInProcess(['match', 'a', 'b', '--out', 'js'], { cwd: created.directory })).exitCode).toBe(0);
      const run = await runInProcess(['match', 'a', 'b', '--out', 'sql', '--hub', 'hub.duckdb', '--engine', 'sql', '--json'], { cwd: created.directory });
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ records: 6, linkedBy: { 'org-code': 1, 'phone-name': 1 } });
      for (const file of ['links.csv', 'golden.csv', 'review.csv']) expect(readCsv(join(created.directory, 'sql', file))).toEqual(readCsv(join(created.directory, 'js', file)));
      const hub = await openHub(join(created.directory, 'hub.duckdb'));
      try {
        expect((await hub.clustersOf('B7')).map((link) => `${link.source}:${link.code}`)).toEqual(['a:A1', 'b:B7']);
      } finally {
        await hub.close();
      }
    });

    it('applies the caller\'s row filter and masks to the hub rows', async () => {
      const created = await synced({
        roles: { analyst: { sources: { '*': { commands: ['match'], mask: ['taxId', 'phone'], filter: { status: 'active' } } } }, loader: { sources: { '*': { commands: ['export'] } } } },
        users: { ana: { role: 'analyst' }, lou: { role: 'loader' } },
      }, ['--user', 'lou']);
      const run = await runInProcess(['match', 'a', 'b', '--out', 'out', '--hub', 'hub.duckdb', '--engine', 'sql', '--json', '--user', 'ana'], { cwd: created.directory });
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ records: 5, linkedBy: { 'org-code': 0, 'phone-name': 0, uscc: 0 } });
      const files = ['links.csv', 'golden.csv', 'review.csv', 'match-report.html'].map((file) => readFileSync(join(created.directory, 'out', file), 'utf8')).join('\n');
      for (const secret of ['600037341', '6523', '5000']) expect(files).not.toContain(secret);
      expect(files).not.toContain('B9');
    });

    it('writes the Spark SQL files, their Parquet inputs and the spark-submit runner, and says how to run them', async () => {
      const created = await synced();
      const run = await runInProcess(['match', 'a', 'b', '--out', 'spark', '--hub', 'hub.duckdb', '--emit-sql', 'spark'], { cwd: created.directory });
      expect(run.exitCode).toBe(0);
      expect(run.stderr).toMatch(/^wrote \d+ spark SQL statements to spark\/sql and their inputs to spark\/data; run them with: spark-submit .*run_match\.py\n$/);
      expect(readdirSync(join(created.directory, 'spark', 'sql'))).toContain('01_mx_block_keys.sql');
      expect(readFileSync(join(created.directory, 'spark', 'sql', '01_mx_block_keys.sql'), 'utf8')).toMatch(/^CREATE OR REPLACE TEMPORARY VIEW mx_block_keys AS/);
      expect(readdirSync(join(created.directory, 'spark', 'data')).sort()).toEqual(['match_keys', 'mx_decisions', 'mx_previous']);
    });

    it('needs --hub, a known engine and dialect, and no source filters (exit 2)', async () => {
      const created = await synced();
      const cases = [
        [['--engine', 'sql'], /--engine sql reads the hub: give --hub/],
        [['--emit-sql', 'spark'], /--emit-sql reads the hub: give --hub/],
        [['--hub', 'hub.duckdb', '--engine', 'spark'], /--engine must be js or sql/],
        [['--hub', 'hub.duckdb', '--emit-sql', 'oracle'], /--emit-sql must be duckdb or spark/],
        [['--hub', 'hub.duckdb', '--engine', 'sql', '--status', 'active'], /Filters and views apply to the sources, not to the hub/],
      ] as const;
      for (const [flags, message] of cases) {
        const run = await runInProcess(['match', 'a', 'b', '--out', 'out', ...flags], { cwd: created.directory });
        expect(run.stderr).toMatch(message);
        expect(run.exitCode).toBe(2);
      }
    });
  });
});
