import { ConfigError } from '@custcode/core';
import { describe, expect, it } from 'vitest';
import { parseMatchDecisions, parsePreviousLinks, reviewCsv } from './match-files.js';
import type { ReviewPair } from './match-types.js';

const side = (source: string, code: string) => ({ source, code, org: '', globalId: 'G1', name: '=cmd', taxId: '', phone: '', address: '', region: '' });

describe('the decisions file', () => {
  it('reads the review CSV back once its decision column is filled, skipping undecided rows', () => {
    const pairs: ReviewPair[] = [{ a: side('u8', '-KH3'), b: side('k3', 'CUST0009'), probability: 0.9, detail: '' }, { a: side('u8', 'KH4'), b: side('sap', '7'), probability: 0.8, detail: '' }];
    const lines = reviewCsv(pairs).split('\n');
    // A reviewer types the decisions into the first column.
    const filled = [lines[0], `confirm${lines[1]}`, lines[2]].join('\n');
    expect(parseMatchDecisions(filled)).toEqual([{ a: { source: 'u8', code: '-KH3', org: '' }, b: { source: 'k3', code: 'CUST0009', org: '' }, decision: 'confirm' }]);
  });

  it('reads JSON and the Chinese verbs', () => {
    expect(parseMatchDecisions('[{"a":{"source":"u8","code":"1"},"b":{"source":"sap","code":"2","org":"1000"},"decision":"拒绝"}]')).toEqual([
      { a: { source: 'u8', code: '1', org: '' }, b: { source: 'sap', code: '2', org: '1000' }, decision: 'reject' },
    ]);
  });

  it('refuses an unknown decision, saying which line', () => {
    const text = 'source_a,code_a,source_b,code_b,decision\nu8,1,sap,2,maybe\n';
    expect(() => parseMatchDecisions(text)).toThrow(ConfigError);
    expect(() => parseMatchDecisions(text)).toThrow(/line 2: unknown decision "maybe"/);
  });
});

describe('the links file', () => {
  it('refuses a row without a global id', () => {
    expect(() => parsePreviousLinks('global_id,source,code\n,u8,1\n')).toThrow(/row 1 has no global id/);
  });
});
