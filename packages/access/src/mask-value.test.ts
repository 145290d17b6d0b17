import { describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { maskCustomer, maskRulesOf } from './mask-customer.js';
import { maskValue } from './mask-value.js';

describe('maskValue', () => {
  it('keeps the head and tail of tax ids and phones', () => {
    expect(maskValue('91110108MA01C2341L', 'partial')).toBe('9111********341L');
    expect(maskValue('13812345678', 'partial')).toBe('138****5678');
  });
  it('keeps only the first character of names', () => {
    expect(maskValue('张三', 'name')).toBe('张*');
    expect(maskValue('欧阳小明', 'name')).toBe('欧***');
  });
  it('hides short values and full masks completely', () => {
    expect(maskValue('021-5555', 'partial')).toBe('02****55');
    expect(maskValue('12345', 'partial')).toBe('1***5');
    expect(maskValue('1234', 'partial')).toBe('****');
    expect(maskValue('北京市海淀区中关村大街1号', 'full')).toBe('****');
  });
});

describe('maskCustomer', () => {
  const customer: Customer = {
    source: 'k3',
    erp: 'kingdee-k3cloud',
    code: 'C001',
    name: '北京华信科技有限公司',
    taxId: '91110108MA01C2341L',
    phone: '13812345678',
    contact: '王小明',
    status: 'active',
    raw: { FNUMBER: 'C001', FTAXREGISTERCODE: '91110108MA01C2341L', FTEL: ' 13812345678 ', FMEMO: '联系人王小明', FPHONE_NUM: 13812345678 },
  };

  it('masks the fields and every raw column holding their values', () => {
    const masked = maskCustomer(customer, maskRulesOf(['taxId', 'phone', 'contact']));
    expect(masked.taxId).toBe('9111********341L');
    expect(masked.phone).toBe('138****5678');
    expect(masked.contact).toBe('王**');
    expect(masked.raw).toEqual({ FNUMBER: 'C001', FTAXREGISTERCODE: '9111********341L', FTEL: '138****5678', FMEMO: '联系人王**', FPHONE_NUM: '138****5678' });
    expect(JSON.stringify(masked)).not.toContain('13812345678');
    expect(customer.phone).toBe('13812345678');
  });

  it('removes hidden fields and their raw columns', () => {
    const masked = maskCustomer(customer, { taxId: 'hide' });
    expect(masked).not.toHaveProperty('taxId');
    expect(masked.raw).not.toHaveProperty('FTAXREGISTERCODE');
    expect(masked.raw.FNUMBER).toBe('C001');
  });
});
