import { parseCodeInput } from '@custcode/core';
import type { Customer } from '@custcode/core';
import type { MigrateOptions } from './migration-types.js';

/** How a crosswalk row names the target record that holds a code. */
export function describeHolder(customer: Customer): string {
  return `${customer.code} ${customer.name}${customer.org === undefined ? '' : ` (org ${customer.org})`}`;
}

/** The target records holding any of `codes` (read with getMany, batched by the adapter), by code as asked. */
export async function targetHolders(
  target: MigrateOptions['target'],
  codes: Iterable<string>,
  org: string | undefined,
): Promise<Map<string, Customer>> {
  const holders = new Map<string, Customer>();
  // A code no lookup accepts (empty, control characters, too long) cannot be held by the target either.
  const unique = [...new Set([...codes].filter(isLookupCode))];
  if (!target || unique.length === 0) return holders;
  for await (const result of target.getMany(unique, org === undefined ? {} : { org })) {
    if (result.customer) holders.set(result.code, result.customer);
  }
  return holders;
}

function isLookupCode(code: string): boolean {
  try {
    parseCodeInput(code);
    return true;
  } catch {
    return false;
  }
}
