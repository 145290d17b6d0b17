import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { buildImportTable, IMPORT_LAYOUTS, importLayoutForErp, importTableCsv } from './import-layouts.js';
import type { CrosswalkRow, MigratedRecord } from './migration-types.js';

const row = (oldCode: string, newCode: string, decision: CrosswalkRow['decision']): CrosswalkRow => ({
  oldCode, newCode, decision, reason: '', mergedInto: '', heldBy: '', review: '', name: '', org: '', rowId: '', sourceStatus: 'active',
});
const customer = (code: string, extra: Partial<Customer> = {}): Customer => ({
  source: 'u8', erp: 'yonyou-u8', code, name: '北京恒景禾贸易有限公司', shortName: '恒景禾', taxId: '91110108MA01234567', phone: '010-88886666',
  address: '北京市海淀区中关村大街1号', category: 'KHFZ01', region: '11', org: '100001', status: 'active', raw: {}, ...extra,
});

const records: MigratedRecord[] = [
  { row: row('0001', 'KH20260001', 'generated'), customer: customer('0001') },
  { row: row('KH20260002', 'KH20260002', 'kept'), customer: customer('KH20260002', { name: '上海鼎辉邦物流有限公司（浦东）'.repeat(3), status: 'blocked', shortName: undefined }) },
  { row: row('0004', 'KH20260001', 'merged-into'), customer: customer('0004') },
  { row: row('0005', '', 'conflict'), customer: customer('0005') },
  { row: row('0006', 'KH20260006', 'generated'), customer: customer('0006', { status: 'deleted' }) },
  { row: { ...row('0007', 'KH20260007', 'generated'), sourceStatus: 'missing' } },
];

const readBack = (layout: (typeof IMPORT_LAYOUTS)[number]) => {
  const text = importTableCsv(buildImportTable(layout, records, { runDate: '2026-03-05' }));
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parse(text.slice(1), { columns: true }) as Array<Record<string, string>>;
};

describe('import layouts', () => {
  it('picks the layout from the target ERP', () => {
    expect(importLayoutForErp('kingdee-k3cloud')).toBe('k3cloud');
    expect(importLayoutForErp('oracle-ebs')).toBe('ebs');
    expect(importLayoutForErp('sap')).toBe('sap');
    expect(importLayoutForErp('yonyou-u8')).toBe('u8');
    expect(importLayoutForErp('yonyou-nc')).toBeUndefined();
  });

  it('leaves out merged, conflicting, deleted and departed customers in every layout', () => {
    for (const layout of IMPORT_LAYOUTS) expect(readBack(layout)).toHaveLength(2);
  });

  it('K/3 Cloud BD_Customer', () => {
    const [first, second] = readBack('k3cloud');
    expect(first).toEqual({
      FNumber: 'KH20260001', FName: '北京恒景禾贸易有限公司', FShortName: '恒景禾', FCreateOrgId: '100001', FUseOrgId: '100001',
      FTAXREGISTERCODE: '91110108MA01234567', FGroup: 'KHFZ01', FPROVINCIAL: '11', FTEL: '010-88886666', FADDRESS: '北京市海淀区中关村大街1号',
      FForbidStatus: 'A', FDescription: '原编码 0001',
    });
    expect(second).toMatchObject({ FNumber: 'KH20260002', FForbidStatus: 'B', FShortName: '' });
  });

  it('SAP customer master keeps the old number in ALTKN and cuts names by characters', () => {
    const [first, second] = readBack('sap');
    expect(first).toMatchObject({ KUNNR: 'KH20260001', NAME1: '北京恒景禾贸易有限公司', SORTL: '恒景禾', ALTKN: '0001', BUKRS: '100001', STCD5: '91110108MA01234567', SPERR: '' });
    expect([...second!.NAME1!]).toHaveLength(35);
    expect(second!.NAME1! + second!.NAME2!).toBe('上海鼎辉邦物流有限公司（浦东）'.repeat(3));
    expect(second).toMatchObject({ SPERR: 'X', SORTL: '上海鼎辉邦物流有限公' });
  });

  it('Oracle EBS customer interface', () => {
    const [first, second] = readBack('ebs');
    expect(first).toMatchObject({
      ORIG_SYSTEM_CUSTOMER_REF: '0001', INSERT_UPDATE_FLAG: 'I', CUSTOMER_NAME: '北京恒景禾贸易有限公司', CUSTOMER_NUMBER: 'KH20260001',
      CUSTOMER_STATUS: 'A', CUSTOMER_TYPE: 'R', ORG_ID: '100001', ORIG_SYSTEM_ADDRESS_REF: '0001-BILL', SITE_USE_CODE: 'BILL_TO', CREATION_DATE: '2026-03-05',
    });
    expect(second!.CUSTOMER_STATUS).toBe('I');
  });

  it('U8 Customer', () => {
    const [first, second] = readBack('u8');
    expect(first).toMatchObject({ cCusCode: 'KH20260001', cCusName: '北京恒景禾贸易有限公司', cCusAbbName: '恒景禾', cCCCode: 'KHFZ01', cDCCode: '11', cMemo: '原编码 0001', dEndDate: '' });
    expect(second).toMatchObject({ dEndDate: '2026-03-05', cCusAbbName: [...'上海鼎辉邦物流有限公司（浦东）'.repeat(3)].slice(0, 60).join('') });
  });
});
