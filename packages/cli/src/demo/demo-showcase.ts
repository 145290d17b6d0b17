import type { SeedCustomer } from '@custcode/core/fixtures';

/** How many customers each showcase question of the READMEs finds at least. */
const SHOWCASE_MATCHES = 3;

/**
 * The READMEs ask the demo `search u8 --ask "北京 停用 的客户 2024年以后新增"`: blocked Beijing customers
 * created since 2024. A random sample holds about one; this blocks the first few Beijing customers created
 * since 2024 (by code), so that every documented example finds something. Dates and codes stay as generated.
 */
export function withShowcase(customers: SeedCustomer[]): SeedCustomer[] {
  const wanted = (customer: SeedCustomer) => customer.region?.name === '北京' && (customer.createdAt ?? '') >= '2024-01-01' && customer.code !== '';
  const blocked = customers.filter((customer) => wanted(customer) && customer.status === 'blocked').length;
  const candidates = customers.filter((customer) => wanted(customer) && customer.status === 'active').sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const chosen = new Set(candidates.slice(0, Math.max(0, SHOWCASE_MATCHES - blocked)));
  return customers.map((customer) => (chosen.has(customer) ? { ...customer, status: 'blocked' } : customer));
}
