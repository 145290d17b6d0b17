import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { validateUscc } from '@custcode/core/validators';
import { generateSampleCustomers } from './generate-sample-customers.js';
import { SAMPLE_CITIES } from './sample-vocabulary.js';
import type { SeedCustomer } from '@custcode/core/fixtures';

// Ground-truth checks written independently of the generator: every planted anomaly is in the data,
// and the data holds no anomaly of that kind that was not planted (what an audit's precision needs).
const codeKey = (code: string) => {
  const text = code.normalize('NFKC').trim().toUpperCase();
  return /^\d+$/.test(text) ? text.replace(/^0+(?=\d)/, '') : text;
};
const places = SAMPLE_CITIES.map((city) => city.city).join('|');
const placePattern = new RegExp(`^(?:${places})市?|[（(](?:${places})[）)]`, 'g');
const nameCore = (name: string) => name.replace(placePattern, '').replace(/(?:股份有限公司|有限责任公司|有限公司)$/, '');
const damage = /[\u0000-\u0008\u000B-\u001F\u007F-\u00FF\uFFFD?]/;
const wellFormed = /^KH\d{8}$/;

const { customers, planted } = generateSampleCustomers({ count: 10_000, seed: 17, problems: true });
const byCode = new Map(customers.map((customer) => [customer.code, customer]));
const pairKey = (codes: readonly string[]) => [...codes].sort().join(' | ');

