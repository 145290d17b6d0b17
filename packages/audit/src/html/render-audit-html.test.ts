import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleCustomers } from '@custcode/sample';
import { audit } from '../audit.js';
import type { AuditReport } from '../audit-types.js';
import { renderAuditHtml } from './render-audit-html.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const chromiumMissing = CHROMIUM ? undefined : 'chromium is not installed (/usr/bin/chromium); apt-get install -y chromium to run the browser check';
if (chromiumMissing) console.warn(`Skipping the headless-browser test of the audit HTML: ${chromiumMissing}`);

const hostile = '<img src=x onerror="document.body.dataset.pwned=1">&"\'';

async function sampleReport(): Promise<AuditReport> {
  const sample = generateSampleCustomers({ count: 2_000, seed: 3, problems: true });
  // Damaged text, so that both values show up in the garbled-text table.
  sample.customers.push({ code: 'KH-EVIL', name: `${hostile}\u0007`, status: 'active', address: '</script><script>document.body.dataset.pwned=2</script>\uFFFD' });
  return audit(sample.customers, { source: 'sample<u8>' });
}

describe('renderAuditHtml', () => {
  let report: AuditReport;
  let html: string;
  beforeAll(async () => {
    report = await sampleReport();
    html = renderAuditHtml(report, { generatedAt: '2026-01-01T00:00:00Z' });
  });

  it('is one self-contained page: no external scripts, styles, images or fonts', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('escapes every piece of data', () => {
    expect(html).not.toContain(hostile);
    expect(html).toContain('&lt;img src=x onerror=&quot;document.body.dataset.pwned=1&quot;&gt;&amp;&quot;&#39;');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;');
    expect(html).toContain('Customer code audit — sample&lt;u8&gt;');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('shows control characters of garbled values visibly', () => {
    const withControl = report.garbled.find((item) => item.kind === 'control-characters' && /[\u0007\u001B\u0008\u000B]/.test(item.value));
    expect(withControl).toBeDefined();
    expect(html).toMatch(/\\u00(07|1b|08|0b)/);
  });
});

describe('renderAuditHtml in both languages', () => {
  let zh: string;
  let en: string;
  beforeAll(async () => {
    const report = await sampleReport();
    zh = renderAuditHtml(report, { generatedAt: '2026-01-01T00:00:00Z', lang: 'zh-CN', maxRows: 3 });
    en = renderAuditHtml(report, { generatedAt: '2026-01-01T00:00:00Z', lang: 'en', maxRows: 3 });
  });
  // Words of the page itself (not data): each appears in its own language only.
  const ZH_WORDS = ['客户编号审计', '数据源', '记录数', '重复编号', '流水号断号', '各类问题数量', '编号长度', '存储的编号', '建议修复', 'data-template="显示 {n} 条"', '筛选乱码', '仅显示前'];
  const EN_WORDS = ['Customer code audit', 'Records', 'Duplicate codes', 'Serial gaps', 'Findings by kind', 'Code length', 'Codes as stored', 'Suggested repair', 'data-template="{n} shown"', 'Filter garbled text', 'Showing the first', 'Nothing was changed'];

  it('writes every page word in the chosen language, none of the other', () => {
    for (const word of ZH_WORDS) {
      expect(zh, word).toContain(word);
      expect(en, word).not.toContain(word);
    }
    for (const word of EN_WORDS) {
      expect(en, word).toContain(word);
      expect(zh, word).not.toContain(word);
    }
    expect(zh).toContain('<html lang="zh-CN">');
  });

  it('keeps the inline style and script identical across languages (the console allows them by hash)', () => {
    const blocks = (html: string) => [...html.matchAll(/<(style|script)>([\s\S]*?)<\/\1>/g)].map((match) => match[2]);
    expect(blocks(zh)).toEqual(blocks(en));
    expect(blocks(zh)).toHaveLength(2);
  });

  it('breaks codes anywhere but wraps text at words, in a scroll container', () => {
    expect(zh).toMatch(/word-break:normal/);
    expect(zh).not.toMatch(/word-break:break-all/);
    expect(zh).toMatch(/<td class="code">/);
    expect(zh).toMatch(/<div class="scroll"><table data-kind="duplicates">/);
  });
});

describe.skipIf(chromiumMissing !== undefined)('audit HTML in headless Chromium', () => {
  let directory: string;
  let dom: string;
  let report: AuditReport;
  beforeAll(async () => {
    report = await sampleReport();
    directory = await mkdtemp(join(tmpdir(), 'custcode-audit-html-'));
    const file = join(directory, 'audit.html');
    await writeFile(file, renderAuditHtml(report, { maxRows: 25 }));
    const { stdout } = await promisify(execFile)(
      CHROMIUM!,
      ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(directory, 'profile')}`, '--dump-dom', pathToFileURL(file).href],
      { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
    );
    dom = stdout;
  }, 90_000);
  afterAll(async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('runs the inline script without errors and without running injected code', () => {
    expect(dom).toMatch(/<body[^>]*data-ready="true"/);
    expect(dom).not.toContain('data-pwned');
  });

  it('filters a table from the text typed (here preset by the #filter= link)', async () => {
    const file = join(directory, 'audit.html');
    const { stdout } = await promisify(execFile)(
      CHROMIUM!,
      ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(directory, 'profile')}`, '--dump-dom', `${pathToFileURL(file).href}#filter=garbled:utf8-as-latin1`],
      { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
    );
    const section = stdout.slice(stdout.indexOf('<table data-kind="garbled"'));
    const rows = section.slice(0, section.indexOf('</table>')).split('<tr').slice(2);
    const visible = rows.filter((row) => !row.startsWith(' class="hidden"'));
    const expected = report.garbled.slice(0, 25).filter((item) => item.kind === 'utf8-as-latin1').length;
    expect(expected).toBeGreaterThan(0);
    expect(visible).toHaveLength(expected);
    expect(visible.every((row) => row.includes('utf8-as-latin1'))).toBe(true);
    expect(stdout).toContain(`<p class="shown" data-shown="garbled" data-template="{n} shown">${expected} shown</p>`);
  }, 90_000);

  it('draws the four charts as inline SVG with data in them', () => {
    for (const chart of ['findings-by-kind', 'code-lengths', 'prefixes', 'serial-coverage']) {
      expect(dom).toMatch(new RegExp(`<svg[^>]*data-chart="${chart}"`));
    }
    const coverage = dom.slice(dom.indexOf('data-chart="serial-coverage"'));
    expect(coverage.slice(0, coverage.indexOf('</svg>'))).toContain('class="gap"');
  });

  it('has a searchable table for every kind with findings, capped at maxRows', () => {
    for (const kind of ['duplicates', 'missing', 'gaps', 'formatViolations', 'garbled', 'invalidTaxIds', 'nearDuplicates'] as const) {
      const section = dom.slice(dom.indexOf(`<table data-kind="${kind}"`));
      const table = section.slice(0, section.indexOf('</table>'));
      expect(table.match(/<tr>/g)?.length, kind).toBe(Math.min(report[kind].length, 25) + 1);
      expect(dom).toContain(`data-filter="${kind}"`);
    }
  });
});
