import { rowIdOf } from '@custcode/audit';
import type { Customer } from '@custcode/core';

/** A source customer's identity: its code, or for a customer without one its row id (else its name). */
export function customerKey(oldCode: string, rowId: string, name: string): string {
  if (oldCode !== '') return oldCode;
  return rowId !== '' ? `#row:${rowId}` : `#name:${name}`;
}

/** A crosswalk row's key: the customer, and the org where the source scopes customers by org (one row per org). */
export function migrationKey(oldCode: string, rowId: string, name: string, org = ''): string {
  const customer = customerKey(oldCode, rowId, name);
  return org === '' ? customer : `${customer} (org ${org})`;
}

export function rowIdText(customer: Customer): string {
  return rowIdOf(customer.raw)?.value ?? '';
}

export function keyOf(customer: Customer): string {
  return migrationKey(customer.code ?? '', rowIdText(customer), customer.name, customer.org ?? '');
}

export function customerKeyOf(customer: Customer): string {
  return customerKey(customer.code ?? '', rowIdText(customer), customer.name);
}

/** Stable generation order: by old code, or by creation date (records without one last) and then old code. */
export function compareForOrder(order: 'code' | 'created'): (a: Customer, b: Customer) => number {
  const byCode = (a: Customer, b: Customer) => (a.code < b.code ? -1 : a.code > b.code ? 1 : keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);
  if (order === 'code') return byCode;
  return (a, b) => {
    const left = a.createdAt ?? '\uffff';
    const right = b.createdAt ?? '\uffff';
    return left < right ? -1 : left > right ? 1 : byCode(a, b);
  };
}
