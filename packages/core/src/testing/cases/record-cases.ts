import { expect, it } from '../vitest-api.js';
import { CUSTOMER_FIELDS, customerSchema, type Customer } from '../../customer/customer-schema.js';
import type { ConformanceContext } from '../conformance-options.js';
import { collect, rowKey } from '../expectations.js';

const isPlainObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value));

function expectValidRecord(context: ConformanceContext, customer: Customer): void {
  const parsed = customerSchema.safeParse(customer);
  expect(parsed.success, `${rowKey(customer)}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
  expect(isPlainObject(customer.raw), `${rowKey(customer)}: raw must be a plain object`).toBe(true);
  expect(customer.source).toBe(context.source().name);
  expect(customer.erp).toBe(context.source().erp);
  const declared = new Set<string>(context.description().fields);
  for (const field of CUSTOMER_FIELDS) {
    if (!declared.has(field)) expect(customer[field], `${rowKey(customer)}: ${field} is not in describe().fields`).toBeUndefined();
  }
  for (const field of CUSTOMER_FIELDS) {
    const value = customer[field];
    if (typeof value === 'string' && field !== 'name') expect(value, `${rowKey(customer)}: ${field} is empty instead of absent`).not.toBe('');
  }
}

export function registerRecordCases(context: ConformanceContext): void {
  it('the seeder\u2019s expected records are valid and have unique (code, org) keys', () => {
    const expected = context.expected();
    expect(expected.length, 'setup() must return the seeded records as expected').toBeGreaterThan(0);
    for (const customer of expected) expect(customerSchema.safeParse(customer).success, rowKey(customer)).toBe(true);
    const keys = expected.map(rowKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('describe() reports the source and a read-only contract', () => {
    const source = context.source();
    const description = source.describe();
    expect(source.specificationVersion).toBe('v1');
    expect(description.name).toBe(source.name);
    expect(description.erp).toBe(source.erp);
    expect(description.readOnly).toBe(true);
    expect(['as-is', 'sap-alpha']).toContain(description.codeForm);
    for (const field of ['source', 'erp', 'code', 'name', 'status'] as const) expect(description.fields).toContain(field);
    for (const field of description.fields) expect(CUSTOMER_FIELDS).toContain(field);
    expect(description.limits.lookupBatch).toBeGreaterThan(0);
    expect(description.limits.page).toBeGreaterThan(0);
  });

  it('every streamed record passes customerSchema, has a plain raw object and no undeclared field', async () => {
    const rows = await collect(context.source().search());
    expect(rows.length).toBe(context.expected().length);
    for (const row of rows) expectValidRecord(context, row);
  });

  it('records from get and getMany are valid too', async () => {
    const codes = context.ordered().slice(0, 20).map((customer) => customer.code);
    for (const code of codes) {
      const found = await context.source().get(code);
      expect(found, code).toBeDefined();
      expectValidRecord(context, found!);
    }
    for await (const result of context.source().getMany(codes)) expectValidRecord(context, result.customer!);
  });

  it('the expected records use only the fields describe() declares', () => {
    const declared = new Set<string>(context.description().fields);
    for (const customer of context.expected()) {
      for (const field of CUSTOMER_FIELDS) {
        if (!declared.has(field)) expect(customer[field], `expected ${rowKey(customer)} has undeclared ${field}`).toBeUndefined();
      }
    }
  });
}
