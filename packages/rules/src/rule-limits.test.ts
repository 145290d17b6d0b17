import { describe, expect, it } from 'vitest';
import { isCustcodeError } from '@custcode/core';
import { compileRule } from './compile-rule.js';
import { MAX_CODE_LENGTH, MAX_RULE_TEXT_LENGTH, MAX_SERIAL_WIDTH } from './rule-limits.js';
import type { RuleInput } from './rule-types.js';

/** The rule error a rule raises (a ConfigError: CLI exit 2, HTTP 400 from the audit route). */
function refusal(rule: RuleInput): { code: string; message: string } {
  try {
    compileRule(rule);
  } catch (error) {
    if (!isCustcodeError(error)) throw error;
    return { code: error.code, message: error.message };
  }
  throw new Error(`compileRule accepted ${JSON.stringify(rule).slice(0, 80)}`);
}

describe('rule limits', () => {
  it('refuses a serial wider than 15 digits at compile time instead of allocating for it', () => {
    expect(refusal('KH{seq:999999999}')).toEqual({ code: 'CONFIG_INVALID', message: 'The serial {seq:999999999} has 999999999 digits; a serial has at most 15.' });
    expect(refusal('KH{seq:16}').message).toMatch(/at most 15/);
    expect(compileRule(`{seq:${MAX_SERIAL_WIDTH}}`).maxLength).toBe(15);
  });

  it('refuses every sized segment that is longer than a customer number', () => {
    for (const rule of ['{digits:41}', '{digits:1-41}', '{letters:9999}', '{alnum:4-9999}', '{uscc-char:41}', '{category:41}', '{region:999999999}', '{org:50}', '{alpha:41}', 'K'.repeat(41)]) {
      expect(refusal(rule).message, rule).toMatch(/can be \d+ characters long; a customer number has at most 40/);
    }
    expect(refusal('K'.repeat(4000)).message).toContain(`"${'K'.repeat(40)}…"`);
  });

  it('refuses a rule whose whole code can pass 40 characters, and takes one of exactly 40', () => {
    expect(refusal('KH{YYYY}{digits:20}{seq:15}').message).toBe('The rule makes codes of up to 41 characters; a customer number has at most 40.');
    expect(refusal('{letters:1-20}{digits:1-21}').message).toMatch(/up to 41 characters/);
    expect(compileRule('KH{YYYY}{digits:19}{seq:15}').maxLength).toBe(MAX_CODE_LENGTH);
  });

  it('bounds the serial options by the serial width', () => {
    expect(refusal('{seq:4|step=99999}').message).toBe('The serial {seq:4} cannot step by 99999: 4 digits end at 9999.');
    expect(refusal('{seq:4|max=99999}').message).toMatch(/cannot reach max=99999/);
    expect(refusal('{seq:4|start=99999}').message).toMatch(/starts at 99999, above its maximum 9999/);
    expect(refusal([{ type: 'seq', width: 15, start: 1e15 }]).message).toMatch(/starts at 1000000000000000, above its maximum 999999999999999/);
  });

  it('applies the same limits to JSON rules, grades and importers', () => {
    expect(refusal([{ type: 'field', field: 'category', length: 1000 }]).message).toMatch(/at most 40/);
    expect(refusal('[{"type":"chars","class":"digits","min":1,"max":1000}]').message).toMatch(/at most 40/);
    expect(refusal('grades:16').message).toMatch(/grades level of 16 characters/);
    expect(refusal('grades:15-15-15').message).toMatch(/can be 45 characters long/);
    expect(refusal(`erpnext:KH-.${'#'.repeat(16)}`).message).toMatch(/at most 15/);
    expect(refusal('odoo:prefix=KH,padding=41').message).toMatch(/at most 15/);
  });

  it('refuses rule text longer than any rule before reading it', () => {
    const long = `KH{seq:4}${'-'.repeat(MAX_RULE_TEXT_LENGTH)}`;
    const { message } = refusal(long);
    expect(message).toBe(`The rule is ${long.length} characters long; a rule has at most ${MAX_RULE_TEXT_LENGTH}.`);
  });
});
