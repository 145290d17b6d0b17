import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKingdeeSource } from '@custcode/adapter-kingdee';
import { createYonyouSource } from '@custcode/adapter-yonyou';
import { createMemorySource, type Customer, type CustomerSource } from '@custcode/core';
import { type ImportLayout, importLayoutHeader, migrate, parseCrosswalk, parseMigrationDecisions, parseTranslations } from '@custcode/migrate';
import { createMemorySequenceStore } from '@custcode/rules';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../demo/demo-command.js';
import { renderMigrationSummary } from './migrate-console.js';
import { type MigrateCommandOptions, runMigrate } from './migrate-command.js';
import { writeCrosswalk, writeImportFiles } from './migrate-files.js';
import { outputGuard } from '../../output/output-guard.js';
import { captureIo } from '../../../test/test-io.js';

/**
 * `custcode migrate` runs on disk (migrateOnDisk); its files, summary and exit code must be what the in-memory
 * `migrate` gives for the same input, written by the same writers from arrays.
 */
const RULE = 'KH{YYYY}{seq:4}';
const DATE = '2026-06-30';

async function xlsxCells(path: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [sheet.name ? [sheet.name] : []];
  sheet.eachRow((row) => rows.push(Array.from({ length: sheet.columnCount }, (_, index) => String(row.getCell(index + 1).value ?? ''))));
  return rows;
}

interface Case {
  source: () => CustomerSource;
  target?: () => CustomerSource;
  layout?: ImportLayout;
  keepValid?: boolean;
  map?: string;
  decisions?: string;
  order?: 'code' | 'created';
  /** The crosswalk's file name (CSV or JSON). */
  crosswalk?: string;
  /** Crosswalk of an earlier run, copied into both output directories first. */
  earlier?: string;
}

