import { describe, expect, it } from 'vitest';
import { planFieldGroups } from './field-plan.js';

const field = (name: string, length: number) => ({ name, length, type: 'C' });

describe('planFieldGroups', () => {
  it('keeps one group when the fields fit one line', () => {
    expect(planFieldGroups([field('KUNNR', 10), field('NAME1', 35)], ['KUNNR'], 512)).toEqual([['KUNNR', 'NAME1']]);
  });

  it('splits wider lists so every group fits and starts with the key', () => {
    const fields = [field('KUNNR', 10), ...Array.from({ length: 20 }, (_, index) => field(`F${index}`, 35))];
    const groups = planFieldGroups(fields, ['KUNNR'], 512);
    expect(groups.length).toBe(2);
    for (const group of groups) {
      expect(group[0]).toBe('KUNNR');
      expect(group.reduce((sum, name) => sum + fields.find((entry) => entry.name === name)!.length, 0)).toBeLessThanOrEqual(512);
    }
    expect(groups.flat().filter((name) => name !== 'KUNNR').sort()).toEqual(fields.slice(1).map((entry) => entry.name).sort());
  });

  it('refuses a field that cannot fit next to the key', () => {
    expect(() => planFieldGroups([field('KUNNR', 10), field('HUGE', 600)], ['KUNNR'], 512)).toThrow(/does not fit/);
  });
});
