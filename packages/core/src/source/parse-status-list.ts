import { CUSTOMER_STATUSES } from '../customer/customer-schema.js';
import type { CustomerQuery } from './v1/customer-query.js';

/**
 * A comma-separated status list as users type it (`active,blocked`, spaces allowed) → the `status` filter;
 * the first name that is no status is returned instead, for the caller's own message (flag or parameter).
 */
export function parseStatusList(value: string): { status: CustomerQuery['status'] } | { unknown: string } {
  const statuses = value.split(',').map((status) => status.trim()).filter((status) => status !== '');
  const unknown = statuses.find((status) => !(CUSTOMER_STATUSES as readonly string[]).includes(status));
  if (unknown !== undefined) return { unknown };
  return { status: (statuses.length === 1 ? statuses[0] : statuses) as CustomerQuery['status'] };
}
