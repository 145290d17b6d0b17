import type { Customer } from '@custcode/core';

/** A customer for hand-made test cases: only what a case sets, the rest empty. */
export function customer(code: string, fields: Partial<Customer> = {}): Customer {
  return { source: 'test', erp: 'generic-sql', code, name: '', status: 'active', raw: {}, ...fields };
}
