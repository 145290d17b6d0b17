import { describe, expect, it } from 'vitest';
import { CUSTOMER_FIELDS, customerSchema } from '../customer/customer-schema.js';
import { canonicalCustomers } from './canonical-customers.js';
import { projectSeedCustomer, seedOrgs } from './project-seed-customer.js';
import type { SeedCustomer } from './seed-customer.js';

const seed: SeedCustomer = {
  code: '0000012345',
  name: '北京星辰科技有限公司',
  shortName: '星辰',
  taxId: '91110108MA01ABCD1X',
  phone: '010-62880001',
  contact: '王伟',
  address: '北京市海淀区中关村大街27号',
  category: { code: '01', name: '批发客户' },
  region: { code: '11', name: '北京' },
  status: 'blocked',
  createdAt: '2024-08-01T09:30:15',
  updatedAt: '2024-09-01T10:00:00',
  org: 'ORG1',
  alsoIn: ['ORG2'],
};

describe('projectSeedCustomer', () => {
  it('maps every field, category and region to their names, raw to {}', () => {
    expect(projectSeedCustomer(seed, { source: 'u8', erp: 'yonyou-u8', org: '1', fields: CUSTOMER_FIELDS })).toEqual({
      source: 'u8',
      erp: 'yonyou-u8',
      code: '0000012345',
      name: '北京星辰科技有限公司',
      shortName: '星辰',
      taxId: '91110108MA01ABCD1X',
      phone: '010-62880001',
      contact: '王伟',
      address: '北京市海淀区中关村大街27号',
      category: '批发客户',
      region: '北京',
      status: 'blocked',
      createdAt: '2024-08-01T09:30:15',
      updatedAt: '2024-09-01T10:00:00',
      org: '1',
      raw: {},
    });
  });

  it('leaves out fields the source does not declare, and org when none is given', () => {
    const projected = projectSeedCustomer(seed, { source: 'crm', erp: 'generic-sql', org: '1', fields: ['source', 'erp', 'code', 'name', 'status', 'phone'] });
    expect(Object.keys(projected).sort()).toEqual(['code', 'erp', 'name', 'phone', 'raw', 'source', 'status']);
    expect(projectSeedCustomer(seed, { source: 'crm', erp: 'generic-sql', fields: CUSTOMER_FIELDS }).org).toBeUndefined();
  });

  it('shows SAP codes in ALPHA output form and can drop times for date-only ERPs', () => {
    const projected = projectSeedCustomer(seed, { source: 'sap', erp: 'sap', fields: CUSTOMER_FIELDS, datePrecision: 'day' });
    expect(projected.code).toBe('12345');
    expect(projected.createdAt).toBe('2024-08-01T00:00:00');
    expect(projected.updatedAt).toBe('2024-09-01T00:00:00');
    expect(projectSeedCustomer({ ...seed, code: 'C-100' }, { source: 'sap', erp: 'sap', fields: CUSTOMER_FIELDS }).code).toBe('C-100');
    expect(projectSeedCustomer(seed, { source: 'sap', erp: 'sap', codeForm: 'as-is', fields: CUSTOMER_FIELDS }).code).toBe('0000012345');
  });

  it('gives records that pass customerSchema for the whole canonical set', () => {
    for (const customer of canonicalCustomers()) {
      for (const org of seedOrgs(customer)) {
        const projected = projectSeedCustomer(customer, { source: 'k3', erp: 'kingdee-k3cloud', org, fields: CUSTOMER_FIELDS });
        expect(customerSchema.safeParse(projected).success, customer.code).toBe(true);
      }
    }
  });
});

describe('seedOrgs', () => {
  it('lists the own org first, then further orgs without repeating it', () => {
    expect(seedOrgs(seed)).toEqual(['ORG1', 'ORG2']);
    expect(seedOrgs({ ...seed, alsoIn: ['ORG1', 'ORG3'] })).toEqual(['ORG1', 'ORG3']);
    expect(seedOrgs({ code: 'A', name: 'A', status: 'active' })).toEqual([]);
  });
});
