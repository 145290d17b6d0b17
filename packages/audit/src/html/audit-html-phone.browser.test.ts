/** The audit page on a 390 px phone: nothing wider than the screen, text wrapped at words, codes allowed to break. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleCustomers } from '@custcode/sample';
import { audit } from '../audit.js';
import { renderAuditHtml } from './render-audit-html.js';

const CHROMIUM = '/usr/bin/chromium';
const unavailable = existsSync(CHROMIUM) ? undefined : `audit phone test skipped: ${CHROMIUM} is not installed (apt-get install chromium)`;
if (unavailable) console.warn(unavailable);

describe.skipIf(unavailable !== undefined)('audit HTML at 390 px', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['zh-CN', 'en'] as const)('%s: no sideways page scroll; wide tables scroll in their own box; words stay whole', async (lang) => {
    const sample = generateSampleCustomers({ count: 1_000, seed: 3, problems: true });
    const html = renderAuditHtml(await audit(sample.customers, { source: 'u8' }), { lang, maxRows: 20 });
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.setContent(html);
      // Page-side code as text: this package is type-checked without the DOM library.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      // Text cells wrap at word boundaries; only code cells may break inside a word.
      const split = await page.evaluate(`[...document.querySelectorAll('td:not(.code)')].filter((cell) => {
        const style = getComputedStyle(cell);
        return style.wordBreak === 'break-all' || style.overflowWrap === 'anywhere';
      }).length`);
      expect(split).toBe(0);
      expect(await page.evaluate(`getComputedStyle(document.querySelector('td.code')).overflowWrap`)).toBe('anywhere');
      expect(await page.evaluate(`[...document.querySelectorAll('.scroll')].every((box) => box.clientWidth <= 390)`)).toBe(true);
      // As laid out: no Latin word or number outside a code cell is drawn over two lines (a hyphen, as
      // in same-tax-id, is a break opportunity in every browser, so a word here ends at one).
      const splitWords = await page.evaluate(`(() => {
        const split = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement.closest('td.code, script, style, svg')) continue;
          for (const match of node.textContent.matchAll(/[A-Za-z0-9][A-Za-z0-9'’.,]*[A-Za-z0-9]/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
            if (tops.size > 1) split.push(match[0]);
          }
        }
        return split;
      })()`);
      expect(splitWords).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
