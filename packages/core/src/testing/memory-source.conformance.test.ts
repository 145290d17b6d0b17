import { CUSTOMER_FIELDS, type Customer } from '../customer/customer-schema.js';
import { canonicalCustomers } from '../fixtures/canonical-customers.js';
import { projectSeedCustomer, seedOrgs } from '../fixtures/project-seed-customer.js';
import { createMemorySource } from '../source/memory-source.js';
import { testCustomerSource } from './test-customer-source.js';

const orgIds: Record<string, string> = { ORG1: '100001', ORG2: '100002', ORG3: '100003' };

function expectedRows(options: { erp: 'file' | 'sap'; scoped: boolean }): Customer[] {
  const fields = options.scoped ? CUSTOMER_FIELDS : CUSTOMER_FIELDS.filter((field) => field !== 'org');
  return canonicalCustomers().flatMap((seed) =>
    (options.scoped ? seedOrgs(seed) : [undefined]).map((org) =>
      projectSeedCustomer(seed, { source: 'memory', erp: options.erp, fields, ...(org === undefined ? {} : { org: orgIds[org]! }) }),
    ),
  );
}

for (const variant of [
  { label: 'org-scoped, codes as-is', erp: 'file' as const, scoped: true, codeForm: 'as-is' as const },
  { label: 'unscoped, SAP ALPHA codes', erp: 'sap' as const, scoped: false, codeForm: 'sap-alpha' as const },
  { label: 'org-scoped, SAP ALPHA codes', erp: 'sap' as const, scoped: true, codeForm: 'sap-alpha' as const },
]) {
  testCustomerSource({
    name: `memory source (${variant.label})`,
    async setup() {
      const expected = expectedRows(variant);
      // Raw columns as an adapter would return them; the suite ignores raw except for its shape.
      const rows = expected.map((customer) => ({ ...customer, raw: { CODE: customer.code } }));
      const source = createMemorySource({ name: 'memory', erp: variant.erp, customers: rows, codeForm: variant.codeForm, pageSize: 17, lookupBatch: 250 });
      return { source, expected };
    },
  });
}
