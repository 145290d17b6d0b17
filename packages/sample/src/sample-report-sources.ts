import type { Customer } from '@custcode/core';
import type { ErpKind } from '@custcode/core';
import { generateSampleCustomers } from './generate-sample-customers.js';
import type { SeedCustomer } from '@custcode/core/fixtures';
import { createMemorySource } from '@custcode/core';
import type { CustomerSource } from '@custcode/core';

/** A sample customer as a U8-like source returns it: class and region names, the class code in `raw`. */
export function sampleToCustomer(seed: SeedCustomer, source: string, erp: ErpKind): Customer {
  const customer: Customer = { source, erp, code: seed.code, name: seed.name, status: seed.status, raw: {} };
  for (const field of ['shortName', 'taxId', 'phone', 'contact', 'address', 'createdAt', 'updatedAt', 'org'] as const) {
    if (seed[field] !== undefined) customer[field] = seed[field];
  }
  if (seed.category) {
    customer.category = seed.category.name;
    customer.raw.cCCCode = seed.category.code;
  }
  if (seed.region) customer.region = seed.region.name;
  return customer;
}

/** A memory source of generated demo-like customers (tests of reports, changes and the ask parser). */
export function sampleReportSource(name: string, count: number, seed = 1, erp: ErpKind = 'yonyou-u8'): CustomerSource {
  const customers = generateSampleCustomers({ count, seed }).customers.filter((customer) => customer.code !== '');
  return createMemorySource({ name, erp, customers: customers.map((customer) => sampleToCustomer(customer, name, erp)) });
}
