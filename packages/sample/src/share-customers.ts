import type { SeedCustomer } from '@custcode/core/fixtures';
import { createRandom } from './random.js';

export interface ShareOptions {
  /** Share of `target`'s customers that become customers of `from` (0–1). */
  share: number;
  /** Same seed, same choice and the same spellings. */
  seed: number;
}

/** How another system typed the same company: legal form, city in brackets, an old tax number, a phone with +86. */
const SPELLINGS: ReadonlyArray<(customer: SeedCustomer) => Partial<SeedCustomer>> = [
  // Copied as is (same name, same USCC).
  () => ({}),
  // 有限公司 ↔ 有限责任公司, and a leading city moved into brackets: 北京华信科技有限公司 → 华信科技（北京）有限责任公司.
  (customer) => {
    const city = customer.region?.name ?? '';
    let name = customer.name.replace(/有限公司$/, '有限责任公司');
    if (city !== '' && name.startsWith(city)) name = name.slice(city.length).replace(/^市/, '').replace(/(有限责任公司|股份有限公司)$/, `（${city}）$1`);
    return { name };
  },
  // The pre-2015 15-digit tax registration number: region (positions 3–8) + organisation code (positions 9–17).
  (customer) => (customer.taxId?.length === 18 ? { taxId: customer.taxId.slice(2, 17) } : {}),
  // No tax id, the phone written with the country code: only phone + name can tell.
  (customer) => ({ taxId: undefined, ...(customer.phone ? { phone: `+86 ${customer.phone.replace(/^0/, '').replace(/-/g, ' ')}` } : {}) }),
];

/**
 * Makes a share of `target` (one ERP's sample) the same companies as customers of `from` (another ERP's):
 * they take the name, tax id, phone, address and region of a `from` customer, typed the way another system
 * would (see SPELLINGS), and keep their own code, org, class, status and dates. For demos of cross-ERP matching:
 * the same company is `100259` in SAP, `KH20150002` in U8 and `CUST0002` in K/3 Cloud. Customers without a
 * code are left alone, and each `from` customer is shared at most once per target.
 */
export function shareCustomers(target: readonly SeedCustomer[], from: readonly SeedCustomer[], options: ShareOptions): SeedCustomer[] {
  const random = createRandom(options.seed);
  const donors = from.filter((customer) => customer.code !== '' && customer.name !== '');
  let next = 0;
  return target.map((customer) => {
    if (customer.code === '' || next >= donors.length || !random.chance(options.share)) return customer;
    // Skip some donors, so that two targets share overlapping, not identical, sets of companies.
    while (next < donors.length - 1 && random.chance(0.3)) next++;
    const donor = donors[next++]!;
    const shared: SeedCustomer = { ...customer, name: donor.name, address: donor.address, region: donor.region, phone: donor.phone, taxId: donor.taxId };
    const spelled = { ...shared, ...random.pick(SPELLINGS)(shared) };
    if (spelled.taxId === undefined) delete spelled.taxId;
    if (spelled.phone === undefined) delete spelled.phone;
    if (spelled.address === undefined) delete spelled.address;
    if (spelled.region === undefined) delete spelled.region;
    return spelled;
  });
}
