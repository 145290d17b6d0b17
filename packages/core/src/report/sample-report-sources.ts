import type { Customer } from '../customer/customer-schema.js';
import type { ErpKind } from '../customer/erp-kind.js';
import { generateSampleCustomers } from '../sample/generate-sample-customers.js';
import type { SeedCustomer } from '../sample/seed-customer.js';
import { createMemorySource } from '../source/memory-source.js';
import type { CustomerSource } from '../source/v1/customer-source.js';

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
