import { describe, expect, it } from 'vitest';
import { EXISTS_MAPPING, GOLDEN_MAPPING } from '../../test/golden-mappings.js';
import type { TableMapping } from '../mapping/table-mapping.js';
import { createRowMapper } from './row-to-customer.js';

/** The mapper for a result whose columns are this row's keys, applied to this row's cells. */
const mapperFor = (mapping: TableMapping, source: string) => (row: Record<string, unknown>, askedOrg: string | undefined) =>
  createRowMapper(mapping, source, Object.keys(row))(Object.values(row), askedOrg);

describe('createRowMapper', () => {
  it('maps a row by the compiled aliases; a raw column that is also the code is read from cc_code', () => {
    const toCustomer = mapperFor({ ...GOLDEN_MAPPING, raw: ['c.cCusCode', 'c.dEndDate', 'c.cCusPhone'] }, 'u8');
    const row = {
      cc_code: 'KH01  ',
      cc_name: '北京星辰科技有限公司',
      cc_shortName: '星辰',
      cc_phone: '010-1234 ',
      cc_address: '   ',
      cc_category: null,
      cc_region: 'BJ',
      cc_status: 'blocked',
      cc_createdAt: '2024-01-02 08:00:00',
      cc_updatedAt: null,
      cc_org: '100',
      cc_raw_1: new Date(2024, 5, 30, 17, 0, 0),
    };
    expect(toCustomer(row, undefined)).toEqual({
      source: 'u8',
      erp: 'yonyou-u8',
      code: 'KH01',
      name: '北京星辰科技有限公司',
      status: 'blocked',
      shortName: '星辰',
      phone: '010-1234',
      region: 'BJ',
      createdAt: '2024-01-02T08:00:00',
      org: '100',
      raw: { cCusCode: 'KH01  ', dEndDate: '2024-06-30T17:00:00', cCusPhone: '010-1234 ' },
    });
  });

  it('maps the same row to the same record whatever the order of the result columns', () => {
    const mapping = { ...GOLDEN_MAPPING, raw: ['c.cCusCode', 'c.dEndDate', 'c.cCusPhone'] };
    const row: Record<string, unknown> = {
      cc_code: 'KH01  ', cc_name: '北京星辰科技有限公司', cc_shortName: '星辰', cc_phone: '010-1234 ', cc_address: '   ',
      cc_category: null, cc_region: 'BJ', cc_status: 'blocked', cc_createdAt: '2024-01-02 08:00:00', cc_updatedAt: null,
      cc_org: '100', cc_raw_1: new Date(2024, 5, 30, 17, 0, 0),
    };
    const columns = Object.keys(row).reverse();
    const fromArray = createRowMapper(mapping, 'u8', columns)(columns.map((column) => row[column]), undefined);
    expect(fromArray).toEqual(mapperFor(mapping, 'u8')(row, undefined));
    expect(fromArray.code).toBe('KH01');
    // A result without some column reads it as absent.
    expect(createRowMapper(mapping, 'u8', ['cc_code', 'cc_name'])(['K2', 'N'], undefined)).toMatchObject({ code: 'K2', name: 'N', status: 'active' });
  });

  it('takes the asked org for exists-org mappings, and keeps raw keys in mapping order', () => {
    const toCustomer = mapperFor(EXISTS_MAPPING, 'ebs');
    const row = { cc_code: 'C-1', cc_name: 'Acme', cc_status: 'active', cc_raw_0: 42 };
    expect(toCustomer(row, '204')).toEqual({ source: 'ebs', erp: 'oracle-ebs', code: 'C-1', name: 'Acme', status: 'active', org: '204', raw: { CUST_ACCOUNT_ID: 42 } });
    expect(toCustomer(row, undefined)).not.toHaveProperty('org');
  });

  it('fills exactly the asked fields of a projected search, in the order asked, without raw unless asked', () => {
    const mapping = { ...GOLDEN_MAPPING, raw: ['c.cCusCode', 'c.dEndDate'] };
    const columns = ['cc_code', 'cc_name', 'cc_phone', 'cc_org'];
    const cells = [' KH07', '上海 "甲" 公司', '+86 21 5555 0000 ', null];
    const projected = createRowMapper(mapping, 'u8', columns, ['source', 'erp', 'code', 'org', 'name', 'phone'])(cells, undefined);
    expect(projected).toEqual({ source: 'u8', erp: 'yonyou-u8', code: ' KH07', name: '上海 "甲" 公司', phone: '+86 21 5555 0000' });
    // Key order as asked (the core's own projection gives the same); the absent org is left out, not undefined.
    expect(Object.keys(projected)).toEqual(['source', 'erp', 'code', 'name', 'phone']);
    // The full record has the same values for those fields, plus status and raw.
    const full = createRowMapper(mapping, 'u8', columns)(cells, undefined);
    expect(full).toMatchObject(projected);
    expect(full).toMatchObject({ status: 'active', raw: { cCusCode: ' KH07', dEndDate: null } });
    // Asked for raw and status: they come, in the asked order.
    const withRaw = createRowMapper(mapping, 'u8', ['cc_code', 'cc_status', 'cc_raw_1'], ['source', 'erp', 'code', 'org', 'raw', 'status'])(['KH08', 'blocked', '2024-06-30 17:00:00'], '100');
    expect(Object.keys(withRaw)).toEqual(['source', 'erp', 'code', 'raw', 'status']);
    expect(withRaw).toMatchObject({ code: 'KH08', status: 'blocked', raw: { cCusCode: 'KH08', dEndDate: '2024-06-30 17:00:00' } });
  });
});
