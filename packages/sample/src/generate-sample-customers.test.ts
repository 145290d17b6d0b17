import { describe, expect, it } from 'vitest';
import { validateUscc } from '@custcode/core/validators';
import { generateSampleCustomers } from './generate-sample-customers.js';
import { SAMPLE_CITIES } from './sample-vocabulary.js';
import { sampleCustomerStream } from './sample-sequence.js';
import type { SeedCustomer } from '@custcode/core/fixtures';

/** Written here independently of the generator: the key under which two codes are the same code. */
const codeKey = (code: string) => {
  const text = code.normalize('NFKC').trim().toUpperCase();
  return /^\d+$/.test(text) ? text.replace(/^0+(?=\d)/, '') : text;
};
const places = SAMPLE_CITIES.map((city) => city.city).join('|');
const placePattern = new RegExp(`^(?:${places})市?|[（(](?:${places})[）)]`, 'g');
/** What identifies a Chinese company: the name without place, brackets and legal form. */
const nameCore = (name: string) => name.replace(placePattern, '').replace(/(?:股份有限公司|有限责任公司|有限公司)$/, '');
const isChinese = (name: string) => /[\u4E00-\u9FFF]/.test(name);
const wellFormed = /^KH(\d{4})(\d{4})$/;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Pairs of distinct cores at edit distance 1 (same length, one substitution), via wildcard keys. */
function oneApartPairs(cores: readonly string[]): Array<[string, string]> {
  const byWildcard = new Map<string, Set<string>>();
  for (const core of new Set(cores)) {
    for (let index = 0; index < core.length; index++) {
      const key = `${core.slice(0, index)}*${core.slice(index + 1)}`;
      byWildcard.set(key, (byWildcard.get(key) ?? new Set()).add(core));
    }
  }
  return [...byWildcard.values()].filter((set) => set.size > 1).map((set) => [...set].slice(0, 2) as [string, string]);
}

/** Serials missing inside each year's numbering of well-formed codes. */
function serialGaps(customers: readonly SeedCustomer[]): string[] {
  const gaps: string[] = [];
  const byYear = groupBy(customers.filter((customer) => wellFormed.test(customer.code)), (customer) => customer.code.slice(2, 6));
  for (const [year, rows] of byYear) {
    const serials = rows.map((row) => Number(row.code.slice(6))).sort((a, b) => a - b);
    for (let index = 1; index < serials.length; index++) {
      if (serials[index]! - serials[index - 1]! > 1) gaps.push(`KH${year}:${serials[index - 1]! + 1}-${serials[index]! - 1}`);
    }
  }
  return gaps.sort();
}

describe('generateSampleCustomers without problems', () => {
  const { customers, rule } = generateSampleCustomers({ count: 10_000, seed: 5 });

  it('is deterministic per seed', () => {
    expect(generateSampleCustomers({ count: 300, seed: 9 })).toEqual(generateSampleCustomers({ count: 300, seed: 9 }));
    expect(generateSampleCustomers({ count: 300, seed: 9 }).customers).not.toEqual(generateSampleCustomers({ count: 300, seed: 10 }).customers);
  });

  it('numbers KH + creation year + a gapless serial from 1', () => {
    expect(rule).toBe('KH{YYYY}{seq:4}');
    expect(customers).toHaveLength(10_000);
    expect(customers.filter((customer) => !wellFormed.test(customer.code) || customer.code.slice(2, 6) !== customer.createdAt!.slice(0, 4))).toEqual([]);
    expect(new Set(customers.map((customer) => codeKey(customer.code))).size).toBe(10_000);
    expect(serialGaps(customers)).toEqual([]);
    for (const rows of groupBy(customers, (customer) => customer.code.slice(2, 6)).values()) expect(rows[0]!.code.endsWith('0001')).toBe(true);
  });

  it('gives each company a distinct name, no two Chinese ones one character apart, and distinct valid tax ids', () => {
    const cores = customers.filter((customer) => isChinese(customer.name)).map((customer) => nameCore(customer.name));
    expect(new Set(cores).size).toBe(cores.length);
    expect(oneApartPairs(cores)).toEqual([]);
    const taxIds = customers.flatMap((customer) => (customer.taxId ? [customer.taxId] : []));
    expect(taxIds.length).toBeGreaterThan(8_500);
    expect(new Set(taxIds).size).toBe(taxIds.length);
    expect(taxIds.filter((taxId) => !validateUscc(taxId).valid)).toEqual([]);
    expect(new Set(customers.map((customer) => customer.name)).size).toBe(10_000);
  });

  it('looks like a customer master: legal forms, some Latin names, classes, regions, orgs, statuses, dates', () => {
    const share = (test: (customer: SeedCustomer) => boolean) => customers.filter(test).length / customers.length;
    expect(share((customer) => /(有限公司|有限责任公司|股份有限公司)$/.test(customer.name))).toBeGreaterThan(0.9);
    expect(share((customer) => /^[A-Z][a-z]/.test(customer.name))).toBeGreaterThan(0.01);
    expect(share((customer) => customer.status !== 'active')).toBeGreaterThan(0.05);
    expect(share((customer) => customer.updatedAt === undefined)).toBeGreaterThan(0.1);
    expect(share((customer) => (customer.alsoIn?.length ?? 0) > 0)).toBeGreaterThan(0.02);
    expect(new Set(customers.map((customer) => customer.org))).toEqual(new Set(['ORG1', 'ORG2', 'ORG3']));
    expect(new Set(customers.map((customer) => customer.category?.name)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(customers.map((customer) => customer.region?.code)).size).toBeGreaterThanOrEqual(10);
    const tooWide = customers.filter(
      (customer) =>
        customer.name.length > 98 || customer.shortName!.length > 10 || customer.phone!.length > 16 || customer.address!.length > 35 ||
        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(customer.createdAt!),
    );
    expect(tooWide).toEqual([]);
    const shortNames = customers.map((customer) => customer.shortName);
    expect(new Set(shortNames).size).toBe(shortNames.length);
  });

  it('equals sampleCustomerStream for the same count and seed, which is lazy', () => {
    expect([...sampleCustomerStream(500, 5)]).toEqual(generateSampleCustomers({ count: 500, seed: 5 }).customers);
    const first: SeedCustomer[] = [];
    for (const customer of sampleCustomerStream(1_000_000, 2)) {
      first.push(customer);
      if (first.length === 3) break;
    }
    // A million customers need six serial digits per year.
    expect(first.map((customer) => customer.code)).toEqual(['KH2015000001', 'KH2015000002', 'KH2015000003']);
  });

  it('rejects a bad count', () => {
    expect(() => generateSampleCustomers({ count: -1 })).toThrow(/whole number/);
    expect(() => generateSampleCustomers({ count: 100, problems: true })).toThrow(/at least 200/);
  });
});
