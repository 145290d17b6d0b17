import { describe, expect, it } from 'vitest';
import { isCustcodeError } from '@custcode/core';
import { INVALID_USCC_VECTORS, VALID_USCC_VECTORS } from '@custcode/core/fixtures';
import { compileRule } from './compile-rule.js';
import { createMemorySequenceStore } from './sequence/memory-sequence-store.js';

describe('preset uscc', () => {
  const rule = compileRule('uscc');
  it.each(VALID_USCC_VECTORS)('accepts %s', (code) => expect(rule.validate(code).valid).toBe(true));
  it.each(INVALID_USCC_VECTORS)('rejects $code', ({ code, kind }) => {
    expect(rule.validate(code).errors.map((error) => error.kind)).toContain(kind);
  });
});

describe('preset gb11714', () => {
  it('validates organisation codes', () => {
    const rule = compileRule('gb11714');
    expect(rule.validate('600037341').valid).toBe(true);
    expect(rule.validate('600037342').errors).toEqual([expect.objectContaining({ kind: 'check', position: 8 })]);
    expect(rule.explain().zh).toMatch(/GB 11714/);
  });
});

describe('preset sap-kunnr', () => {
  const rule = compileRule('sap-kunnr');
  it('takes 10 zero-padded digits or up to 10 alphanumerics', () => {
    expect(rule.validate('0000012345').valid).toBe(true);
    expect(rule.validate('CUST-A'.replace('-', '')).valid).toBe(true);
    expect(rule.validate('12345').errors).toEqual([expect.objectContaining({ kind: 'length', position: 0 })]);
    expect(rule.validate('ABCDEFGHIJK').errors[0]?.kind).toBe('length');
    expect(rule.validate('ab12').errors[0]?.kind).toBe('charset');
  });
  it('cannot generate (no serial)', async () => {
    await expect(rule.generate({}, createMemorySequenceStore())).rejects.toThrow(/no \{seq:N\} serial/);
  });
});

describe('preset grades (U8 编码方案)', () => {
  const rule = compileRule('grades:2-3-3-4');
  it('accepts each level length and parses the levels', () => {
    expect(rule.validate('01').valid).toBe(true);
    expect(rule.validate('010010010001').valid).toBe(true);
    expect(rule.validate('0100').errors).toEqual([expect.objectContaining({ kind: 'length', position: 4 })]);
    expect(rule.parse('010010010001')).toMatchObject({ levels: ['01', '01001', '01001001', '010010010001'], parent: '01001001', serial: 1 });
  });
  it('generates children of a parent, counted per parent', async () => {
    const store = createMemorySequenceStore();
    expect((await rule.generate({}, store)).code).toBe('01');
    expect((await rule.generate({ parent: '01' }, store)).code).toBe('01001');
    expect((await rule.generate({ parent: '01' }, store)).code).toBe('01002');
    expect((await rule.generate({ parent: '02' }, store)).code).toBe('02001');
    await expect(rule.generate({ parent: '010' }, store)).rejects.toThrow(/not a grades:2-3-3-4 class code/);
    await expect(rule.generate({ parent: '010010010001' }, store)).rejects.toThrow(/last level/);
  });
});

describe('importers', () => {
  it('compiles an ERPNext naming series', async () => {
    const rule = compileRule('erpnext:CUST-.YYYY.-.####');
    expect(rule.pattern).toBe('CUST-{YYYY}-{seq:4}');
    expect(rule.parse('CUST-2026-0007')).toMatchObject({ serial: 7, counterKey: 'CUST-2026-' });
    expect(compileRule('erpnext:KH.').pattern).toBe('KH{seq:5}');
    expect(() => compileRule('erpnext:SINV-.WW.-.###')).toThrow(/WW is not supported/);
  });

  it('compiles an Odoo sequence: one counter unless use_date_range', async () => {
    const rule = compileRule('odoo:prefix=KH%(year)s/,padding=5');
    expect(rule.validate('KH2026/00001').valid).toBe(true);
    const store = createMemorySequenceStore();
    expect((await rule.generate({ date: '2026-12-31' }, store)).code).toBe('KH2026/00001');
    expect((await rule.generate({ date: '2027-01-01' }, store)).code).toBe('KH2027/00002');
    const ranged = compileRule('odoo:prefix=KH%(range_year)s,padding=3,use_date_range=true,implementation=no_gap,number_increment=2');
    expect(ranged.gapPolicy).toBe('no-gap');
    const first = await ranged.generate({ date: '2026-05-01' }, store);
    await first.confirm();
    expect(first.code).toBe('KH2026001');
    expect((await ranged.generate({ date: '2026-05-01' }, store)).code).toBe('KH2026003');
    expect((await ranged.generate({ date: '2027-05-01' }, store)).code).toBe('KH2027001');
    let caught: unknown;
    try {
      compileRule('odoo:prefix=%(doy)s,padding=3');
    } catch (error) {
      caught = error;
    }
    expect(isCustcodeError(caught, 'CONFIG_INVALID')).toBe(true);
    expect(() => compileRule('odoo:prefix=KH')).toThrow(/padding=N/);
  });
});
