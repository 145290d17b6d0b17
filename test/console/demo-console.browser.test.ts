/**
 * The web console in Chromium over the demo's sources, as a new user meets it, at 1366×900 and 390×844:
 * the odd-code rows open the right customers, sort, pages, dropdown filters, language, export of the
 * chosen columns, the audit's full report under the CSP, and the phone layout. Runs the built `custcode`
 * (`npm run build`); screenshots of each step go to the system's temp directory, never into the repository.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { custcode, notBuilt, type ServeProcess, startServe } from '../adversarial/support/built-custcode.js';

const CHROMIUM = '/usr/bin/chromium';
const skipped = notBuilt ?? (existsSync(CHROMIUM) ? undefined : `console browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);
if (skipped) console.warn(skipped);

const SCREENSHOTS = join(tmpdir(), 'custcode-console-screenshots');
const VIEWPORTS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;
const HAN = /\p{Script=Han}/u;

/**
 * Every string of the page's own (not the customers' data) that a user sees or hears, by where it is:
 * visible text nodes, placeholders, titles, aria labels, the document title. Data cells, the source list,
 * view names and the filters' value options are left out: they are the ERP's words and do not translate.
 */
const uiStrings = (page: Page): Promise<Record<string, string>> =>
  // Page-side code as text: the tests are type-checked without the DOM library.
  page.evaluate(`(() => {
    const DATA = [
      '#results-body td[data-field]:not([data-field="status"])', '#detail-fields td:not([data-field="status"])', '#detail-raw', '#detail-title',
      '#source option', '#view option:not([value=""])', 'select[id^="filter-"]:not(#filter-status) option:not([value=""])', 'script', 'style',
    ].join(', ');
    const strings = { 'document.title': document.title };
    const path = (node) => {
      const parts = [];
      for (let element = node; element && element !== document.body; element = element.parentElement) {
        parts.unshift(element.id ? '#' + element.id : element.tagName.toLowerCase() + ':' + [...(element.parentElement ? element.parentElement.children : [])].indexOf(element));
        if (element.id) break;
      }
      return parts.join('>');
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let index = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent.trim();
      if (text === '' || parent.closest(DATA) || !parent.checkVisibility()) continue;
      strings[path(parent) + '#' + index++] = text;
    }
    for (const element of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
      if (element.closest(DATA) || !element.checkVisibility()) continue;
      for (const name of ['placeholder', 'title', 'aria-label']) {
        const value = element.getAttribute(name);
        if (value) strings[path(element) + '@' + name] = value;
      }
    }
    // Labels drawn by CSS (the phone's cards: td::before { content: attr(data-label) }), data cells included.
    for (const element of document.querySelectorAll('[data-label]')) {
      if (element.checkVisibility() && getComputedStyle(element, '::before').content !== 'none') strings[path(element) + '@data-label'] = element.getAttribute('data-label');
    }
    return strings;
  })()`);
/** UI strings still in Chinese, but for the language button, which names the other language (中文). */
const leftInChinese = (strings: Record<string, string>) => Object.entries(strings).filter(([key, text]) => !key.startsWith('#lang-toggle') && HAN.test(text));
/** Words both languages write alike: product names, formats and numbers. */
const SAME_IN_BOTH = /^(ERP|CSV|XLSX|JSON|NDJSON|PDF|API|custcode ·|[\d,.%:–\-/ ()]+)$/;