describe('custcode migrate on disk writes what the in-memory migration writes', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'custcode-migrate-same-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  /** Runs the command (on disk) into `name-disk`, the in-memory migration into `name-memory`; compares every output. */
  async function compare(name: string, setup: Case): Promise<{ exitCode: number; summary: Record<string, unknown> }> {
    const disk = join(directory, `${name}-disk`);
    const memory = join(directory, `${name}-memory`);
    const crosswalkName = setup.crosswalk ?? 'crosswalk.csv';
    for (const out of [disk, memory]) {
      mkdirSync(out, { recursive: true });
      if (setup.earlier !== undefined) writeFileSync(join(out, crosswalkName), setup.earlier);
    }
    const scratch = join(directory, `${name}-scratch`);
    mkdirSync(scratch);
    const options: MigrateCommandOptions = {
      source: setup.source(), sourceName: 'u8', rule: RULE, out: disk, crosswalk: join(disk, crosswalkName), date: DATE, json: true, scratchDirectory: scratch,
      ...(setup.target ? { target: setup.target() } : {}),
      ...(setup.layout ? { layout: setup.layout } : {}),
      ...(setup.keepValid ? { keepValid: true } : {}),
      ...(setup.map ? { map: setup.map } : {}),
      ...(setup.decisions ? { decisions: setup.decisions } : {}),
      ...(setup.order ? { order: setup.order } : {}),
    };
    const captured = captureIo(directory);
    const exitCode = await runMigrate(options, captured.io);
    expect(readdirSync(scratch)).toEqual([]);
    const summary = JSON.parse(captured.stdout()) as Record<string, unknown> & { files: string[] };

    const target = setup.target?.();
    const result = await migrate(setup.source(), {
      rule: RULE, store: createMemorySequenceStore(), sourceName: 'u8', date: DATE, order: setup.order ?? 'code',
      crosswalk: setup.earlier === undefined ? [] : parseCrosswalk(setup.earlier),
      ...(target ? { target } : {}),
      ...(setup.keepValid ? { keep: true } : {}),
      ...(setup.map ? { translate: parseTranslations(readFileSync(join(directory, setup.map), 'utf8')) } : {}),
      ...(setup.decisions ? { decisions: parseMigrationDecisions(readFileSync(join(directory, setup.decisions), 'utf8')) } : {}),
    });
    const guard = outputGuard(undefined, memory);
    const crosswalkFile = guard.check(join(memory, crosswalkName), '--out');
    await writeCrosswalk(crosswalkFile, result.rows, { escapeFormulas: true });
    const layout = setup.layout ?? (target ? 'k3cloud' : undefined);
    const files: string[] = [crosswalkFile];
    expect(captured.stderr()).toMatch(layout ? /^$/ : /^note: no import layout/);
    if (layout) {
      const { fileBase } = importLayoutHeader(layout);
      const written = await writeImportFiles({ csv: guard.check(join(memory, `${fileBase}.csv`), '--out'), xlsx: guard.check(join(memory, `${fileBase}.xlsx`), '--out') }, layout, result.records, { escapeFormulas: true });
      files.push(...written.files);
    }

    expect(summary.files.map((file) => file.replace(disk, ''))).toEqual(files.map((file) => file.replace(memory, '')));
    expect(JSON.stringify({ ...summary, files: [] }, null, 2)).toBe(JSON.stringify({ ...result.summary, layout: layout ?? null, files: [] }, null, 2));
    expect(exitCode).toBe(result.summary.needsDecision ? 1 : 0);
    for (const file of files) {
      const mine = file.replace(memory, disk);
      if (file.endsWith('.xlsx')) expect(await xlsxCells(mine)).toEqual(await xlsxCells(file));
      else expect(readFileSync(mine)).toEqual(readFileSync(file));
    }
    // The console summary (without --json) is the same text too.
    const textRun = join(directory, `${name}-text`);
    mkdirSync(textRun);
    if (setup.earlier !== undefined) writeFileSync(join(textRun, crosswalkName), setup.earlier);
    const text = captureIo(directory);
    const textOptions = { ...options, out: textRun, crosswalk: join(textRun, crosswalkName), json: false, dryRun: true };
    expect(await runMigrate({ ...textOptions, source: setup.source(), ...(setup.target ? { target: setup.target() } : {}) }, text.io)).toBe(exitCode);
    expect(text.stdout()).toBe(renderMigrationSummary({ ...result.summary, dryRun: true }, []));
    return { exitCode, summary };
  }

  it('on the demo data (U8 → K/3 Cloud, near-duplicates flagged), first run and re-run', async () => {
    const demo = join(directory, 'demo');
    mkdirSync(demo);
    expect(await runDemo(captureIo(demo).io, { dir: '.', count: 300, json: true })).toBe(0);
    const source = () => createYonyouSource({ name: 'u8', product: 'u8', connection: `sqlite:${join(demo, 'u8.sqlite')}` });
    const target = () => createKingdeeSource({ name: 'k3', product: 'k3cloud', connection: `sqlite:${join(demo, 'k3cloud.sqlite')}` });
    const first = await compare('demo', { source, target, keepValid: true });
    expect(first.summary.rows).toBeGreaterThan(0);
    expect(first.summary.decisions).toMatchObject({ conflict: expect.any(Number) });
    expect((first.summary.decisions as { conflict: number }).conflict).toBeGreaterThan(0);
    expect((first.summary.nearDuplicates as { undecided: number }).undecided).toBeGreaterThan(0);
    const earlier = readFileSync(join(directory, 'demo-disk', 'crosswalk.csv'), 'utf8');
    const again = await compare('demo-again', { source, target, keepValid: true, earlier });
    expect(again.summary.carriedOver).toBe((first.summary.rows as number) - (first.summary.decisions as { conflict: number }).conflict);
  });

  const customer = (code: string, name: string, extra: Partial<Customer> = {}): Customer => ({
    source: 'u8', erp: 'yonyou-u8', code, name, status: 'active', createdAt: '2026-03-05T10:00:00', category: '批发客户', region: '北京', raw: { cCusCode: code }, ...extra,
  });
  const odd = [
    customer('0003', '上海鼎辉邦物流有限公司', { org: '100', createdAt: '2026-01-02T00:00:00' }),
    customer('0003', '上海鼎辉邦物流有限公司', { org: '200', createdAt: '2026-01-02T00:00:00' }),
    customer('', '无编码客户有限公司', { createdAt: '2025-12-01T00:00:00' }),
    customer(' 0002', '前导空格贸易有限公司'),
    customer('0001', '北京恒景禾贸易有限公司', { status: 'blocked' }),
    customer('0005', '北京恒景禾贸易有限公司分公司', { region: '天津' }),
    customer('0006', '=HYPERLINK("x")有限公司', { category: '零售客户' }),
    customer('KH20260001', '广州宏腾盈电子有限公司', { status: 'deleted' }),
    customer('0007', '成都博宇图软件有限公司', { org: '100' }),
    customer('0007', '成都博宇图软件有限公司', { org: '300' }),
  ];
  const oddSource = () => createMemorySource({ name: 'u8', erp: 'yonyou-u8', customers: odd });
  const heldTarget = () => createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers: [{ ...customer('0001', '已有客户有限公司'), source: 'k3', erp: 'kingdee-k3cloud' }] });

  it('on odd records: empty and space-led codes, several orgs, merges and other decisions, a value map, a held code, formulas', async () => {
    writeFileSync(join(directory, 'decisions.csv'), 'old_code,decision,into\n0005,merge,0003\n0006,new,\n 0002,keep,\n9999,new,\n');
    writeFileSync(join(directory, 'map.json'), JSON.stringify({ category: { 批发客户: 'KHFZ01' }, region: { 北京: 'BJ' } }));
    const base = { source: oddSource, target: heldTarget, keepValid: true, decisions: 'decisions.csv', map: 'map.json' };
    const k3 = await compare('odd-k3', base);
    expect(k3.exitCode).toBe(1);
    expect(k3.summary.unknownDecisions).toEqual(['9999']);
    expect(k3.summary.decisions).toMatchObject({ 'merged-into': 1 });
    expect(readFileSync(join(directory, 'odd-k3-disk', 'crosswalk.csv'), 'utf8')).toContain('\n0005,KH');
    // U8's layout has no org column (a customer of several orgs goes in once); created order; JSON crosswalk.
    await compare('odd-u8', { ...base, layout: 'u8', order: 'created', crosswalk: 'crosswalk.json' });
    await compare('odd-no-target', { source: oddSource, decisions: 'decisions.csv' });
  });
});
