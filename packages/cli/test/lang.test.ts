import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENTS_CSV, clientsConfig } from './fixtures.js';
import { runInProcess, tempProject } from './test-io.js';

let project: ReturnType<typeof tempProject>;
let zhProject: ReturnType<typeof tempProject>;
beforeAll(() => {
  project = tempProject(clientsConfig());
  project.write('clients.csv', `\uFEFF${CLIENTS_CSV}\n`);
  zhProject = tempProject(clientsConfig({ lang: 'zh' }));
  zhProject.write('clients.csv', `\uFEFF${CLIENTS_CSV}\n`);
});
afterAll(() => {
  project.cleanup();
  zhProject.cleanup();
});
const run = (args: string[], env: NodeJS.ProcessEnv = {}, cwd = project.directory) => runInProcess(args, { cwd, env });
const header = (stdout: string) => stdout.split('\n')[0]!;

describe('--lang: CLI tables in Chinese, JSON unchanged', () => {
  it('get: catalogue headers and status words in Chinese, field names and values in English (the default)', async () => {
    const zh = await run(['get', 'clients', 'C001', 'C002', 'C004', '--lang', 'zh']);
    expect(zh.exitCode).toBe(0);
    expect(header(zh.stdout)).toMatch(/^客户编号\s+客户名称\s+简称\s+状态\s+地区\s+电话$/);
    const rows = zh.stdout.trimEnd().split('\n').slice(2);
    expect(rows.map((row) => row.match(/(正常|停用|删除)/)?.[1])).toEqual(['正常', '停用', '删除']);
    expect(zh.stdout).not.toMatch(/\b(active|blocked|deleted|code|name)\b/);
    // Columns still line up with Chinese headers (each counts two columns).
    const width = (text: string) => [...text].reduce((sum, character) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(character) ? 2 : 1), 0);
    const statusAt = (line: string) => width(line.slice(0, line.search(/(状态|正常|停用|删除)/)));
    expect(new Set([header(zh.stdout), ...rows].map(statusAt)).size).toBe(1);

    const en = await run(['get', 'clients', 'C002']);
    expect(header(en.stdout)).toMatch(/^code\s+name\s+shortName\s+status/);
    expect(en.stdout).toContain('blocked');
  });

  it('the flag works before the command too; a zh locale, CUSTCODE_LANG and the config choose when it is absent, strongest first', async () => {
    const chinese = (stdout: string) => header(stdout).startsWith('客户编号');
    expect(chinese((await run(['--lang', 'zh', 'get', 'clients', 'C001'])).stdout)).toBe(true);
    expect(chinese((await run(['get', 'clients', 'C001'], { LANG: 'zh_CN.UTF-8' })).stdout)).toBe(true);
    expect(chinese((await run(['get', 'clients', 'C001'], { LANG: 'en_US.UTF-8' })).stdout)).toBe(false);
    expect(chinese((await run(['get', 'clients', 'C001'], { LANG: 'zh_CN.UTF-8', CUSTCODE_LANG: 'en' })).stdout)).toBe(false);
    expect(chinese((await run(['get', 'clients', 'C001'], {}, zhProject.directory)).stdout)).toBe(true);
    expect(chinese((await run(['get', 'clients', 'C001', '--lang', 'en'], {}, zhProject.directory)).stdout)).toBe(false);
    expect(chinese((await run(['get', 'clients', 'C001'], { CUSTCODE_LANG: 'en' }, zhProject.directory)).stdout)).toBe(false);
  });

  it('--json is the same in every language', async () => {
    const en = await run(['search', 'clients', '--json']);
    const zh = await run(['search', 'clients', '--json', '--lang', 'zh'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.stdout).toBe(en.stdout);
    expect(JSON.parse(zh.stdout).map((customer: { status: string }) => customer.status)).toContain('blocked');
    const got = await run(['get', 'clients', 'C002', '--json', '--lang', 'zh']);
    expect(JSON.parse(got.stdout)[0]).toMatchObject({ code: 'C002', status: 'blocked' });
  });

  it('search, sources and get speak Chinese on stderr too: no match, not found', async () => {
    const search = await run(['search', 'clients', '--status', 'blocked', '--lang', 'zh']);
    expect(header(search.stdout)).toMatch(/^客户编号\s+客户名称/);
    expect(search.stdout).toContain('停用');
    expect((await run(['search', 'clients', 'NOTHING-LIKE-THIS', '--lang', 'zh'])).stderr).toBe('没有符合条件的客户\n');
    expect((await run(['search', 'clients', 'NOTHING-LIKE-THIS'])).stderr).toBe('no customers match\n');
    const sources = await run(['sources', '--lang', 'zh']);
    expect(header(sources.stdout)).toMatch(/^数据源\s+ERP\s+连接目标$/);
    const missing = await run(['get', 'clients', 'NOPE', '--lang', 'zh']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toBe('未找到：NOPE\n');
  });

  it('audit: the summary table in Chinese; the HTML page follows a chosen language only, not the locale', async () => {
    const zh = await run(['audit', 'clients', '--lang', 'zh', '--html', 'audit-zh.html']);
    expect(zh.exitCode).toBe(0);
    expect(zh.stdout).toMatch(/^clients 审计：5 条记录/);
    expect(zh.stdout).toMatch(/问题\s+数量\s+说明/);
    expect(zh.stdout).toMatch(/重复编号\s+0/);
    expect(zh.stdout).not.toMatch(/\b(finding|count|duplicate codes)\b/);
    expect(readFileSync(join(project.directory, 'audit-zh.html'), 'utf8')).toContain('<html lang="zh-CN">');
    const byLocale = await run(['audit', 'clients', '--html', 'audit-locale.html'], { LANG: 'zh_CN.UTF-8' });
    expect(byLocale.stdout).toMatch(/问题\s+数量/);
    expect(readFileSync(join(project.directory, 'audit-locale.html'), 'utf8')).toContain('<html lang="en">');
    const en = await run(['audit', 'clients']);
    expect(en.stdout).toMatch(/^Audit of clients: 5 records/);
    expect(en.stdout).toMatch(/duplicate codes\s+0/);
  });

  it('changes: kinds and notes in the language', async () => {
    const zh = await run(['changes', 'clients', '--since', '2025-01-01', '--lang', 'zh']);
    expect(zh.exitCode).toBe(0);
    expect(zh.stdout).toMatch(/^clients：新增 \d+，修改 \d+，停用 \d+，启用 \d+，删除 \d+（自 2025-01-01 起）/);
    expect(zh.stdout).toContain('注：');
    const en = await run(['changes', 'clients', '--since', '2025-01-01']);
    expect(en.stdout).toMatch(/^clients: \d+ added, \d+ changed, \d+ blocked, 0 unblocked, 0 deleted \(since 2025-01-01\)/);
    expect(en.stdout).toContain('note: ');
  });

  it('report: --lang writes the body in one language; a locale alone keeps it bilingual', async () => {
    const zh = await run(['report', 'clients', '--template', 'summary', '--out', 'summary-zh.html', '--lang', 'zh']);
    expect(zh.exitCode).toBe(0);
    expect(zh.stderr).toContain('已写入 clients 的客户资料汇总表报表');
    const html = readFileSync(join(project.directory, 'summary-zh.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<h1>客户资料汇总表</h1>');
    expect(html).not.toMatch(/Customer summary|Blocked|Total/);
    const en = await run(['report', 'clients', '--template', 'summary', '--out', 'summary-en.html', '--lang', 'en']);
    expect(en.exitCode).toBe(0);
    expect(readFileSync(join(project.directory, 'summary-en.html'), 'utf8')).toContain('<h1>Customer summary</h1>');
    await run(['report', 'clients', '--template', 'summary', '--out', 'summary-both.html'], { LANG: 'zh_CN.UTF-8' });
    expect(readFileSync(join(project.directory, 'summary-both.html'), 'utf8')).toContain('<h1>客户资料汇总表 Customer summary</h1>');
  });

  it('every command\'s help lists --lang', async () => {
    for (const command of ['audit', 'get', 'report']) {
      const help = await run([command, '--help']);
      expect(help.exitCode).toBe(0);
      expect(help.stdout, command).toMatch(/--lang <lang>/);
    }
  });

  it('an unknown language is a usage error naming the choices', async () => {
    const wrong = await run(['get', 'clients', 'C001', '--lang', 'fr']);
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toMatch(/Unknown language "fr"/);
    expect(wrong.stderr).toMatch(/zh .*en/);
    expect((await run(['get', 'clients', 'C001'], { CUSTCODE_LANG: 'de' })).exitCode).toBe(2);
  });
});
