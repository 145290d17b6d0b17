import type { Customer } from '@custcode/core';
import { describe, expect, it } from 'vitest';
import { createTally, formatTable, taxIdMatches } from './report-tables.mjs';

const customer = (source: string, code: string, name: string, taxId?: string, org?: string): Customer => ({
  source, erp: 'generic-sql', code, name, status: 'active', raw: {}, ...(taxId ? { taxId } : {}), ...(org ? { org } : {}),
});

describe('report tables', () => {
  it('matches tax ids across sources and tells the same company from a wrong tax id', () => {
    const tally = createTally(['u8', 'k3', 'sap']);
    tally.add(customer('u8', 'KH001', '北京星辰科技有限公司', '91110108MA01ABCD1X'));
    tally.add(customer('k3', 'C-9', '星辰科技（北京）有限公司', '91110108ma01abcd1x ', '100001'));
    tally.add(customer('k3', 'C-9', '星辰科技（北京）有限公司', '91110108MA01ABCD1X', '100002'));
    tally.add(customer('u8', 'KH002', '上海远航物流有限公司', '913101150000000001'));
    tally.add(customer('sap', '4711', '深圳远航电子有限公司', '913101150000000001'));
    tally.add(customer('sap', '4712', '无税号公司'));
    tally.add(customer('u8', 'KH003', '只在U8的公司', '913101150000000002'));

    const matches = taxIdMatches(tally.taxIds, ['u8', 'k3', 'sap']);
    expect(matches).toEqual([
      { taxId: '91110108MA01ABCD1X', sources: ['u8', 'k3'], namesAgree: true, bySource: { u8: [{ code: 'KH001', name: '北京星辰科技有限公司' }], k3: [{ code: 'C-9', name: '星辰科技（北京）有限公司' }] } },
      { taxId: '913101150000000001', sources: ['u8', 'sap'], namesAgree: false, bySource: { u8: [{ code: 'KH002', name: '上海远航物流有限公司' }], sap: [{ code: '4711', name: '深圳远航电子有限公司' }] } },
    ]);
    expect(tally.read('k3')).toBe(2);
    expect(tally.regions('sap')).toEqual({ '(none)': 2 });
  });

  it('aligns columns counting a Chinese character as two', () => {
    const table = formatTable(['region', 'u8'], [['北京', 107], ['海外客户', 9]]).split('\n');
    expect(table).toEqual(['region     u8', '--------  ---', '北京      107', '海外客户    9']);
  });
});