describe('generateSampleCustomers with problems', () => {
  it('keeps the count, repeats for a seed and plants about 0.4 % per kind', () => {
    expect(customers).toHaveLength(10_000);
    expect(generateSampleCustomers({ count: 2_000, seed: 3, problems: true })).toEqual(generateSampleCustomers({ count: 2_000, seed: 3, problems: true }));
    for (const [kind, list] of Object.entries(planted)) expect(list.length, kind).toBeGreaterThanOrEqual(40);
  });

  it('duplicates: exactly the planted groups share a normalised code within an org', () => {
    const groups = new Map<string, string[]>();
    for (const customer of customers) {
      if (customer.code === '') continue;
      const key = `${customer.org}|${codeKey(customer.code)}`;
      groups.set(key, [...(groups.get(key) ?? []), customer.code]);
    }
    const found = [...groups.values()].filter((codes) => codes.length > 1).map(pairKey).sort();
    expect(found).toEqual(planted.duplicates.map((group) => pairKey(group.codes)).sort());
    for (const group of planted.duplicates) {
      expect(new Set(group.codes.map(codeKey))).toEqual(new Set([codeKey(group.key)]));
      for (const code of group.codes) expect(byCode.get(code)?.org).toBe(group.org);
    }
    expect(new Set(planted.duplicates.map((group) => group.variant))).toEqual(new Set(['case', 'full-width', 'spaces', 'leading-zeros']));
  });

  it('missing codes: exactly the planted positions have an empty code', () => {
    const empty = customers.flatMap((customer, index) => (customer.code === '' ? [{ index, name: customer.name }] : []));
    expect(empty).toEqual(planted.missing);
    expect(new Set(empty.map((entry) => entry.name)).size).toBe(empty.length);
  });

  it('gaps: exactly the planted serial runs are missing inside a year', () => {
    const serials = new Map<string, number[]>();
    for (const { code } of customers) {
      if (!wellFormed.test(code)) continue;
      serials.set(code.slice(0, 6), [...(serials.get(code.slice(0, 6)) ?? []), Number(code.slice(6))]);
    }
    const found: string[] = [];
    for (const [prefix, list] of serials) {
      list.sort((a, b) => a - b);
      expect(list[0], prefix).toBe(1);
      for (let index = 1; index < list.length; index++) {
        if (list[index]! - list[index - 1]! > 1) found.push(`${prefix}:${list[index - 1]! + 1}-${list[index]! - 1}`);
      }
    }
    expect(found.sort()).toEqual(planted.gaps.map((gap) => `${gap.prefix}:${gap.from}-${gap.to}`).sort());
  });

  it('format violations: exactly the planted codes break KH{YYYY}{seq:4} after normalisation', () => {
    const found = customers.filter((customer) => customer.code !== '' && !wellFormed.test(customer.code.normalize('NFKC').trim().toUpperCase()));
    expect(found.map((customer) => customer.code).sort()).toEqual(planted.formatViolations.map((violation) => violation.code).sort());
  });

  it('garbled names: each planted value is in the data and reverses to the original where the damage is reversible', () => {
    for (const entry of planted.garbled) {
      const customer = byCode.get(entry.code)!;
      expect(customer.name).toBe(entry.value);
      expect(entry.value).not.toBe(entry.original);
      if (entry.kind === 'utf8-as-latin1') expect(Buffer.from(entry.value, 'latin1').toString('utf8')).toBe(entry.original);
      if (entry.kind === 'utf8-as-gbk') expect(entry.value).toBe(iconv.decode(Buffer.from(entry.original, 'utf8'), 'gbk'));
      if (entry.kind === 'question-marks') expect(entry.value).toContain('?');
      if (entry.kind === 'replacement-character') expect(entry.value).toContain('\uFFFD');
      if (entry.kind === 'control-characters') expect(entry.value).toMatch(/[\u0000-\u001F]/);
    }
    const garbledCodes = new Set(planted.garbled.map((entry) => entry.code));
    const otherDamage = customers.filter((customer) => !garbledCodes.has(customer.code) && damage.test(customer.name));
    expect(otherDamage).toEqual([]);
    expect(new Set(planted.garbled.map((entry) => entry.kind)).size).toBe(5);
  });

  it('invalid tax ids: exactly the planted ones fail GB 32100', () => {
    const invalid = customers.filter((customer) => customer.taxId !== undefined && !validateUscc(customer.taxId).valid);
    expect(invalid.map((customer) => customer.code).sort()).toEqual(planted.invalidTaxIds.map((entry) => entry.code).sort());
    for (const entry of planted.invalidTaxIds) expect(byCode.get(entry.code)?.taxId).toBe(entry.taxId);
  });

  it('near duplicates: the planted pairs share a tax id, a name core, or differ by one character; no others do', () => {
    const chinese = (customer: SeedCustomer) => /[\u4E00-\u9FFF]/.test(customer.name) && !damage.test(customer.name) && customer.code !== '';
    const linked = new Set<string>();
    for (const field of ['taxId', 'core'] as const) {
      const groups = new Map<string, string[]>();
      for (const customer of customers.filter(chinese)) {
        const value = field === 'taxId' ? customer.taxId : nameCore(customer.name);
        if (value) groups.set(value, [...(groups.get(value) ?? []), customer.code]);
      }
      for (const codes of groups.values()) if (codes.length > 1) linked.add(pairKey(codes));
    }
    for (const entry of planted.nearDuplicates) {
      const [first, second] = entry.codes.map((code) => byCode.get(code)!);
      if (entry.reason === 'same-tax-id') expect(first!.taxId).toBe(second!.taxId);
      if (entry.reason === 'same-name') expect(nameCore(first!.name)).toBe(nameCore(second!.name));
      if (entry.reason === 'similar-name') {
        const [a, b] = [nameCore(first!.name), nameCore(second!.name)];
        expect(a.length).toBe(b.length);
        expect([...a].filter((character, index) => character !== b[index]).length).toBe(1);
      } else {
        expect(linked.has(pairKey(entry.codes)), pairKey(entry.codes)).toBe(true);
      }
    }
    const plantedExact = planted.nearDuplicates.filter((entry) => entry.reason !== 'similar-name').map((entry) => pairKey(entry.codes));
    expect([...linked].sort()).toEqual(plantedExact.sort());
  });

  it('near duplicates: only the planted typos put two name cores one character apart', () => {
    const byWildcard = new Map<string, Set<string>>();
    for (const customer of customers.filter((row) => /[\u4E00-\u9FFF]/.test(row.name) && !damage.test(row.name))) {
      const core = nameCore(customer.name);
      for (let index = 0; index < core.length; index++) {
        const key = `${core.slice(0, index)}*${core.slice(index + 1)}`;
        byWildcard.set(key, (byWildcard.get(key) ?? new Set()).add(core));
      }
    }
    const oneApart = [...byWildcard.values()].filter((cores) => cores.size > 1).map((cores) => [...cores].sort().join(' | '));
    const typos = planted.nearDuplicates
      .filter((entry) => entry.reason === 'similar-name')
      .map((entry) => entry.codes.map((code) => nameCore(byCode.get(code)!.name)).sort().join(' | '));
    expect(oneApart.sort()).toEqual(typos.sort());
  });
});