describe.skipIf(skipped !== undefined)('the console over the demo sources', () => {
  let directory: string;
  let server: ServeProcess;
  let browser: Browser;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'custcode-console-demo-'));
    mkdirSync(SCREENSHOTS, { recursive: true });
    const demo = custcode(['demo', '--dir', directory], { cwd: directory });
    expect(demo.exitCode, demo.stderr).toBe(0);
    server = await startServe({ cwd: directory });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    console.info(`console screenshots: ${SCREENSHOTS}`);
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await server.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  /** A fresh Chinese profile at `size`; console errors, page errors and requests to other hosts are collected. */
  async function open(size: keyof typeof VIEWPORTS): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: VIEWPORTS[size], locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (entry) => {
      if (entry.type() === 'error') problems.push(`console: ${entry.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !/^(blob|data|about):/.test(request.url())) problems.push(`external: ${request.url()}`);
    });
    await page.goto(server.url);
    await page.locator('#results-body tr').first().waitFor();
    return { page, problems };
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
  const idle = (page: Page) => page.locator('#results[aria-busy="false"]').waitFor();
  const detailName = (page: Page) => page.locator('#detail-fields tr[data-field="name"] td').textContent();
  const noHorizontalScroll = (page: Page) => page.locator('html').evaluate((html) => html.scrollWidth <= html.clientWidth);
  const style = (page: Page, selector: string, property: string) => page.locator(selector).first().evaluate((node, name) => node.ownerDocument.defaultView!.getComputedStyle(node).getPropertyValue(name), property);

  /** Opens the row's detail page: the customer's name there, and the stored code column as the page renders it. */
  async function openRow(page: Page, code: string, size: string, step: string): Promise<string | null> {
    const row = page.locator(`#results-body tr[data-code="${code}"]`);
    await row.locator('a.code').click();
    await page.locator('#detail-fields tr[data-field="name"]').waitFor();
    await shot(page, `${size}-${step}`);
    // The raw column shows the code exactly as stored, its spaces kept.
    expect(await page.locator('#detail-raw tr[data-column="cCusCode"] td').innerText()).toBe(code);
    const name = await detailName(page);
    await page.click('#back');
    await page.locator('#list-page').waitFor({ state: 'visible' });
    return name;
  }

  for (const size of ['desktop', 'phone'] as const) {
    it(`${size}: the leading-space and empty-code rows of u8 open their own customers, marked in the list`, async () => {
      const { page, problems } = await open(size);
      await shot(page, `${size}-1-list`);
      expect(await page.inputValue('#source')).toBe('u8');
      expect(await page.textContent('#result-count')).toContain('共 1,910 条');
      const leading = page.locator('#results-body tr[data-code=" KH20210032"]');
      expect(await leading.locator('.odd').getAttribute('data-odd')).toBe('leading');
      expect(await page.locator('#results-body tr[data-code=""] .odd').getAttribute('data-odd')).toBe('empty');
      expect(await openRow(page, ' KH20210032', size, '2-leading-space')).toBe('上海悦蓝驰医药股份有限公司');
      expect(await openRow(page, '', size, '3-empty-code')).toBe('武汉卓荣域服饰股份有限公司');
      // The trimmed code is another customer, and opens as itself.
      await page.fill('#search', 'KH20210032');
      await page.locator('#results-body tr[data-code="KH20210032"]').waitFor();
      expect(await openRow(page, 'KH20210032', size, '4-trimmed-code')).toBe('鑫宇霖光电（重庆）有限公司');
      if (size === 'phone') expect(await noHorizontalScroll(page)).toBe(true);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it('desktop: opens every demo source with rows, its total, its own records, and no error', async () => {
    const { page, problems } = await open('desktop');
    const names = await page.locator('#source option').evaluateAll((options) => options.map((option) => option.getAttribute('value') ?? ''));
    expect(names).toEqual(['u8', 'nc', 'k3', 'k3wise', 'ebs', 'crm', 'sap', 'clients']);
    for (const name of names) {
      await page.selectOption('#source', name);
      await idle(page);
      await page.locator('#results-body tr').first().waitFor();
      expect(await page.isHidden('#grid-state'), name).toBe(true);
      expect(await page.textContent('#result-count'), name).toMatch(/^共 [\d,]+ 条/);
      // The category dropdown is filled from the source's own values wherever the source has categories.
      if ((await page.locator('#filter-category').count()) > 0) await expect.poll(() => page.locator('#filter-category option').count(), { message: name }).toBeGreaterThan(1);
      await shot(page, `desktop-source-${name}`);
      // A row opens its own record: for the file, the third of its rows with an empty code.
      const row = page.locator('#results-body tr').nth(name === 'clients' ? 2 : 0);
      if (name === 'clients') expect(await row.getAttribute('data-code')).toBe('');
      const listed = await row.locator('td[data-field="name"]').textContent();
      await row.locator('a.code').click();
      await page.locator('#detail-fields tr[data-field="name"]').waitFor();
      expect(await detailName(page), name).toBe(listed);
      await page.click('#back');
      await page.locator('#list-page').waitFor({ state: 'visible' });
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('desktop: sorts the page by a column, pages on with page numbers, filters by the source\'s own values', async () => {
    const { page, problems } = await open('desktop');
    const column = (field: string) => page.locator(`#results-body td[data-field="${field}"]`).allTextContents();
    // The sort runs in the source (SQLite orders names by code point), over every page, not only the one shown.
    const inOrder = (names: string[], direction: 1 | -1) => names.every((name, index) => index === 0 || direction * (name < names[index - 1]! ? -1 : name > names[index - 1]! ? 1 : 0) >= 0);
    await page.click('#results-head th[data-field="name"]');
    await expect.poll(async () => inOrder(await column('name'), 1)).toBe(true);
    expect(await page.getAttribute('#results-head th[data-field="name"]', 'aria-sort')).toBe('ascending');
    const ascending = await column('name');
    await page.click('#results-head th[data-field="name"]');
    await expect.poll(async () => { const names = await column('name'); return inOrder(names, -1) && names[0] !== ascending[0]; }).toBe(true);
    // Descending starts where the whole result ends: past everything the ascending first page held.
    expect((await column('name'))[0]! > ascending.at(-1)!).toBe(true);
    await shot(page, 'desktop-5-sorted');

    const firstPage = await column('code');
    await page.click('#page-next');
    await idle(page);
    expect(await page.textContent('#page-label')).toBe('第 2 / 39 页');
    expect(await page.textContent('#result-count')).toContain('第 51–100 条');
    expect(await column('code')).not.toEqual(firstPage);
    await page.click('#pager button[data-page="1"]');
    await idle(page);
    expect(await page.textContent('#page-label')).toBe('第 1 / 39 页');
    await page.selectOption('#page-size', '20');
    await idle(page);
    expect(await page.textContent('#page-label')).toBe('第 1 / 96 页');
    expect(await page.locator('#results-body tr').count()).toBe(20);

    // The category dropdown holds the source's values with their counts; choosing one narrows the total to that count.
    expect(await page.locator('#filter-org').count()).toBe(0);
    const option = await page.locator('#filter-category option').nth(1).textContent();
    const [, value, count] = /^(.+) \(([\d,]+)\)$/.exec(option ?? '') ?? [];
    await page.selectOption('#filter-category', value!);
    await idle(page);
    expect(await page.textContent('#result-count')).toContain(`共 ${count} 条`);
    await page.click('#columns');
    await page.check('#column-category');
    expect(new Set(await page.locator('#results-body td[data-field="category"]').allTextContents())).toEqual(new Set([value]));
    await shot(page, 'desktop-6-filtered');
    await page.selectOption('#filter-status', 'deleted');
    await page.fill('#search', 'no-such-customer-zz');
    await page.locator('#grid-state .empty').waitFor();
    expect(await page.textContent('#grid-state')).toContain('删除');
    await shot(page, 'desktop-7-empty');
    await page.click('#grid-state button');
    await idle(page);
    expect(await page.textContent('#result-count')).toContain('共 1,910 条');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('desktop: a source scoped by org shows the org column and filter; the timestamps read YYYY-MM-DD HH:mm', async () => {
    const { page, problems } = await open('desktop');
    await page.selectOption('#source', 'k3');
    await page.locator('#filter-org').waitFor();
    await page.locator('#results-head th[data-field="org"]').waitFor();
    expect(await page.locator('#results-head th').evaluateAll((cells) => cells.slice(0, 2).map((cell) => cell.getAttribute('data-field')))).toEqual(['code', 'org']);
    expect(await page.locator('#results-body td[data-field="org"]').first().textContent()).not.toBe('');
    await page.click('#columns');
    await page.check('#column-createdAt');
    const stamps = await page.locator('#results-body td[data-field="createdAt"]').allTextContents();
    expect(stamps.filter((stamp) => stamp !== '').every((stamp) => /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/.test(stamp))).toBe(true);
    // A long row scrolls inside the grid; the code column stays in view.
    for (const field of ['taxId', 'contact', 'address', 'updatedAt']) await page.check(`#column-${field}`);
    expect(await style(page, '#results-body td', 'position')).toBe('sticky');
    expect(await style(page, '#results-body td[data-field="name"]', 'white-space')).toBe('nowrap');
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'desktop-8-k3-org');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('desktop: English switches every string of the page; export writes exactly the columns shown', async () => {
    const { page, problems } = await open('desktop');
    await page.selectOption('#filter-status', 'blocked');
    await idle(page);
    const chinese = await uiStrings(page);
    await page.click('#lang-toggle');
    await shot(page, 'desktop-9-english');
    // Every string on screen changed, none is left in Chinese, and the page did not gain or lose any.
    const english = await uiStrings(page);
    expect(Object.keys(english).sort()).toEqual(Object.keys(chinese).sort());
    const unchanged = Object.keys(chinese).filter((key) => english[key] === chinese[key] && !SAME_IN_BOTH.test(chinese[key]!));
    expect(unchanged.map((key) => `${key}: ${chinese[key]}`)).toEqual([]);
    expect(leftInChinese(english)).toEqual([]);
    // … and the Chinese page had no English word of its own (the product's name and the language button aside).
    const englishWords = Object.entries(chinese).filter(([key, text]) => !key.startsWith('#lang-toggle') && !SAME_IN_BOTH.test(text) && /[A-Za-z]{3,}/.test(text.replace(/custcode/g, '')));
    expect(englishWords).toEqual([]);
    // The language button names the other language (中文), as language switches do.
    expect(await page.textContent('#lang-toggle')).toBe('中文');
    const chrome = await page.locator('h1, label > span, button:not(#lang-toggle), th, #page-label, #result-count, #filter-status option, #results-body .badge, #results-body .odd').allInnerTexts();
    expect(chrome.filter((text) => /\p{Script=Han}/u.test(text))).toEqual([]);
    expect(await page.locator('#results-body .badge').first().textContent()).toBe('Blocked');
    await page.click('#results-body tr >> nth=0');
    await page.locator('#detail-fields tr[data-field="name"]').waitFor();
    const labels = await page.locator('#detail-fields th').allTextContents();
    expect(labels.filter((text) => HAN.test(text))).toEqual([]);
    expect(leftInChinese(await uiStrings(page))).toEqual([]);
    await page.click('#back');
    await page.locator('#list-page').waitFor({ state: 'visible' });
    // The empty state names the filters that excluded everything, in English.
    await page.fill('#search', 'no-such-customer-zz');
    await page.locator('#grid-state .empty').waitFor();
    expect(await page.textContent('#grid-state')).toContain('Blocked');
    expect(leftInChinese(await uiStrings(page))).toEqual([]);
    await shot(page, 'desktop-9b-english-empty');
    // An error says what failed and what to do, in English.
    await page.route('**/sources/u8/customers?*', (route) => route.abort('connectionrefused'));
    await page.fill('#search', 'still-nothing');
    await page.locator('#grid-state .error').waitFor();
    expect(await page.textContent('#grid-state .error')).toContain('The server cannot be reached');
    expect(leftInChinese(await uiStrings(page))).toEqual([]);
    await page.unroute('**/sources/u8/customers?*');
    // The refused request that this step caused on purpose is the browser's log line, not the console's error.
    problems.push(...problems.splice(0).filter((problem) => !problem.includes('net::ERR_CONNECTION_REFUSED')));
    await page.fill('#search', '');
    await idle(page);
    // The audit panel and its full report come in English too.
    await page.click('#audit');
    await page.locator('#audit-report td[data-kind="total"]').waitFor({ timeout: 60_000 });
    expect(leftInChinese(await uiStrings(page))).toEqual([]);
    await page.click('#audit-full');
    const frame = page.frameLocator('#audit-frame');
    await frame.locator('body[data-ready="true"]').waitFor();
    expect(await frame.locator('h1').textContent()).toMatch(/^Customer code audit — /);
    await shot(page, 'desktop-9c-english-audit');
    await page.reload();
    await page.locator('#results-body tr').first().waitFor();
    expect(await page.textContent('#lang-toggle')).toBe('中文');
    await page.click('#lang-toggle');
    await page.selectOption('#filter-status', '');
    await idle(page);

    const shown = await page.locator('#results-head th').allTextContents();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    await page.locator('#export-status[data-state="done"]').waitFor();
    expect(await page.textContent('#export-status')).toContain('已导出 u8.csv');
    const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]!.split(',')).toEqual(shown.map((header) => header.trim()));
    const total = Number(/共 ([\d,]+) 条/.exec((await page.textContent('#result-count')) ?? '')![1]!.replace(/,/g, ''));
    expect(lines).toHaveLength(total + 1);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('desktop: the audit summary, its counts listing their customers, and its full report styled and filterable under the CSP', async () => {
    const { page, problems } = await open('desktop');
    await page.click('#audit');
    await page.locator('#audit-report td[data-kind="total"]').waitFor({ timeout: 60_000 });
    expect(await page.textContent('#audit-report td[data-kind="total"]')).toBe('1,910');
    await shot(page, 'desktop-10-audit-summary');
    // Each count lists its customers in the grid: the missing code is the empty-code row …
    await page.click('#audit-report button.count[data-kind="missing"]');
    await page.locator('#findings-banner').waitFor();
    await idle(page);
    expect(await page.locator('#results-body tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code')))).toEqual(['']);
    expect(await page.textContent('#results-body td[data-field="name"]')).toBe('武汉卓荣域服饰股份有限公司');
    // … and the duplicates are rows whose codes come in groups that differ only in form (spaces, width, case, zeros).
    await page.click('#audit-report button.count[data-kind="duplicates"]');
    await idle(page);
    const duplicates = await page.locator('#results-body tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code') ?? ''));
    const form = (code: string) => code.normalize('NFKC').trim().toUpperCase().replace(/^0+(?=\d+$)/, '');
    const groups = new Map<string, number>();
    for (const code of duplicates) groups.set(form(code), (groups.get(form(code)) ?? 0) + 1);
    expect(duplicates.length).toBeGreaterThan(7);
    expect([...groups.values()].every((size) => size >= 2)).toBe(true);
    expect(await page.isHidden('#pager')).toBe(true);
    await shot(page, 'desktop-11-audit-duplicates');
    await page.click('#findings-back');
    await idle(page);
    expect(await page.textContent('#result-count')).toContain('共 1,910 条');

    await page.click('#audit-full');
    const frame = page.frameLocator('#audit-frame');
    await frame.locator('body[data-ready="true"]').waitFor();
    // The report's stylesheet applied (body margin 2rem) and its script filters rows.
    expect(await frame.locator('body').evaluate((body) => body.ownerDocument.defaultView!.getComputedStyle(body).marginTop)).toBe('32px');
    const filter = frame.locator('input.filter').first();
    const kind = await filter.getAttribute('data-filter');
    await filter.fill('zzz-nothing-matches');
    // The report comes in the console's language (Chinese here), its script's words too.
    expect(await frame.locator(`[data-shown="${kind}"]`).textContent()).toBe('显示 0 条');
    expect(await frame.locator('h1').textContent()).toMatch(/^客户编号审计 — /);
    await shot(page, 'desktop-12-audit-report');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('phone: pages on, runs the audit and lists a count\'s customers, exports the chosen columns; never wider than the screen', async () => {
    const { page, problems } = await open('phone');
    await page.click('#page-next');
    await idle(page);
    expect(await page.textContent('#page-label')).toBe('第 2 / 39 页');
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'phone-7-page-2');
    await page.click('#audit');
    await page.locator('#audit-report td[data-kind="total"]').waitFor({ timeout: 60_000 });
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.click('#audit-report button.count[data-kind="missing"]');
    await page.locator('#findings-banner').waitFor();
    await idle(page);
    expect(await page.locator('#results-body tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code')))).toEqual(['']);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'phone-8-audit-count');
    await page.click('#findings-back');
    await idle(page);
    // Two columns chosen: the file has exactly those, headed as the grid heads them.
    await page.click('#columns');
    for (const field of ['shortName', 'phone', 'region', 'status', 'org']) if (await page.locator(`#column-${field}`).isChecked()) await page.uncheck(`#column-${field}`);
    const chosen = await page.locator('#column-chooser input:checked').evaluateAll((boxes) => boxes.map((box) => box.getAttribute('data-field')));
    expect(chosen).toEqual(['code', 'name']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    await page.locator('#export-status[data-state="done"]').waitFor();
    const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('客户编号,客户名称');
    expect(lines).toHaveLength(1_911);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'phone-9-exported');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('phone: filters behind a button, results as cards, no horizontal scroll', async () => {
    const { page, problems } = await open('phone');
    expect(await page.isVisible('#filter-bar')).toBe(false);
    expect(await style(page, '#results-body tr', 'display')).toBe('grid');
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.click('#filters-toggle');
    expect(await page.isVisible('#filter-status')).toBe(true);
    await shot(page, 'phone-5-filters');
    await page.selectOption('#filter-status', 'blocked');
    await idle(page);
    expect(new Set(await page.locator('#results-body td[data-field="status"]').allTextContents())).toEqual(new Set(['停用']));
    expect(await noHorizontalScroll(page)).toBe(true);
    const chinese = await uiStrings(page);
    await page.click('#lang-toggle');
    expect(await page.textContent('#filters-toggle')).toBe('Filters');
    // On the phone too every string on screen changes (the cards' labels included) and none stays Chinese.
    const english = await uiStrings(page);
    expect(Object.keys(english).filter((key) => key.endsWith('@data-label')).length).toBeGreaterThan(10);
    expect(Object.keys(english).sort()).toEqual(Object.keys(chinese).sort());
    expect(Object.keys(chinese).filter((key) => english[key] === chinese[key] && !SAME_IN_BOTH.test(chinese[key]!))).toEqual([]);
    expect(leftInChinese(english)).toEqual([]);
    await shot(page, 'phone-6-english');
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
