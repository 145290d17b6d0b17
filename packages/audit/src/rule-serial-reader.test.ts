import { describe, expect, it } from 'vitest';
import { compileRule } from '@custcode/rules';
import { createRuleSerialReader } from './rule-serial-reader.js';

describe('createRuleSerialReader', () => {
  it.each([
    ['KH{YYYY}{seq:4}', (index: number) => `KH${2015 + (index % 7)}${String(index).padStart(4, '0')}`],
    // In code order, as sources stream: runs of codes sharing the year.
    ['KH{YYYY}{seq:4}', (index: number) => `KH${2015 + Math.floor(index / 60)}${String(index % 60).padStart(4, '0')}`],
    ['C{seq:5}{check:luhn}', (index: number) => `C${String(index).padStart(5, '0')}`],
    ['{category:2}-{seq:3}-X', (index: number) => `${['01', '02', 'AB'][index % 3]}-${String(index).padStart(3, '0')}-X`],
    ['KH{YY}{seq:4|reset=month}', (index: number) => `KH${20 + (index % 3)}${String(index).padStart(4, '0')}`],
  ])('reads the same serial and counter key as parse() for %s', (pattern, make) => {
    const rule = compileRule(pattern);
    const read = createRuleSerialReader(rule);
    let compared = 0;
    for (let index = 1; index < 400; index++) {
      let code = make(index);
      if (pattern.includes('check')) code = rule.format({ serial: index });
      if (!rule.validate(code).valid) continue;
      const parsed = rule.parse(code)!;
      const expected = parsed.serial === undefined ? undefined : { serial: parsed.serial, counterKey: parsed.counterKey ?? '' };
      expect(read(code), code).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
