import { describe, expect, it } from 'vitest';
import { isCustcodeError } from '@custcode/core';
import { parsePattern } from './parse-pattern.js';
import { segmentsPattern } from './segment-pattern.js';

function syntaxError(pattern: string): string {
  try {
    parsePattern(pattern);
  } catch (error) {
    expect(isCustcodeError(error, 'CONFIG_INVALID')).toBe(true);
    return (error as Error).message;
  }
  throw new Error(`expected ${pattern} to be rejected`);
}

describe('parsePattern', () => {
  it('reads literals, dates, fields, classes, serial options and checks', () => {
    expect(parsePattern('KH-{YYYY}{MM}{category:2}{digits:2-4}{seq:4|start=10|step=2|reset=year|max=9000|scope=YYYY+category|mode=no-gap}{check:luhn}')).toEqual([
      { type: 'literal', text: 'KH-' },
      { type: 'date', part: 'YYYY' },
      { type: 'date', part: 'MM' },
      { type: 'field', field: 'category', length: 2 },
      { type: 'chars', class: 'digits', min: 2, max: 4 },
      { type: 'seq', width: 4, start: 10, step: 2, reset: 'year', max: 9000, scope: ['YYYY', 'category'], mode: 'no-gap' },
      { type: 'check', algorithm: 'luhn' },
    ]);
  });

  it('reads {{ and }} as literal braces', () => {
    expect(parsePattern('{{A}}{seq:2}')).toEqual([{ type: 'literal', text: '{A}' }, { type: 'seq', width: 2 }]);
  });

  it('round-trips through segmentsPattern', () => {
    const pattern = 'A{{B}}{YY}{region:3}{alnum:5}{seq:3|reset=month|scope=none}{check:mod97}';
    expect(segmentsPattern(parsePattern(pattern))).toBe(pattern);
  });

  it('says where and what was expected', () => {
    expect(syntaxError('KH{YYYY')).toMatch(/position 7 .*expected "}" closing the segment opened at position 2/);
    expect(syntaxError('KH{seq}')).toMatch(/position 6 .*a length of at least 1 after "seq:"/);
    expect(syntaxError('KH{seq:x}')).toMatch(/position 7 /);
    expect(syntaxError('KH{foo:2}')).toMatch(/position 3 .*expected a segment name/);
    expect(syntaxError('KH}')).toMatch(/position 2 .*write "}}"/);
    expect(syntaxError('{seq:4|reset=week}')).toMatch(/position 13 .*reset period \(never, year, month, day\)/);
    expect(syntaxError('{seq:4|colour=red}')).toMatch(/position 7 .*a serial option/);
    expect(syntaxError('{check:crc32}')).toMatch(/position 7 .*a check algorithm/);
    expect(syntaxError('{digits:5-3}')).toMatch(/N-M/);
    expect(syntaxError('{YYYY|start=1}')).toMatch(/only \{seq\} takes \|options/);
    expect(syntaxError('')).toMatch(/at least one segment/);
  });
});
