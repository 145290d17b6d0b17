/** Report pages on a 390 px phone: nothing wider than the screen; wide tables scroll in their own box. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReportSource } from '@custcode/sample';
import { buildReport } from '../build-report.js';
import { REPORT_TEMPLATES } from '../report-types.js';
import { renderReportHtml } from './render-report-html.js';

const CHROMIUM = '/usr/bin/chromium';
const unavailable = existsSync(CHROMIUM) ? undefined : `report phone test skipped: ${CHROMIUM} is not installed (apt-get install chromium)`;
if (unavailable) console.warn(unavailable);

describe.skipIf(unavailable !== undefined)('report HTML at 390 px', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(REPORT_TEMPLATES)('%s, two sources side by side: no sideways page scroll, charts shrink to the screen', async (template) => {
    const report = await buildReport([{ source: sampleReportSource('u8', 300, 5) }, { source: sampleReportSource('k3', 200, 6, 'kingdee-k3cloud') }], { template, lang: 'zh-CN', maxRows: 50 });
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.setContent(renderReportHtml(report));
      // Page-side code as text: this package is type-checked without the DOM library.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      expect(await page.evaluate(`[...document.querySelectorAll('svg')].every((svg) => svg.getBoundingClientRect().right <= 390)`)).toBe(true);
      expect(await page.evaluate(`[...document.querySelectorAll('.scroll')].every((box) => box.getBoundingClientRect().right <= 390)`)).toBe(true);
    } finally {
      await page.close();
    }
  }, 60_000);
});
