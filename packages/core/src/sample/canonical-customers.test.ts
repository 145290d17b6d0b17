import { describe, expect, it } from 'vitest';
import { alphaInput, normalizeCode } from '../code/normalize-code.js';
import { validateUscc } from '../validators/uscc.js';
import { canonicalCustomers } from './canonical-customers.js';

const customers = canonicalCustomers();
const codes = customers.map((customer) => customer.code);

describe('canonicalCustomers', () => {
  it('is deterministic and holds at least 200 customers', () => {
    expect(customers.length).toBeGreaterThanOrEqual(200);
    expect(canonicalCustomers()).toEqual(customers);
  });

  it('has unique, non-empty codes that stay unique case-insensitively and after SAP ALPHA conversion', () => {
    for (const code of codes) {
      expect(code.length).toBeGreaterThan(0);
      expect(code).toBe(code.trim());
      expect(normalizeCode(code)).toBe(code);
      // Printable ASCII only: width- and accent-insensitive collations cannot merge two codes.
      expect(code).toMatch(/^[\x21-\x7E]+$/);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(codes.map((code) => code.toUpperCase())).size).toBe(codes.length);
    expect(new Set(codes.map((code) => alphaInput(code))).size).toBe(codes.length);
  });

  it('uses codes of several formats', () => {
    expect(codes).toContain('KH2024010001');
    expect(codes.filter((code) => /^KH\d{10}$/.test(code)).length).toBeGreaterThan(100);
    expect(codes.filter((code) => /^\d{4}$/.test(code)).length).toBeGreaterThan(10);
    expect(codes.filter((code) => /^0+\d{5}$/.test(code) && code.length === 10).length).toBeGreaterThan(5);
    expect(codes.filter((code) => /^C-\d+$/.test(code)).length).toBeGreaterThan(10);
    expect(codes).toEqual(expect.arrayContaining(['C_300', 'C%301', 'x-100']));
  });

  it('keeps every value within common ERP column widths', () => {
    for (const customer of customers) {
      expect(customer.code.length, customer.code).toBeLessThanOrEqual(20);
      expect(customer.name.length, customer.code).toBeLessThanOrEqual(98);
      expect(customer.shortName?.length ?? 0, customer.code).toBeLessThanOrEqual(10);
      expect(customer.phone?.length ?? 0, customer.code).toBeLessThanOrEqual(16);
      if (customer.taxId !== undefined) expect(customer.taxId.length, customer.code).toBe(18);
      expect(customer.address?.length ?? 0, customer.code).toBeLessThanOrEqual(35);
      expect(customer.category?.code.length ?? 0).toBeLessThanOrEqual(4);
      expect(customer.region?.code.length ?? 0).toBeLessThanOrEqual(3);
    }
  });

  it('has no empty or space-padded optional values (SAP trims CHAR fields, Oracle reads \u2018\u2019 as NULL)', () => {
    for (const customer of customers) {
      for (const value of [customer.name, customer.shortName, customer.taxId, customer.phone, customer.contact, customer.address]) {
        if (value !== undefined) expect(value, customer.code).toBe(value.trim());
        if (value !== undefined) expect(value.length, customer.code).toBeGreaterThan(0);
      }
    }
  });

  it('has unique short names (U8 cCusAbbName is unique)', () => {
    const shortNames = customers.flatMap((customer) => (customer.shortName === undefined ? [] : [customer.shortName]));
    expect(new Set(shortNames).size).toBe(shortNames.length);
  });

  it('holds names with LIKE wildcards, quotes and a backslash, Chinese and Latin names', () => {
    const names = customers.map((customer) => customer.name);
    expect(names).toEqual(expect.arrayContaining(['100%纯净水有限公司', 'A_B贸易公司', "O'Brien Trading Co., Ltd.", 'Back\\Slash Data Ltd.']));
    expect(names.filter((name) => /[\u4E00-\u9FFF]/.test(name)).length).toBeGreaterThan(150);
    expect(names.filter((name) => /^[A-Za-z]/.test(name)).length).toBeGreaterThan(20);
  });

  it('has active, blocked and deleted customers in three orgs, some distributed to more', () => {
    const count = (status: string) => customers.filter((customer) => customer.status === status).length;
    expect(count('active')).toBeGreaterThan(150);
    expect(count('blocked')).toBeGreaterThan(10);
    expect(count('deleted')).toBeGreaterThan(10);
    expect(new Set(customers.map((customer) => customer.org))).toEqual(new Set(['ORG1', 'ORG2', 'ORG3']));
    const distributed = customers.filter((customer) => (customer.alsoIn?.length ?? 0) > 0);
    expect(distributed.length).toBeGreaterThan(5);
    for (const customer of distributed) expect(customer.alsoIn).not.toContain(customer.org);
  });

  it('has valid tax ids except a few invalid ones, and duplicate-looking companies sharing one', () => {
    const taxIds = customers.flatMap((customer) => (customer.taxId === undefined ? [] : [customer.taxId]));
    const invalid = taxIds.filter((taxId) => !validateUscc(taxId).valid);
    expect(invalid.length).toBeGreaterThanOrEqual(3);
    expect(invalid.length).toBeLessThan(15);
    const byTaxId = new Map<string, number>();
    for (const taxId of taxIds) byTaxId.set(taxId, (byTaxId.get(taxId) ?? 0) + 1);
    expect(Math.max(...byTaxId.values())).toBeGreaterThanOrEqual(4);
    expect(customers.filter((customer) => customer.name.includes('星辰科技')).length).toBeGreaterThanOrEqual(4);
  });

  it('has ISO local dates, updatedAt after createdAt, some updatedAt missing', () => {
    const isoLocal = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
    for (const customer of customers) {
      if (customer.createdAt !== undefined) expect(customer.createdAt).toMatch(isoLocal);
      if (customer.updatedAt !== undefined) expect(customer.updatedAt).toMatch(isoLocal);
      if (customer.createdAt && customer.updatedAt) expect(customer.updatedAt >= customer.createdAt, customer.code).toBe(true);
    }
    expect(customers.filter((customer) => customer.updatedAt === undefined).length).toBeGreaterThan(20);
    expect(customers.some((customer) => customer.createdAt === undefined)).toBe(true);
  });

  it('gives categories and regions as code + name', () => {
    const withCategory = customers.filter((customer) => customer.category !== undefined);
    expect(withCategory.length).toBeGreaterThan(200);
    expect(new Set(withCategory.map((customer) => customer.category!.name)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(customers.map((customer) => customer.region?.code)).size).toBeGreaterThanOrEqual(6);
  });
});
