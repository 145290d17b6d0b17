import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../start-server.js';
import { type Customer, createMemorySource } from '@custcode/core';
import { API_KEYS, entryOf, fixtureApp } from '../testing/api-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const unavailable = existsSync(CHROMIUM) ? undefined : `console browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium)`;
if (unavailable) console.warn(unavailable);

describe.skipIf(unavailable !== undefined)('web console in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  const fixture = fixtureApp();

  beforeAll(async () => {
    server = await startServer(fixture.custcode, { port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh browser profile in Chinese, signed in with `key` through the console's key dialog. */
  async function signedIn(key: string): Promise<Page> {
    const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('blob:')) external.push(request.url());
    });
    await page.goto(server.url);
    await page.locator('#key-dialog').waitFor({ state: 'visible' });
    await page.fill('#api-key', key);
    await page.click('#key-save');
    await page.locator('#results-body tr').first().waitFor();
    expect(external).toEqual([]);
    return page;
  }
  const codes = (page: Page) => page.locator('#results-body tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code')));

  it('searches as you type, opens a customer with its raw columns, and exports', async () => {
    const page = await signedIn(API_KEYS.analyst);
    expect(await page.textContent('h1')).toContain('客户编号查询');
    // The favicon is a built file of the console's own origin (the CSP's img-src 'self'; no CDN, no data: URL).
    const icon = await page.getAttribute('link[rel="icon"]', 'href');
    expect(icon).toMatch(/^\/console\/assets\/favicon-[\w-]+\.svg$/);
    const iconResponse = await page.request.get(new URL(icon!, server.url).href);
    expect(iconResponse.status()).toBe(200);
    expect(iconResponse.headers()['content-type']).toBe('image/svg+xml');
    expect(await iconResponse.text()).toContain('<svg');
    expect(await page.textContent('#source option[value="k3"]')).toBe('k3 — Kingdee K/3 Cloud (T_BD_CUSTOMER)');
    expect(await codes(page)).toEqual(['C0001', 'C0002', 'C0003', 'C0004', 'C0005']);
    await page.fill('#search', 'bjhx');
    await expect.poll(() => codes(page)).toEqual(['C0001']);
    // Pinyin initials count from the start of the name: kj (科技 inside 北京华信科技…, 深圳前海科技…) finds nothing.
    await page.fill('#search', 'kj');
    await expect.poll(() => codes(page)).toEqual([]);
    await page.fill('#search', 'SZ');
    await expect.poll(() => codes(page)).toEqual(['C0005']);
    await page.fill('#search', '');
    await page.selectOption('#filter-status', 'blocked');
    await expect.poll(() => codes(page)).toEqual(['C0003']);
    await page.click('#results-body tr[data-code="C0003"]');
    await page.locator('#detail-raw tr[data-column="FTEL"]').waitFor();
    expect(await page.textContent('#detail-fields tr[data-field="phone"] td')).toBe('13800000003');
    expect(await page.textContent('#detail-raw tr[data-column="FTEL"] td')).toBe('13800000003');
    await page.click('#back');
    await page.locator('#list-page').waitFor({ state: 'visible' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(download.suggestedFilename()).toBe('k3.csv');
    expect(csv[0]).toContain('客户编号');
    expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual(['C0003']);
    await page.context().close();
  });

  it('shows the audit summary and the full report with its charts and finding tables', async () => {
    const page = await signedIn(API_KEYS.analyst);
    await page.click('#audit');
    await page.locator('#audit-report td[data-kind="total"]').waitFor();
    expect(Number(await page.textContent('#audit-report td[data-kind="total"]'))).toBeGreaterThan(0);
    await page.click('#audit-full');
    const frame = page.frameLocator('#audit-frame');
    await frame.locator('svg[data-chart="findings-by-kind"]').waitFor();
    // Its own script ran under the console's CSP.
    await frame.locator('body[data-ready="true"]').waitFor();
    expect(await frame.locator('svg[data-chart]').count()).toBeGreaterThanOrEqual(4);
    expect(await frame.locator('table').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('remembers the chosen columns and switches to English', async () => {
    const page = await signedIn(API_KEYS.analyst);
    await page.click('#columns');
    await page.check('#column-taxId');
    await page.uncheck('#column-shortName');
    expect(await page.locator('#results-head th').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-field')))).toEqual(['code', 'org', 'name', 'taxId', 'phone', 'region', 'status']);
    await page.reload();
    await page.locator('#results-body tr').first().waitFor();
    expect(await page.locator('#results-head th').count()).toBe(7);
    expect(await page.textContent('#results-head th[data-field="taxId"]')).toBe('税号');
    await page.click('#lang-toggle');
    expect(await page.textContent('#results-head th[data-field="taxId"]')).toBe('Tax id');
    expect(await page.textContent('h1')).toContain('Customer numbers');
    await page.context().close();
  });

  it('shows a viewer masked values, only the allowed org, and no export', async () => {
    const page = await signedIn(API_KEYS.viewer);
    expect(await codes(page)).toEqual(['C0002', 'C0003', 'C0004', 'C0005']);
    expect(await page.textContent('#results-body tr[data-code="C0002"] td[data-field="phone"]')).toBe('138****0002');
    expect(await page.isHidden('#export')).toBe(true);
    await page.click('#results-body tr[data-code="C0002"]');
    await page.locator('#detail-raw tr[data-column="FTEL"]').waitFor();
    expect(await page.textContent('#detail-raw tr[data-column="FTEL"] td')).toBe('138****0002');
    expect(await page.textContent('#detail-fields tr[data-field="taxId"] td')).toBe('9111********021L');
    expect(await page.content()).not.toContain('13800000002');
    await page.context().close();
  });

  it('works without roles: no key, the org dropdown, and an NDJSON export', async () => {
    const open = fixtureApp({ policy: undefined });
    const openServer = await startServer(open.custcode, { port: 0, host: '127.0.0.1' });
    const context = await browser.newContext({ acceptDownloads: true, locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto(openServer.url);
      await page.locator('#results-body tr').first().waitFor();
      expect(await page.isHidden('#key-dialog')).toBe(true);
      expect(await page.textContent('#results-head th[data-field="code"]')).toBe('Code');
      await page.selectOption('#export-format', 'ndjson');
      // The org filter offers the source's own orgs.
      expect(await page.locator('#filter-org option').allTextContents()).toEqual(['Any', '100002 (4)', '100001 (1)']);
      await page.selectOption('#filter-org', '100001');
      await expect.poll(() => codes(page)).toEqual(['C0001']);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
      expect(download.suggestedFilename()).toBe('k3.ndjson');
      const lines = readFileSync((await download.path())!, 'utf8').trim().split('\n');
      expect(lines.map((line) => (JSON.parse(line) as { code: string }).code)).toEqual(['C0001']);
    } finally {
      await context.close();
      await openServer.close();
    }
  });

  it('dims the rows while loading, then says in the UI language what failed instead of keeping stale rows', async () => {
    const page = await signedIn(API_KEYS.analyst);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/sources/k3/customers?*', async (route) => {
      await held;
      await route.abort('connectionrefused');
    });
    await page.fill('#search', 'C000');
    await page.locator('#results.loading').waitFor();
    expect(await page.isVisible('#progress')).toBe(true);
    expect(await page.locator('#results-body tr').count()).toBe(5);
    release();
    await page.locator('#grid-state .error').waitFor();
    expect(await page.textContent('#grid-state .error')).toContain('无法连接服务器');
    expect(await page.locator('#results-body tr').count()).toBe(0);
    expect(await page.isVisible('#progress')).toBe(false);
    await page.unroute('**/sources/k3/customers?*');
    await page.click('#retry');
    await expect.poll(() => codes(page)).toEqual(['C0001', 'C0002', 'C0003', 'C0004', 'C0005']);
    expect(await page.isHidden('#grid-state')).toBe(true);
    await page.context().close();
  });

  it('applies a saved view from the config', async () => {
    const page = await signedIn(API_KEYS.analyst);
    await page.selectOption('#view', 'active-100002');
    await expect.poll(() => codes(page)).toEqual(['C0002', 'C0004', 'C0005']);
    expect(await page.inputValue('#filter-org')).toBe('100002');
    await page.context().close();
  });
});

/** 45 customers whose names run against their codes, so a name sort differs from the code order on every page. */
function manyCustomers(): Customer[] {
  return Array.from({ length: 45 }, (_, index) => {
    const code = `K${String(index + 1).padStart(3, '0')}`;
    // Some names share their first characters and one has none of the usual prefix: ties break on the code.
    const name = index === 7 ? 'Zeta 贸易' : `客户${String.fromCharCode(0x4e00 + ((45 - index) % 40))}${index % 3}`;
    return { source: 'big', erp: 'file', code, name, status: index % 5 === 0 ? 'blocked' : 'active', raw: {} } satisfies Customer;
  });
}

describe.skipIf(unavailable !== undefined)('web console in Chromium: sorting the whole result', () => {
  let browser: Browser;
  let server: RunningServer;
  const rows = manyCustomers();
  const big = createMemorySource({ name: 'big', customers: rows, pageSize: 7 });
  // A source whose transport cannot order rows (as SAP RFC_READ_TABLE): the console must not offer column sorts.
  const fixed = createMemorySource({ name: 'rfc', customers: rows.slice(0, 3).map((row) => ({ ...row, source: 'rfc' })) });
  const unsortable = { ...fixed, describe: () => ({ ...fixed.describe(), sortFields: [], sortUnsupportedReason: 'RFC_READ_TABLE has no ORDER BY' }) };
  const fixture = fixtureApp({ sources: { big: entryOf(big), rfc: entryOf(unsortable) } });

  beforeAll(async () => {
    server = await startServer(fixture.custcode, { port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const names = (page: Page) => page.locator('#results-body td[data-field="name"]').evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''));
  const byName = (direction: 1 | -1) => [...rows].sort((a, b) => (a.name === b.name ? (a.code < b.code ? -1 : 1) * direction : a.name < b.name ? -direction : direction)).map((row) => row.name);

  it('a header click sorts every page through the server: page 2 continues the order, totals stay right', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.fill('#api-key', API_KEYS.analyst);
    await page.click('#key-save');
    // From here on (the 401 before the key was given is expected), no console error.
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.selectOption('#source', 'big');
    await page.locator('#results-body tr[data-code="K001"]').waitFor();
    await page.selectOption('#page-size', '20');
    await expect.poll(() => page.locator('#results-body tr').count()).toBe(20);
    const sorts: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('/customers')) sorts.push(url.searchParams.get('sort') ?? '');
    });
    await page.click('#results-head th[data-field="name"]');
    await expect.poll(() => names(page)).toEqual(byName(1).slice(0, 20));
    expect(sorts.at(-1)).toBe('name:asc');
    expect(await page.getAttribute('#results-head th[data-field="name"]', 'aria-sort')).toBe('ascending');
    await page.click('#page-next');
    // The first row of page 2 follows the last row of page 1 in the whole result's order.
    await expect.poll(() => names(page)).toEqual(byName(1).slice(20, 40));
    expect(await page.textContent('#page-label')).toContain('3');
    await page.click('#page-next');
    await expect.poll(() => names(page)).toEqual(byName(1).slice(40));
    await page.click('#results-head th[data-field="name"]');
    await expect.poll(() => names(page)).toEqual(byName(-1).slice(0, 20));
    expect(sorts.at(-1)).toBe('name:desc');
    await page.click('#page-next');
    await expect.poll(() => names(page)).toEqual(byName(-1).slice(20, 40));
    // Typing a search ranks by relevance: the exact code first, then codes starting with it.
    await page.click('#results-head th[data-field="name"]');
    await page.fill('#search', 'k010');
    await expect.poll(() => page.locator('#results-body tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))).toEqual(['K010']);
    expect(sorts.at(-1)).toBe('relevance');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('a source that cannot sort shows its columns as not sortable, saying why', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.fill('#api-key', API_KEYS.analyst);
    await page.click('#key-save');
    await page.selectOption('#source', 'rfc');
    await page.locator('#results-body tr[data-code="K003"]').waitFor();
    const header = page.locator('#results-head th[data-field="name"]');
    expect(await header.getAttribute('aria-disabled')).toBe('true');
    expect(await header.getAttribute('title')).toContain('RFC_READ_TABLE has no ORDER BY');
    // Playwright would wait for an aria-disabled element to be enabled: click it as a user could anyway.
    await header.click({ force: true });
    expect(await header.getAttribute('aria-sort')).toBeNull();
    expect(await page.locator('#sort-select option').count()).toBe(1);
    await context.close();
  });
});
