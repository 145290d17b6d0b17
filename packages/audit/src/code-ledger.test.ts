import { describe, expect, it } from 'vitest';
import { CodeLedger } from './code-ledger.js';

function ledgerOf(entries: Array<[key: string, org: string | null]>): CodeLedger {
  const ledger = new CodeLedger();
  entries.forEach(([key, org], slot) => ledger.add(`${key}#${slot}`, key, `name ${slot}`, `row ${slot}`, org));
  return ledger;
}

const summary = (ledger: CodeLedger) => ledger.duplicates().map((group) => [group.org, group.code, group.records]);

describe('CodeLedger', () => {
  it('finds nothing in ascending keys', () => {
    expect(summary(ledgerOf([['A1', null], ['A2', null], ['B1', null]]))).toEqual([]);
  });

  it('finds a key repeated right after itself', () => {
    expect(summary(ledgerOf([['A1', null], ['A2', null], ['A2', null], ['A3', null]]))).toEqual([[null, 'A2', ['A2#1', 'A2#2']]]);
  });

  it('finds a key repeated after the order broke, and keys repeated later again', () => {
    const ledger = ledgerOf([['A1', null], ['A5', null], ['A3', null], ['A1', null], ['A9', null], ['A5', null], ['A1', null]]);
    expect(summary(ledger)).toEqual([
      [null, 'A1', ['A1#0', 'A1#3', 'A1#6']],
      [null, 'A5', ['A5#1', 'A5#5']],
    ]);
  });

  it('keeps orgs apart, also when they interleave', () => {
    const ledger = ledgerOf([['A1', 'x'], ['A1', 'y'], ['A2', 'x'], ['A0', 'y'], ['A1', 'y'], ['A2', 'x'], ['A1', null]]);
    expect(summary(ledger)).toEqual([
      ['y', 'A1', ['A1#1', 'A1#4']],
      ['x', 'A2', ['A2#2', 'A2#5']],
    ]);
  });

  it('returns names and row ids of each group in stream order', () => {
    const [group] = ledgerOf([['B', null], ['A', null], ['B', null]]).duplicates();
    expect(group).toEqual({ code: 'B', records: ['B#0', 'B#2'], names: ['name 0', 'name 2'], rowIds: ['row 0', 'row 2'], org: null });
  });
});
