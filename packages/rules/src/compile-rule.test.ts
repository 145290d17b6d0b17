import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCustcodeError } from '@custcode/core';
import { compileRule } from './compile-rule.js';

const kinds = (result: { errors: { kind: string; position: number }[] }) => result.errors.map((error) => `${error.kind}@${error.position}`);

describe('compileRule validate', () => {
  const rule = compileRule('KH{YYYY}{MM}{seq:4}');

  it('accepts a conforming code', () => {
    expect(rule.validate('KH2026030042')).toEqual({ valid: true, errors: [] });
  });

  it('reports length, literal, charset and date problems with positions', () => {
    expect(kinds(rule.validate('KH202603004'))).toEqual(['length@11']);
    expect(kinds(rule.validate('KX2026030042'))).toEqual(['segment@1']);
    expect(kinds(rule.validate('KH20A6030042'))).toEqual(['charset@4']);
    expect(kinds(rule.validate('KH2026130042'))).toEqual(['date@6']);
    expect(kinds(rule.validate('KH2026000000'))).toEqual(['date@6', 'segment@8']);
    expect(kinds(rule.validate('KH2026130042X'))).toEqual(['length@12']);
  });

  it('checks days against the month, including leap years', () => {
    const daily = compileRule('{YYYY}{MM}{DD}{seq:2}');
    expect(daily.validate('2024022901').valid).toBe(true);
    expect(kinds(daily.validate('2026022901'))).toEqual(['date@6']);
    expect(kinds(daily.validate('2026013201'))).toEqual(['date@6']);
    expect(daily.validate('2026013201').errors[0]?.message).toMatch(/day 32/);
  });

  it('reports the check character and the serial range', () => {
    const checked = compileRule('C{seq:5|start=100|max=90000}{check:luhn}');
    const good = checked.format({ serial: 123 });
    expect(good).toBe('C00123' + '0');
    expect(checked.validate(good).valid).toBe(true);
    expect(kinds(checked.validate('C001231'))).toEqual(['check@6']);
    expect(kinds(checked.validate(checked.format({ serial: 90000 }).replace('90000', '90001').slice(0, 6) + '0'))).toContain('segment@1');
    expect(kinds(checked.validate('C00099' + checked.format({ serial: 100 }).slice(-1)))).toContain('segment@1');
  });

  it('handles variable-width classes through the regex path', () => {
    const legacy = compileRule('{letters:1-3}{digits:4-6}');
    expect(legacy.validate('AB1234').valid).toBe(true);
    expect(legacy.validate('ABC123456').valid).toBe(true);
    expect(kinds(legacy.validate('ABCD1234'))).toEqual(['charset@3']);
    expect(kinds(legacy.validate('AB12'))).toEqual(['length@4']);
    expect(legacy.parse('AB1234')?.segments.map((segment) => segment.text)).toEqual(['AB', '1234']);
  });

  it('field parts accept any printable characters, not spaces', () => {
    const byRegion = compileRule('{region:2}-{seq:3}');
    expect(byRegion.validate('BJ-001').valid).toBe(true);
    expect(kinds(byRegion.validate('B -001'))).toEqual(['charset@1']);
  });

  it('validates every formatted code (property)', () => {
    const checked = compileRule('KH{YY}{MM}{category:2}{seq:5}{check:iso7064-37-36}');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.stringMatching(/^[0-9A-Z]{2}$/),
        fc.integer({ min: 1, max: 99_999 }),
        (date, category, serial) => checked.validate(checked.format({ date, category, serial })).valid,
      ),
    );
  });

  it('rejects any one-character change of a code with a check character (property)', () => {
    const checked = compileRule('{seq:8}{check:iso7064-37-36}');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.nat(8), fc.integer({ min: 1, max: 35 }), (serial, position, shift) => {
        const code = checked.format({ serial });
        const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
        const replaced = alphabet[(alphabet.indexOf(code[position] as string) + shift) % 36] as string;
        return !checked.validate(code.slice(0, position) + replaced + code.slice(position + 1)).valid;
      }),
    );
  });
});

describe('compileRule parse', () => {
  it('returns segments, serial and counter key (the resolved other segments)', () => {
    const parsed = compileRule('KH{YYYY}{category:2}{seq:4}').parse('KH202601' + '0042');
    expect(parsed).toMatchObject({
      serial: 42,
      counterKey: 'KH202601',
      date: { year: 2026 },
      fields: { category: '01' },
      segments: [
        { type: 'literal', position: 0, text: 'KH' },
        { type: 'date', position: 2, text: '2026' },
        { type: 'field', position: 6, text: '01' },
        { type: 'seq', position: 8, text: '0042' },
      ],
    });
  });

  it('keys on the chosen scope, a suffix and a reset period', () => {
    expect(compileRule('KH{YYYY}{category:2}{seq:4|scope=YYYY}').parse('KH2026010042')?.counterKey).toBe('KH2026{category:2}');
    expect(compileRule('KH{YYYY}{seq:4|scope=none}').parse('KH20260042')?.counterKey).toBe('KH{YYYY}');
    expect(compileRule('A{seq:3}-B').parse('A007-B')?.counterKey).toBe('A*-B');
    const yearly = compileRule('KH{seq:4|reset=year}');
    expect(yearly.parse('KH0001')?.counterKey).toBeUndefined();
    expect(yearly.parse('KH0001', { date: '2025-12-31T23:00:00' })?.counterKey).toBe('KH@2025');
    expect(yearly.parse('KH0001')?.serial).toBe(1);
  });

  it('returns undefined for a code of another shape', () => {
    expect(compileRule('KH{seq:4}').parse('XX0001')).toBeUndefined();
  });

  it('explains in English and Chinese', () => {
    const { en, zh } = compileRule('KH{YYYY}{seq:4|reset=never}').explain();
    expect(en).toMatch(/^10 characters: the text "KH"; then the 4-digit year; then a 4-digit zero-padded serial number from 1/);
    expect(zh).toMatch(/^共 10 位：固定文字“KH”；4 位年份；4 位流水号/);
  });
});

describe('compileRule errors', () => {
  const configError = (run: () => unknown, message: RegExp) => {
    let caught: unknown;
    try {
      run();
    } catch (error) {
      caught = error;
    }
    expect(isCustcodeError(caught, 'CONFIG_INVALID')).toBe(true);
    expect((caught as Error).message).toMatch(message);
  };

  it('rejects rules that cannot work', () => {
    configError(() => compileRule('{seq:2}{seq:3}'), /at most one serial/);
    configError(() => compileRule('{seq:3|max=5000}'), /3 digits end at 999/);
    configError(() => compileRule('{seq:3|scope=YYYY}'), /scope names YYYY/);
    configError(() => compileRule('{check:luhn}'), /nothing before it/);
    configError(() => compileRule('AB{check:uscc}'), /17 characters/);
    configError(() => compileRule('KH{seq:4}', { timeZone: 'Mars/Olympus' }), /Unknown time zone/);
    configError(() => compileRule('[{"type":"seq","width":0}]'), /JSON rule is not valid at 0.width/);
    configError(() => compileRule('[{"type":'), /does not parse/);
  });

  it('accepts the JSON form', () => {
    const rule = compileRule([{ type: 'literal', text: 'KH' }, { type: 'seq', width: 4, reset: 'year' }]);
    expect(rule.pattern).toBe('KH{seq:4|reset=year}');
    expect(compileRule('[{"type":"literal","text":"KH"},{"type":"seq","width":4}]').validate('KH0001').valid).toBe(true);
  });
});
