import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHub } from '@custcode/hub';
import { afterEach, describe, expect, it } from 'vitest';
import { runInProcess, tempProject } from '../../../test/test-io.js';

const COLUMNS = { code: '客户编号', name: '客户名称', taxId: '税号', phone: '电话', region: '地区', status: '状态' };
const HEADER = '客户编号,客户名称,税号,电话,地区,状态';
// 91110000600037341L is a valid USCC; 110108600037341 the old tax number holding its organisation code.
const ERP_A = [HEADER, 'A1,北京华信科技有限公司,91110000600037341L,010-65231234,华北,正常', 'A2,上海远大物流有限公司,,021-50001234,华东,正常'].join('\n');
const ERP_B = [HEADER, 'B7,华信科技（北京）有限责任公司,110108600037341,,华北,正常', 'B9,星辰贸易,,,华南,冻结'].join('\n');

function project(extra: Record<string, unknown> = {}) {
  const created = tempProject({ sources: { a: { erp: 'file', path: './a.csv', columns: COLUMNS }, b: { erp: 'file', path: './b.csv', columns: COLUMNS } }, ...extra });
  created.write('a.csv', ERP_A);
  created.write('b.csv', ERP_B);
  return created;
}

describe('custcode sync', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('shows progress on a terminal (rows, total of both sources, rate), none with --json or without a terminal', async () => {
    const created = project();
    cleanup = created.cleanup;
    const shown = await runInProcess(['sync', 'a', 'b', '--to', 'shown.duckdb'], { cwd: created.directory, tty: true });
    expect(shown.exitCode).toBe(0);
    // Both sources count towards one total of 4 rows; the last redraw says all 4 were read.
    expect(shown.stderr).toMatch(/\r\[#{24}\] 100% 4\/4 rows {2}[\d,]+ rows\/s ETA /);
    const json = await runInProcess(['sync', 'a', 'b', '--to', 'json.duckdb', '--json'], { cwd: created.directory, tty: true });
    expect(json.stderr).toBe('');
    const piped = await runInProcess(['sync', 'a', 'b', '--to', 'piped.duckdb'], { cwd: created.directory });
    expect(piped.stderr).not.toContain('rows/s');
    expect(piped.stderr).toContain('a: snapshot, read 2, 2 new');
  });

  it('writes every source to hub.duckdb, records a deletion on the next run, and takes links and golden from match --hub, and reports by global customer', async () => {
    const created = project();
    cleanup = created.cleanup;
    const first = await runInProcess(['sync', 'a', 'b', '--json'], { cwd: created.directory });
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ format: 'duckdb', sources: [{ source: 'a', inserted: 2, present: 2 }, { source: 'b', inserted: 2, present: 2 }] });

    created.write('a.csv', [HEADER, 'A1,北京华信科技有限公司,91110000600037341L,010-65231234,华北,正常'].join('\n'));
    const second = await runInProcess(['sync', 'a', '--to', 'hub.duckdb'], { cwd: created.directory });
    expect(second.stderr).toContain('a: snapshot, read 1, 0 new, 0 changed, 1 deleted, 1 present');
    expect((await runInProcess(['match', 'a', 'b', '--out', 'out', '--hub', 'hub.duckdb'], { cwd: created.directory })).exitCode).toBe(0);

    const hub = await openHub(join(created.directory, 'hub.duckdb'));
    try {
      expect((await hub.customers({ includeDeleted: true })).map((row) => [row.source, row.code, row.deleted_at === null])).toEqual([['a', 'A1', true], ['a', 'A2', false], ['b', 'B7', true], ['b', 'B9', true]]);
      expect((await hub.clustersOf('B7')).map((link) => `${link.source}:${link.code}`)).toEqual(['a:A1', 'b:B7']);
      expect((await hub.golden()).find((row) => row.sources.length === 2)).toMatchObject({ tax_id: '91110000600037341L' });
    } finally {
      await hub.close();
    }

    // The report by global customer: A1 and B7 are one customer (counted once in 华北); A2 was deleted.
    const report = await runInProcess(['report', '--hub', 'hub.duckdb', '--by', 'golden', '--out', 'golden.html', '--json'], { cwd: created.directory });
    expect(report.stderr).toBe('');
    expect(JSON.parse(report.stdout)).toMatchObject({ format: 'html', by: 'golden', sources: ['a', 'b'] });
    const html = readFileSync(join(created.directory, 'golden.html'), 'utf8');
    const cells = html.replace(/<[^>]+>/g, '|').replace(/\s*\|[\s|]*/g, '|');
    // No language chosen: both, each term `中文 English` as in the other reports.
    expect(cells).toContain('|华北|1|华南|1|合计 total|2|');
    expect(cells).not.toContain('华东');
    expect(cells).toContain('在 b 中、a 中没有的客户 (1) In b, missing in a (1)');
    expect(cells).toContain('在 a 中、b 中没有的客户 (0) In a, missing in b (0)');
    // A chosen language writes every word around the data in it, and only in it.
    const visible = async (lang: string) => {
      const result = await runInProcess(['report', '--hub', 'hub.duckdb', '--by', 'golden', '--out', `golden-${lang}.html`, '--lang', lang], { cwd: created.directory });
      expect(result.exitCode).toBe(0);
      return readFileSync(join(created.directory, `golden-${lang}.html`), 'utf8').replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, '|').replace(/\s*\|[\s|]*/g, '|');
    };
    const english = await visible('en');
    expect(english).toContain('Customers across systems');
    expect(english).toContain('|华北|1|华南|1|total|2|');
    expect(english).toContain('In b, missing in a (1)');
    expect(english).not.toMatch(/跨系统|合计|没有的客户|全局编号|按地区/);
    const chinese = await visible('zh');
    expect(chinese).toContain('跨系统客户汇总表');
    expect(chinese).toContain('|华北|1|华南|1|合计|2|');
    expect(chinese).toContain('在 b 中、a 中没有的客户 (1)');
    expect(chinese).not.toMatch(/across systems|missing in|global id|\btotal\b/);
    const noGrouping = await runInProcess(['report', '--hub', 'hub.duckdb', '--out', 'x.html'], { cwd: created.directory });
    expect(noGrouping.stderr).toContain('give --by golden');
    const noTemplate = await runInProcess(['report', 'a', '--out', 'x.html'], { cwd: created.directory });
    expect(noTemplate.stderr).toContain('No report template given');
  });

  it('writes a Parquet dataset partitioned by source, masked and filtered by the caller\'s role', async () => {
    const created = project({
      roles: { analyst: { sources: { '*': { commands: ['export', 'match'], mask: ['taxId', 'phone'], filter: { status: 'active' } } } } },
      users: { ann: { role: 'analyst' } },
    });
    cleanup = created.cleanup;
    const run = await runInProcess(['sync', 'a', 'b', '--to', 'lake', '--format', 'parquet', '--user', 'ann'], { cwd: created.directory });
    expect(run.exitCode).toBe(0);
    expect(readdirSync(join(created.directory, 'lake', 'customers')).sort()).toEqual(['source=a', 'source=b']);
    const hub = await openHub(':memory:');
    try {
      const rows = await hub.query<Record<string, string | null>>("SELECT * FROM read_parquet($1, hive_partitioning = true) ORDER BY code", [join(created.directory, 'lake', 'customers', '*', '*.parquet')]);
      expect(rows.map((row) => `${row.source}:${row.code}`)).toEqual(['a:A1', 'a:A2', 'b:B7']);
      const text = JSON.stringify(rows);
      for (const secret of ['91110000600037341L', '010-65231234', '110108600037341', '星辰贸易']) expect(text).not.toContain(secret);
    } finally {
      await hub.close();
    }
    const bad = await runInProcess(['sync', 'a', '--to', 'x', '--format', 'csv', '--user', 'ann'], { cwd: created.directory });
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stderr).toContain('--format must be duckdb or parquet');
    expect(existsSync(join(created.directory, 'x'))).toBe(false);
  });
});
