import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { createMemorySequenceStore } from '@custcode/rules';
import { createMemorySource } from '@custcode/core';
import { migrate } from './migrate.js';
import type { CrosswalkRow } from './migration-types.js';

const customer = (code: string, name = `客户${code}有限公司`): Customer => ({
  source: 'u8', erp: 'yonyou-u8', code, name, status: 'active', createdAt: '2026-03-05T10:00:00', raw: { cCusCode: code },
});
const number = (serial: number) => `KH2026${String(serial).padStart(4, '0')}`;
const serialOf = (code: string) => Number(code.slice(6));
const targetHolding = (serials: readonly number[]) =>
  createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers: serials.map((serial) => ({ ...customer(number(serial), `已有客户${serial}`), source: 'k3', erp: 'kingdee-k3cloud' })) });

/**
 * Every number a row's reason names as passed over lies between the number before the row's own (in the
 * sequence of numbers handed out in this run) and its own, and was really taken: by the target or another row. And
 * every taken number below the last one handed out is named by exactly one row.
 */
function checkReasons(rows: readonly CrosswalkRow[], taken: ReadonlySet<string>): void {
  const generated = rows.filter((row) => row.decision === 'generated' && row.sourceStatus !== 'missing').sort((a, b) => serialOf(a.newCode) - serialOf(b.newCode));
  const named: string[] = [];
  let previous = 0;
  for (const row of generated) {
    for (const [, code] of row.reason.matchAll(/passed over (KH\d{8})/g)) {
      expect(serialOf(code!), `${row.oldCode} → ${row.newCode}: ${row.reason}`).toBeGreaterThan(previous);
      expect(serialOf(code!), `${row.oldCode} → ${row.newCode}: ${row.reason}`).toBeLessThan(serialOf(row.newCode));
      expect(taken.has(code!), `${code} was not taken`).toBe(true);
      named.push(code!);
    }
    previous = serialOf(row.newCode);
  }
  const below = [...taken].filter((code) => serialOf(code) < previous).sort();
  expect(named.sort()).toEqual(below);
}

describe('migration reasons', () => {
  it('name only the numbers passed over just before the row, not those its customer drew for another', async () => {
    const result = await migrate([customer('0001'), customer('0002'), customer('0003')], {
      rule: 'KH{YYYY}{seq:4}', store: createMemorySequenceStore(), target: targetHolding([1, 4]), nearDuplicates: false,
    });
    expect(result.rows.map((row) => [row.oldCode, row.newCode])).toEqual([['0001', number(2)], ['0002', number(3)], ['0003', number(5)]]);
    expect(result.rows[0]!.reason).toBe(`new number from rule KH{YYYY}{seq:4}; passed over ${number(1)}, held by target record ${number(1)} 已有客户1`);
    expect(result.rows[1]!.reason).toBe('new number from rule KH{YYYY}{seq:4}');
    expect(result.rows[2]!.reason).toBe(`new number from rule KH{YYYY}{seq:4}; passed over ${number(4)}, held by target record ${number(4)} 已有客户4`);
  });

  it('agree with the assignment, whatever the target and the crosswalk hold', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { maxLength: 5 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { maxLength: 3 }),
        async (customers, held, inCrosswalk) => {
          const crosswalk = inCrosswalk.filter((serial) => !held.includes(serial)).map((serial): CrosswalkRow => ({
            oldCode: `OLD${serial}`, newCode: number(serial), decision: 'generated', reason: '', mergedInto: '', heldBy: '', review: '', name: '', org: '', rowId: '', sourceStatus: 'missing',
          }));
          const source = Array.from({ length: customers }, (_, index) => customer(index === 0 ? '' : String(index).padStart(4, '0')));
          source[0] = { ...source[0]!, raw: { id: 1 } };
          const result = await migrate(source, {
            rule: 'KH{YYYY}{seq:4}', store: createMemorySequenceStore(), target: targetHolding(held), crosswalk, nearDuplicates: false,
          });
          checkReasons(result.rows, new Set([...held, ...crosswalk.map((row) => serialOf(row.newCode))].map(number)));
        },
      ),
      { numRuns: 150 },
    );
  });
});
